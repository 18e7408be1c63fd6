package io.companyos.agent.exporters.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hands each batch of log records to the OTLP exporter with the records of one error fingerprint next to each other:
 * groups in the order their fingerprint first appears in the batch, the records of a group in the order they were
 * emitted; a record without a fingerprint is a group of its own, where it stood. Every record keeps its own
 * timestamp; nothing is added, dropped or changed.
 *
 * <p>Why: the records of one code path carry the same anonymized stack trace (~3 KB), and deflate finds a repeat only
 * within the last 32 KiB. In emission order a log storm of a few dozen code paths interleaves them, and each record's
 * trace is compressed nearly from scratch; grouped, every repeat after the first is a few long matches. On the
 * error-event benchmark (64 code paths, 512 records per batch) this cuts the gzip body from ~292 to ~115 bytes per
 * record and deflate's CPU by half, and with them the ledger's SHA-256, the sender's gunzip, the disk and the wire
 * (docs/benchmarks.md, error events, fourth pass).
 */
final class FingerprintGroupingExporter implements LogRecordExporter {
  private final LogRecordExporter delegate;

  FingerprintGroupingExporter(LogRecordExporter delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> records) {
    return delegate.export(grouped(records));
  }

  /** The records grouped as described above (the same collection when no two records share a fingerprint). */
  static Collection<LogRecordData> grouped(Collection<LogRecordData> records) {
    int n = records.size();
    if (n < 2) {
      return records;
    }
    // per record its group; groups numbered in the order of their first record
    Map<String, Integer> groupOf = new HashMap<>();
    int[] group = new int[n];
    int groups = 0;
    int i = 0;
    for (LogRecordData r : records) {
      String fingerprint = r.getAttributes().get(ErrorEvents.FINGERPRINT);
      if (fingerprint == null) {
        group[i++] = groups++;
      } else {
        Integer g = groupOf.putIfAbsent(fingerprint, groups);
        group[i++] = g == null ? groups++ : g;
      }
    }
    if (groups == n) {
      return records;
    }
    // a stable counting sort by group
    int[] start = new int[groups + 1];
    for (int g : group) {
      start[g + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    LogRecordData[] out = new LogRecordData[n];
    i = 0;
    for (LogRecordData r : records) {
      out[start[group[i++]]++] = r;
    }
    return java.util.Arrays.asList(out);
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
