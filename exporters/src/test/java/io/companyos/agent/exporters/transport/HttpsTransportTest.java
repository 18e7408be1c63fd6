package io.companyos.agent.exporters.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.companyos.agent.policy.egress.OutboundRequest;
import io.companyos.agent.policy.egress.TransportResponse;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsTransportTest {
  @TempDir
  static Path pki;
  static TestPki ca;
  static Path caPem;
  static Path serverKeyStore;
  static Path trustStore;
  static Path clientCert;
  static Path clientKeyPkcs8;
  static Path rsaClientCert;
  static Path rsaClientKeyPkcs1;

  private WireMockServer vendor;
  private HttpsTransport transport;

  @BeforeAll
  static void makePki() throws Exception {
    ca = new TestPki("Test Vendor CA");
    caPem = pki.resolve("ca.pem");
    ca.writeCaPem(caPem);
    serverKeyStore = pki.resolve("server.p12");
    ca.issue("localhost", true).writeKeyStore(serverKeyStore, ca.ca);
    trustStore = pki.resolve("trust.p12");
    ca.writeTrustStore(trustStore);
    TestPki.Issued client = ca.issue("agent-installation", false);
    clientCert = pki.resolve("client.pem");
    client.writeCertificatePem(clientCert);
    clientKeyPkcs8 = pki.resolve("client-key.pem");
    client.writeKeyPem(clientKeyPkcs8, false);
    TestPki.Issued rsaClient = ca.issueRsaClient("agent-installation-rsa");
    rsaClientCert = pki.resolve("client-rsa.pem");
    rsaClient.writeCertificatePem(rsaClientCert);
    rsaClientKeyPkcs1 = pki.resolve("client-rsa-key.pem");
    rsaClient.writeKeyPem(rsaClientKeyPkcs1, true);
  }

  private void startVendor(boolean needClientAuth) {
    var config = wireMockConfig().httpDisabled(true).httpsPort(0).bindAddress("127.0.0.1")
        .keystorePath(serverKeyStore.toString()).keystoreType("PKCS12")
        .keystorePassword(TestPki.PASSWORD).keyManagerPassword(TestPki.PASSWORD);
    if (needClientAuth) {
      config = config.needClientAuth(true).trustStorePath(trustStore.toString()).trustStoreType("PKCS12")
          .trustStorePassword(TestPki.PASSWORD);
    }
    vendor = new WireMockServer(config);
    vendor.start();
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat")).willReturn(aResponse().withStatus(202)));
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
    if (vendor != null) {
      vendor.stop();
    }
  }

  private URI endpoint() {
    return URI.create("https://127.0.0.1:" + vendor.httpsPort() + "/v1/heartbeat");
  }

  private OutboundRequest request() {
    return new OutboundRequest(endpoint(), "application/json", Map.of("Idempotency-Key", "k-0123456789"),
        "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
  }

  private TransportResponse postWith(TransportOptions options) throws Exception {
    transport = HttpsTransport.create(options, Clock.systemUTC());
    return transport.post(request()).join();
  }

  private static Throwable failure(HttpsTransport t, OutboundRequest r) {
    try {
      t.post(r).join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the request to fail");
  }

  @Test
  void postsTheExactBodyAndHeadersOverTlsTrustingTheCaBundle() throws Exception {
    startVendor(false);
    TransportResponse r = postWith(TransportOptions.builder().caBundle(caPem).build());
    assertThat(r.status()).isEqualTo(202);
    vendor.verify(1, postRequestedFor(urlEqualTo("/v1/heartbeat"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Idempotency-Key", equalTo("k-0123456789"))
        .withHeader("User-Agent", equalTo("companyos-agent"))
        .withRequestBody(equalTo("{\"schemaVersion\":1}")));
  }

  @Test
  void withoutTheCaBundleTheVendorsSelfSignedCertificateIsRefused() throws Exception {
    startVendor(false);
    transport = HttpsTransport.create(TransportOptions.builder().build(), Clock.systemUTC());
    assertThat(failure(transport, request())).isInstanceOf(SSLException.class);
    assertThat(vendor.getAllServeEvents()).isEmpty();
  }

  @Test
  void a503WithRetryAfterInSecondsOrAsADateIsReported() throws Exception {
    startVendor(false);
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
    assertThat(postWith(TransportOptions.builder().caBundle(caPem).build()))
        .isEqualTo(new TransportResponse(503, Optional.of(Duration.ofSeconds(120))));
    Clock fixed = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat")).willReturn(aResponse().withStatus(429).withHeader("Retry-After",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.parse("2026-03-01T10:05:00Z")))));
    transport.close();
    transport = HttpsTransport.create(TransportOptions.builder().caBundle(caPem).build(), fixed);
    assertThat(transport.post(request()).join())
        .isEqualTo(new TransportResponse(429, Optional.of(Duration.ofMinutes(5))));
  }

  @Test
  void aConnectionResetFailsTheRequest() throws Exception {
    startVendor(false);
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    transport = HttpsTransport.create(TransportOptions.builder().caBundle(caPem).build(), Clock.systemUTC());
    assertThat(failure(transport, request())).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aResponseSlowerThanTheTimeoutFails() throws Exception {
    startVendor(false);
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat"))
        .willReturn(aResponse().withStatus(202).withFixedDelay(5_000)));
    transport = HttpsTransport.create(TransportOptions.builder().caBundle(caPem).timeout(Duration.ofMillis(500))
        .build(), Clock.systemUTC());
    long started = System.nanoTime();
    assertThat(failure(transport, request())).isInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));
  }

  @Test
  void theDefaultTimeoutIsTenSeconds() {
    assertThat(TransportOptions.builder().build().timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void mutualTlsPresentsTheClientCertificate() throws Exception {
    startVendor(true);
    assertThat(postWith(TransportOptions.builder().caBundle(caPem).clientCertificate(clientCert, clientKeyPkcs8).build())
        .status()).isEqualTo(202);
    transport.close();
    assertThat(postWith(TransportOptions.builder().caBundle(caPem).clientCertificate(rsaClientCert, rsaClientKeyPkcs1)
        .build()).status()).as("an OpenSSL 'RSA PRIVATE KEY' works too").isEqualTo(202);
    transport.close();
    transport = HttpsTransport.create(TransportOptions.builder().caBundle(caPem).build(), Clock.systemUTC());
    assertThat(failure(transport, request())).as("no client certificate").isInstanceOf(java.io.IOException.class);
    assertThat(vendor.getAllServeEvents()).hasSize(2);
  }

  @Test
  void httpsGoesThroughTheProxyWithConnect() throws Exception {
    startVendor(false);
    try (ConnectProxy proxy = new ConnectProxy()) {
      TransportResponse r = postWith(TransportOptions.builder().caBundle(caPem)
          .proxy(URI.create("http://127.0.0.1:" + proxy.getPort())).build());
      assertThat(r.status()).isEqualTo(202);
      assertThat(proxy.connects).containsExactly("127.0.0.1:" + vendor.httpsPort());
      vendor.verify(1, postRequestedFor(urlEqualTo("/v1/heartbeat")));
    }
  }

  @Test
  void noProxyHostsAreReachedDirectly() throws Exception {
    startVendor(false);
    try (ConnectProxy proxy = new ConnectProxy()) {
      TransportResponse r = postWith(TransportOptions.builder().caBundle(caPem)
          .proxy(URI.create("http://127.0.0.1:" + proxy.getPort())).noProxy(List.of("127.0.0.1")).build());
      assertThat(r.status()).isEqualTo(202);
      assertThat(proxy.connects).isEmpty();
    }
  }

  @Test
  void noProxyMatchesHostsAndDomains() {
    NoProxySelector s = new NoProxySelector(URI.create("http://proxy.corp:3128"),
        List.of(".internal.example", "companyos.io", "10.0.0.5"));
    assertThat(s.bypasses("telemetry.companyos.io")).isTrue();
    assertThat(s.bypasses("companyos.io")).isTrue();
    assertThat(s.bypasses("a.internal.example")).isTrue();
    assertThat(s.bypasses("10.0.0.5")).isTrue();
    assertThat(s.bypasses("notcompanyos.io")).isFalse();
    assertThat(s.bypasses("example.org")).isFalse();
    assertThat(new NoProxySelector(URI.create("http://p:1"), List.of("*")).bypasses("anything")).isTrue();
  }

  @Test
  void badOptionsAndFilesAreNamed() {
    assertThatThrownBy(() -> TransportOptions.builder().proxy(URI.create("https://user:pw@proxy:3128")).build())
        .hasMessage("proxy must be http://host:port (no credentials)");
    Path missing = pki.resolve("nope.pem");
    assertThatThrownBy(() -> HttpsTransport.create(TransportOptions.builder().caBundle(missing).build(),
        Clock.systemUTC())).hasMessage("cannot read caBundle " + missing + " (NoSuchFileException)");
    assertThatThrownBy(() -> HttpsTransport.create(TransportOptions.builder().caBundle(caPem)
        .clientCertificate(clientCert, caPem).build(), Clock.systemUTC()))
        .hasMessage("clientKey " + caPem + " is not an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1)");
  }
}
