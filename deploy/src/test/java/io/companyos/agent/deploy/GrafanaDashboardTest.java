package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/grafana/companyos-agent.json: every metric its queries use is one the agent really exposes on /metrics
 * (the daemon is started and scraped), and the dashboard is well-formed for import.
 */
class GrafanaDashboardTest {
  private static JsonNode dashboard;

  @BeforeAll
  static void read() throws Exception {
    dashboard = new ObjectMapper().readTree(Repository.resolve("deploy/grafana/companyos-agent.json").toFile());
  }

  private static List<JsonNode> panels() {
    List<JsonNode> out = new ArrayList<>();
    dashboard.path("panels").forEach(p -> {
      out.add(p);
      p.path("panels").forEach(out::add);
    });
    return out;
  }

  /** Every query of the dashboard, by where it is. */
  private static Map<String, String> queries() {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode p : panels()) {
      p.path("targets").forEach(t -> out.put("panel '" + p.path("title").asText() + "' " + t.path("refId").asText(),
          t.path("expr").asText()));
    }
    dashboard.path("templating").path("list").forEach(v -> {
      JsonNode q = v.path("query");
      if (v.path("type").asText().equals("query")) {
        out.put("variable " + v.path("name").asText(), q.isObject() ? q.path("query").asText() : q.asText());
      }
    });
    return out;
  }

  @Test
  void everyMetricTheQueriesUseIsOneTheAgentExposes(@TempDir Path work) throws Exception {
    Set<String> exposed = ExposedMetrics.sampleNames(work);
    Map<String, Set<String>> used = new TreeMap<>();
    queries().forEach((where, expr) -> used.put(where, PromQlMetricNames.of(expr)));

    assertThat(used).isNotEmpty();
    used.forEach((where, names) -> {
      assertThat(names).as("%s uses a metric", where).isNotEmpty();
      assertThat(exposed).as("%s: %s", where, names).containsAll(names);
    });
  }

  @Test
  void coversProbesNodesLogsScrapesEgressAndTheAgentItself() {
    Set<String> all = new TreeSet<>();
    queries().values().forEach(q -> all.addAll(PromQlMetricNames.of(q)));

    assertThat(all).contains("agent_probe_status", "agent_probe_latency_seconds", "agent_host_cpu_usage_ratio",
        "agent_host_memory_used_bytes", "agent_host_filesystem_used_bytes", "agent_log_errors_events_total",
        "agent_scrape_up", "agent_ready", "agent_info", "process_cpu_usage", "jvm_memory_used_bytes",
        "agent_heartbeat_last_success_seconds", "agent_egress_denied_items_total", "agent_export_batches_total",
        "agent_queue_bytes", "agent_redactions_total", "agent_error_events_total");
  }

  @Test
  void isWellFormedForImport() {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode p : panels()) {
      String title = p.path("title").asText();
      assertThat(ids.add(p.path("id").asInt())).as("unique id of %s", title).isTrue();
      JsonNode grid = p.path("gridPos");
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("%s fits 24 columns", title).isLessThanOrEqualTo(24);
      if (!p.path("type").asText().equals("row")) {
        assertThat(p.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
        assertThat(p.path("targets").size()).as("%s has queries", title).isPositive();
        p.path("targets").forEach(t ->
            assertThat(t.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}"));
        assertThat(p.path("description").asText()).as("%s explains itself", title).isNotBlank();
      }
    }
    assertThat(dashboard.path("uid").asText()).isEqualTo("companyos-agent");
    assertThat(dashboard.path("templating").path("list")).extracting(v -> v.path("name").asText())
        .containsExactly("datasource", "instance");
  }
}
