package io.companyos.agent.collectors.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.companyos.agent.collectors.http.HttpFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP probe's tests, run against both HTTP clients ({@link JdkHttpProbeTest}, {@link VertxHttpProbeTest}): the
 * probe must behave the same on either.
 */
abstract class HttpProbeTest extends ProbeContractTest {

  /** The HTTP client under test. */
  abstract HttpFetcher fetcher();

  private HttpProbe.Builder builder(String name, URI url) {
    return HttpProbe.builder(name, url).http(fetcher());
  }


  @TempDir static Path certDir;
  @TempDir Path dir;

  private static WireMockServer server;
  private static TestCertificates certificates;

  @BeforeAll
  static void startServer() throws Exception {
    certificates = TestCertificates.create(certDir);
    server = new WireMockServer(options()
        .bindAddress(TestServers.HOST)
        .dynamicPort()
        .dynamicHttpsPort()
        .keystorePath(certificates.serverKeyStore.toString())
        .keystoreType("PKCS12")
        .keystorePassword(TestCertificates.STORE_PASSWORD)
        .keyManagerPassword(TestCertificates.STORE_PASSWORD));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void stubs() {
    server.resetAll();
    server.stubFor(get("/health/ready").willReturn(aResponse().withStatus(200)));
    server.stubFor(get("/minio/health/cluster").willReturn(aResponse().withStatus(503)));
    server.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "/login")));
    server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
  }

  @Override
  String type() {
    return "http";
  }

  @Override
  Probe healthy(String name) {
    return builder(name, http("/health/ready")).build();
  }

  @Override
  Probe atPort(String name, int port, Duration timeout) {
    return builder(name, URI.create("http://127.0.0.1:" + port + "/health/ready"))
        .timeout(timeout).build();
  }

  @Test
  void statusOutsideTheExpectedRangeIsDown() throws Exception {
    ProbeResult result = builder("minio", http("/minio/health/cluster")).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).isEqualTo("HTTP 503, expected 200-299");
  }

  @Test
  void redirectsAreNotFollowedButCanBeExpected() throws Exception {
    ProbeResult strict = builder("web", http("/moved")).build().check().get();
    ProbeResult lenient = builder("web", http("/moved"))
        .expectedStatus(StatusRange.parse("200-399")).build().check().get();

    assertThat(strict.detail()).isEqualTo("HTTP 302, expected 200-299");
    assertThat(lenient.status()).isEqualTo(ProbeStatus.UP);
    assertThat(lenient.detail()).isEqualTo("HTTP 302");
  }

  @Test
  void slowResponsePastTheTimeoutIsDown() throws Exception {
    ProbeResult result = builder("core-api", http("/slow"))
        .timeout(Duration.ofMillis(300)).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).isEqualTo("timed out after 300 ms");
    assertThat(result.latency()).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void bearerTokenIsSentButNeverReported() throws Exception {
    String token = "eyJ-test-token-0123456789";
    Path tokenFile = TestServers.secretFile(dir, "token", token + "\n");
    server.stubFor(get("/api/health").willReturn(aResponse().withStatus(401)));

    ProbeResult result = builder("core-api", http("/api/health"))
        .bearerTokenFile(tokenFile).build().check().get();

    server.verify(getRequestedFor(urlEqualTo("/api/health"))
        .withHeader("Authorization", equalTo("Bearer " + token)));
    assertThat(result.detail()).isEqualTo("HTTP 401, expected 200-299").doesNotContain(token);
  }

  @Test
  void tlsWithThePrivateCaIsUp() throws Exception {
    ProbeResult result = builder("keycloak", https("/health/ready"))
        .caFile(certificates.caPem).build().check().get();

    assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.UP);
    assertThat(result.detail()).isEqualTo("HTTP 200");
  }

  @Test
  void tlsWithoutThePrivateCaIsDown() throws Exception {
    ProbeResult result = builder("keycloak", https("/health/ready")).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).startsWith("TLS handshake failed: ");
  }

  @Test
  void tlsInsecureAcceptsTheSelfSignedCertificate() throws Exception {
    ProbeResult result = builder("keycloak", https("/health/ready"))
        .insecure(true).build().check().get();

    assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.UP);
  }

  @Test
  void unreadableCaFileIsDownNamingTheFile() throws Exception {
    Path missing = dir.resolve("missing-ca.pem");

    ProbeResult result = builder("keycloak", https("/health/ready"))
        .caFile(missing).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).isEqualTo("cannot read caFile " + missing);
  }

  @Test
  void builderRejectsBadOptions() {
    assertThatThrownBy(() -> builder("x", URI.create("ftp://host/")))
        .hasMessage("url must be http or https, got 'ftp://host/'");
    assertThatThrownBy(() -> builder("x", http("/")).insecure(true).caFile(dir).build())
        .hasMessage("caFile and insecure exclude each other");
    assertThatThrownBy(() -> builder("x", http("/")).timeout(Duration.ZERO))
        .hasMessage("timeout must be positive, got PT0S");
    assertThatThrownBy(() -> builder(" ", http("/")))
        .hasMessage("probe name must not be blank");
  }

  private static URI http(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static URI https(String path) {
    return URI.create("https://127.0.0.1:" + server.httpsPort() + path);
  }

  @Test
  void timeoutsAgainstASilentPeerLeaveNoConnectionOpen() throws Exception {
    assertTimeoutsAgainstASilentPeerLeaveNoConnectionOpen(this::atPort);
  }
}
