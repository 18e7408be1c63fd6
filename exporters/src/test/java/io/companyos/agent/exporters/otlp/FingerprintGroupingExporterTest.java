package io.companyos.agent.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The records of one fingerprint go out side by side; nothing is lost, added or reordered within a fingerprint. */
class FingerprintGroupingExporterTest {
  private static final AttributeKey<Long> N = AttributeKey.longKey("n");

  /** Records made by the SDK itself: each has attribute n (its position) and, unless null, a fingerprint. */
  private static List<LogRecordData> records(List<String> fingerprints) {
    List<LogRecordData> made = new ArrayList<>();
    try (SdkLoggerProvider provider = SdkLoggerProvider.builder()
        .addLogRecordProcessor(SimpleLogRecordProcessor.create(new Capture(made))).build()) {
      for (int i = 0; i < fingerprints.size(); i++) {
        var b = provider.get("test").logRecordBuilder().setAttribute(N, (long) i);
        if (fingerprints.get(i) != null) {
          b.setAttribute(ErrorEvents.FINGERPRINT, fingerprints.get(i));
        }
        b.emit();
      }
    }
    return made;
  }

  private static List<Long> order(Collection<LogRecordData> records) {
    return records.stream().map(r -> r.getAttributes().get(N)).toList();
  }

  @Test
  void groupsInTheOrderOfTheirFirstRecordAndKeepsEmissionOrderWithinAGroup() {
    List<String> fps = new ArrayList<>(List.of("a", "b", "a", "c", "b", "a"));
    fps.add(null); // 6: no fingerprint, stays a group of its own where it stood
    fps.addAll(List.of("c", "d"));
    List<LogRecordData> in = records(fps);
    List<LogRecordData> sent = new ArrayList<>();
    new FingerprintGroupingExporter(new Capture(sent)).export(in);
    // a: 0 2 5, b: 1 4, c: 3 7, the unfingerprinted 6 after c's group started, then d: 8
    assertThat(order(sent)).containsExactly(0L, 2L, 5L, 1L, 4L, 3L, 7L, 6L, 8L);
  }

  @Test
  void aBatchWithoutRepeatsIsPassedOnAsItIs() {
    List<LogRecordData> in = records(java.util.Arrays.asList("a", null, "b", null, "c"));
    assertThat(FingerprintGroupingExporter.grouped(in)).isSameAs(in);
    List<LogRecordData> one = in.subList(0, 1);
    assertThat(FingerprintGroupingExporter.grouped(one)).isSameAs(one);
  }

  @Test
  void aLargeMixedBatchIsAPermutationGroupedAndStable() {
    Random rnd = new Random(7);
    List<String> fps = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      fps.add(rnd.nextInt(10) == 0 ? null : "fp" + rnd.nextInt(64));
    }
    List<LogRecordData> in = records(fps);
    List<Long> out = order(FingerprintGroupingExporter.grouped(in));
    assertThat(out).containsExactlyInAnyOrderElementsOf(order(in));
    // each fingerprint's records are contiguous and in emission order
    java.util.Map<String, List<Integer>> positions = new java.util.HashMap<>();
    for (int p = 0; p < out.size(); p++) {
      String fp = fps.get(out.get(p).intValue());
      if (fp != null) {
        positions.computeIfAbsent(fp, k -> new ArrayList<>()).add(p);
      }
    }
    positions.forEach((fp, ps) -> {
      assertThat(ps.get(ps.size() - 1) - ps.get(0)).as(fp).isEqualTo(ps.size() - 1);
      List<Long> ns = ps.stream().map(out::get).toList();
      assertThat(ns).as(fp).isSorted();
    });
    // groups come in the order of their first record
    List<Long> firsts = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Long n : out) {
      String fp = fps.get(n.intValue());
      if (fp == null || seen.add(fp)) {
        firsts.add(n);
      }
    }
    assertThat(firsts).isSorted();
  }

  /** Collects what it is given. */
  private record Capture(List<LogRecordData> into) implements LogRecordExporter {
    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      into.addAll(logs);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
