package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {
  @Test
  void findsTheMetricsOfAnAggregationOverARate() {
    assertThat(PromQlMetricNames.of(
        "sum by (service) (rate(agent_log_errors_events_total{instance=~\"$instance\"}[$__rate_interval]))"))
        .containsExactly("agent_log_errors_events_total");
  }

  @Test
  void findsBothSidesOfABinaryOperationAndIgnoresLabelValuesThatLookLikeNames() {
    assertThat(PromQlMetricNames.of(
        "agent_host_load_tasks{window=\"5m\", mount=\"process_cpu_usage\"} / on (instance) agent_host_cpu_count_cpus"
            + " > bool 0.5 and agent_ready offset 5m"))
        .containsExactly("agent_host_cpu_count_cpus", "agent_host_load_tasks", "agent_ready");
  }

  @Test
  void readsTheMetricOfAGrafanaLabelValuesQueryNotItsLabel() {
    assertThat(PromQlMetricNames.of("label_values(agent_info, instance)")).containsExactly("agent_info");
  }

  @Test
  void ignoresNumbersDurationsAndFunctions() {
    assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) * 1e3 + time()"))
        .containsExactly("x_bucket");
  }
}
