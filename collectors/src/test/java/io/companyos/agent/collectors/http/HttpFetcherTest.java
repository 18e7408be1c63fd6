package io.companyos.agent.collectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What both {@link HttpFetcher}s promise beyond the probe's and the scraper's tests (which run against both too):
 * the body intact across chunks, the size cap, a timeout that covers a body that never ends, no redirects.
 * {@link JdkHttpFetcherTest} and {@link VertxHttpFetcherTest} run it.
 */
abstract class HttpFetcherTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final byte[] LARGE = new byte[700 * 1024]; // over LARGE_BODY_BYTES: a worker hands it over
  private static WireMockServer server;

  abstract HttpFetcher fetcher();

  @BeforeAll
  static void startServer() {
    for (int i = 0; i < LARGE.length; i++) {
      LARGE[i] = (byte) ('a' + i % 26);
    }
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(get("/large").willReturn(aResponse().withHeader("Content-Type", "text/plain; version=0.0.4")
        .withBody(LARGE)));
    server.stubFor(get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/large")));
    // headers at once, then the body a byte every ~100 ms over 4 s
    server.stubFor(get("/dribble").willReturn(aResponse().withBody("x".repeat(40))
        .withChunkedDribbleDelay(40, 4000)));
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Test
  void theBodyArrivesWholeWithStatusAndContentType() throws Exception {
    HttpFetcher.Response response = fetcher().get(request("/large").header("X-Probe", "yes")).get();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/plain; version=0.0.4");
    try (InputStream body = response.bodyStream()) {
      assertThat(Arrays.equals(body.readAllBytes(), LARGE)).as("body intact").isTrue();
    }
    server.verify(getRequestedFor(urlEqualTo("/large")).withHeader("X-Probe", equalTo("yes")));
  }

  /**
   * Many callers on other threads, one client, answers with an empty body (a 401, as an auth-protected health check
   * gives) while two threads keep both cores busy: every exchange ends with its status. Found on the clean-clone CI:
   * when the Vert.x response arrived before a preempted caller had chained its handlers, the end was lost and a
   * healthy target read "timed out" (before the fix about 1 in 3,000 exchanges here).
   */
  @Test
  void concurrentCallersUnderCpuContentionAllGetTheirAnswer() throws Exception {
    io.vertx.core.Vertx peer = io.vertx.core.Vertx.vertx();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    try {
      int port = peer.createHttpServer().requestHandler(r -> r.response().setStatusCode(401).end())
          .listen(0, "127.0.0.1").await().actualPort();
      URI url = URI.create("http://127.0.0.1:" + port + "/health");
      for (int i = 0; i < 50; i++) { // connections open and classes loaded before the short timeouts count
        fetcher().get(HttpFetcher.Request.get(url, TIMEOUT)).get();
      }
      for (int i = 0; i < 2; i++) {
        Thread spinner = new Thread(() -> {
          long spin = 0;
          while (!stop.get()) {
            spin += System.nanoTime() & 1;
          }
        });
        spinner.setDaemon(true);
        spinner.start();
        threads.add(spinner);
      }
      java.util.Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();
      java.util.List<Thread> callers = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread caller = new Thread(() -> {
          for (int i = 0; i < 500; i++) {
            String outcome;
            try {
              outcome = "HTTP " + fetcher().get(HttpFetcher.Request.get(url, Duration.ofSeconds(3))).get().status();
            } catch (Exception e) {
              outcome = String.valueOf(e.getCause());
            }
            outcomes.merge(outcome, 1, Integer::sum);
          }
        });
        caller.start();
        callers.add(caller);
      }
      for (Thread caller : callers) {
        caller.join();
      }
      assertThat(outcomes).isEqualTo(java.util.Map.of("HTTP 401", 2000));
    } finally {
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      peer.close().await();
    }
  }

  @Test
  void aBodyOverTheCapFailsTheRequest() {
    assertThatThrownBy(() -> fetcher().get(request("/large").maxBodyBytes(64 * 1024)).get())
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(HttpFetcher.ResponseTooLargeException.class)
        .hasMessage("response body larger than 65536 bytes");
  }

  @Test
  void aDiscardedBodyOverTheCapStillGivesTheStatus() throws Exception {
    HttpFetcher.Response response = fetcher().get(request("/large").maxBodyBytes(1024).discardBody()).get();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void redirectsAreReturnedNotFollowed() throws Exception {
    HttpFetcher.Response response = fetcher().get(request("/moved")).get();

    assertThat(response.status()).isEqualTo(301);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void theTimeoutCoversABodyThatDoesNotEnd() {
    HttpFetcher.Request request = HttpFetcher.Request.get(url("/dribble"), Duration.ofMillis(500));

    assertThatThrownBy(() -> fetcher().get(request).get())
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfAny(TimeoutException.class, HttpTimeoutException.class);
  }

  @Test
  void aClosedPortFailsWithConnectException() throws Exception {
    try (Socket held = new Socket()) { // bound, never listening: refuses connections while held
      held.bind(new InetSocketAddress("127.0.0.1", 0));
      HttpFetcher.Request request =
          HttpFetcher.Request.get(URI.create("http://127.0.0.1:" + held.getLocalPort() + "/"), TIMEOUT);

      assertThatThrownBy(() -> fetcher().get(request).get())
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void requestsOtherThanHttpAreRefusedWhenMade() {
    assertThatThrownBy(() -> HttpFetcher.Request.get(URI.create("ftp://host/"), TIMEOUT))
        .hasMessage("url must be http or https, got 'ftp://host/'");
    assertThatThrownBy(() -> HttpFetcher.Request.get(url("/"), Duration.ZERO))
        .hasMessage("timeout must be positive, got PT0S");
  }

  private static HttpFetcher.Request request(String path) {
    return HttpFetcher.Request.get(url(path), TIMEOUT);
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
