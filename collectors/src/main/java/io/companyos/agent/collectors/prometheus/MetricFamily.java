package io.companyos.agent.collectors.prometheus;

import java.util.List;
import java.util.Objects;

/**
 * A metric family: its name, type, help and unit, and its samples in written order.
 *
 * @param name the family name (without {@code _bucket}, {@code _total}, … suffixes)
 * @param type the declared type; UNKNOWN when no {@code # TYPE} line named it
 * @param help the help text (unescaped), empty when none
 * @param unit the OpenMetrics unit, empty when none
 * @param samples the samples
 */
public record MetricFamily(
    String name, MetricType type, String help, String unit, List<Sample> samples) {

  public MetricFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(unit, "unit");
    samples = List.copyOf(samples);
  }
}
