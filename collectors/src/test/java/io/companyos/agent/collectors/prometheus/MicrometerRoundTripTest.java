package io.companyos.agent.collectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** What a real writer (Micrometer's Prometheus registry) writes, the parser reads back. */
class MicrometerRoundTripTest {

  private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final ExpositionParser parser = new ExpositionParser();

  @Test
  void countersGaugesHistogramsAndSummariesInBothFormats() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("core.requests").tag("route", "/graph").register(registry).increment(42);
    Gauge.builder("core.queue.depth", () -> 7).register(registry);
    Timer timer = Timer.builder("core.latency").publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(100)).register(registry);
    timer.record(Duration.ofMillis(30));
    timer.record(Duration.ofMillis(300));
    DistributionSummary.builder("core.payload").baseUnit("bytes").publishPercentiles(0.5, 0.99)
        .register(registry).record(1024);

    for (String contentType : List.of(TEXT, OPENMETRICS)) {
      List<MetricFamily> families =
          parser.parse(registry.scrape(contentType), ExpositionFormat.ofContentType(contentType));

      // the 0.0.4 text names counter families with _total, OpenMetrics without
      MetricFamily requests = family(families,
          contentType.equals(TEXT) ? "core_requests_total" : "core_requests");
      assertThat(requests.type()).as(contentType).isEqualTo(MetricType.COUNTER);
      assertThat(requests.samples().get(0).name()).isEqualTo("core_requests_total");
      assertThat(requests.samples().get(0).value()).isEqualTo(42.0);
      assertThat(requests.samples().get(0).labels()).containsEntry("route", "/graph");
      assertThat(family(families, "core_queue_depth").samples().get(0).value()).isEqualTo(7.0);
      MetricFamily latency = family(families, "core_latency_seconds");
      assertThat(latency.type()).isEqualTo(MetricType.HISTOGRAM);
      assertThat(latency.samples()).filteredOn(s -> s.name().endsWith("_count"))
          .singleElement().extracting(Sample::value).isEqualTo(2.0);
      assertThat(latency.samples()).filteredOn(s -> s.name().endsWith("_bucket"))
          .anySatisfy(s -> assertThat(s.labels()).containsEntry("le", "+Inf"));
      MetricFamily payload = family(families, "core_payload_bytes");
      assertThat(payload.type()).isEqualTo(MetricType.SUMMARY);
      assertThat(payload.samples()).anySatisfy(s -> assertThat(s.labels()).containsKey("quantile"));
    }
  }

  /** Any label value and gauge value survive writing and parsing, escapes included. */
  @Property(tries = 200)
  void anyLabelValueAndGaugeValueRoundTrip(
      @ForAll @StringLength(max = 30) String labelValue,
      @ForAll @DoubleRange(min = -1e12, max = 1e12) double value) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicReference<Double> holder = new AtomicReference<>(value);
    Gauge.builder("probe.value", holder, AtomicReference::get).tag("v", labelValue)
        .strongReference(true) // a weakly held gauge reads NaN once the holder is collected
        .register(registry);

    for (String contentType : List.of(TEXT, OPENMETRICS)) {
      Sample sample = family(parser.parse(registry.scrape(contentType),
          ExpositionFormat.ofContentType(contentType)), "probe_value").samples().get(0);

      assertThat(sample.labels().get("v")).isEqualTo(labelValue);
      assertThat(sample.value()).isEqualTo(value);
    }
  }

  /** The values that broke a line reader before: carriage returns and Unicode line separators. */
  @Test
  void controlCharactersAndLineSeparatorsInLabelValuesRoundTrip() throws Exception {
    for (String labelValue : List.of("\r", "a\rb", "\r\n", "x\n\ry", "\u2028", "\u0085", "\\\"\n")) {
      anyLabelValueAndGaugeValueRoundTrip(labelValue, 3.25);
    }
  }

  private static MetricFamily family(List<MetricFamily> families, String name) {
    Optional<MetricFamily> found = families.stream().filter(f -> f.name().equals(name)).findFirst();
    assertThat(found).as("family " + name).isPresent();
    return found.get();
  }
}
