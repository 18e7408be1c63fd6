package io.companyos.agent.deploy;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.daemon.AgentDaemon;
import io.companyos.agent.daemon.StateDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample names the agent really exposes on {@code /metrics}: the daemon started in-process with one of each
 * configured source (a probe, a scrape, a log source) in tier full (heartbeat and OTLP stream pointed at a loopback
 * port where nothing listens), so that the meters those parts register are there, and scraped over HTTP once every
 * source has run.
 */
final class ExposedMetrics {
  private ExposedMetrics() {}

  static Set<String> sampleNames(Path workDir) throws Exception {
    // the heartbeat and OTLP endpoint: a loopback port bound but never listening, held until the daemon stopped, so it
    // refuses connections throughout (a port bound and released could be taken meanwhile by another test's server)
    try (Socket refusing = new Socket(); ServerSocket probeTarget = new ServerSocket(0)) {
      refusing.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int deadPort = refusing.getLocalPort();
      HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      service.createContext("/metrics", exchange -> {
        byte[] body = "# TYPE companyos_requests_total counter\ncompanyos_requests_total 7\n"
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      service.start();
      Path logs = Files.createDirectories(workDir.resolve("logs"));
      Files.writeString(logs.resolve("core-api.log"), "2026-01-01T00:00:00Z INFO started\n");
      try {
        String yaml = """
            tier: full
            stateDir: %s
            server: { host: 127.0.0.1, port: 0 }
            heartbeat: { endpoint: "http://127.0.0.1:%2$d/v1/heartbeat" }
            telemetry: { endpoint: "http://127.0.0.1:%2$d", interval: 1s }
            probeInterval: 1s
            probes:
              - { name: core-api, type: tcp, host: 127.0.0.1, port: %3$d }
            scrapes:
              - { name: core-api, url: "http://127.0.0.1:%4$d/metrics", interval: 1s, allow: ["companyos_*"] }
            logs:
              - { path: "%5$s/*.log", service: core-api, format: plain }
            """.formatted(workDir.resolve("state"), deadPort, probeTarget.getLocalPort(),
            service.getAddress().getPort(), logs);
        AgentConfig config = CheckConfig.effective(yaml, Map.of());
        try (StateDirectory state = StateDirectory.open(config.stateDir())) {
          AgentDaemon daemon = AgentDaemon.start(config, state, Clock.systemUTC());
          try {
            HttpClient http = HttpClient.newHttpClient();
            URI metrics = URI.create("http://127.0.0.1:" + daemon.port() + "/metrics");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
              String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                  .body();
              return text.contains("\nagent_probe_status{") && text.contains("\nagent_scrape_up{")
                  && text.contains("\nagent_queue_bytes ")
                  && !text.contains("agent_scrape_up{scrape=\"core-api\"} NaN");
            });
            return names(http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                .body());
          } finally {
            daemon.stop(Duration.ofSeconds(10));
          }
        }
      } finally {
        service.stop(0);
      }
    }
  }

  /** The sample names of a text exposition (what PromQL selects), e.g. {@code jvm_gc_pause_seconds_count}. */
  static Set<String> names(String exposition) throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
        end++;
      }
      names.add(line.substring(0, end));
    }
    return names;
  }
}
