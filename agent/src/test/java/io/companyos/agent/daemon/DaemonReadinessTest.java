package io.companyos.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /readyz} answers 200 only once everything the daemon runs has started, not when the server listens. */
class DaemonReadinessTest {
  @TempDir
  Path tmp;

  private static HttpResponse<String> readyz(int port) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
          .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void notReadyWhileListeningBeforeThePipelinesStartReadyAfter() throws Exception {
    AgentConfig config = new ConfigLoader(Map.of()).bind("stateDir: " + tmp.resolve("state") + "\n"
        + "server: { port: 0 }\n");
    List<HttpResponse<String>> beforePipelines = new ArrayList<>();
    try (StateDirectory state = StateDirectory.open(config.stateDir())) {
      AgentDaemon daemon = AgentDaemon.start(config, state, Clock.systemUTC(),
          port -> beforePipelines.add(readyz(port)));
      try {
        assertThat(beforePipelines).hasSize(1);
        assertThat(beforePipelines.get(0).statusCode()).isEqualTo(503);
        JsonNode body = new ObjectMapper().readTree(beforePipelines.get(0).body());
        assertThat(body.get("reasons").get(0).asText()).isEqualTo(AgentDaemon.STARTING);

        HttpResponse<String> after = readyz(daemon.port());
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(daemon.readinessProblems()).isEmpty();
      } finally {
        assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();
      }
    }
  }
}
