package io.companyos.agent.exporters.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.companyos.agent.exporters.queue.BatchSender;
import io.companyos.agent.exporters.queue.QueuedBatch;
import io.companyos.agent.exporters.queue.SendOutcome;
import io.companyos.agent.policy.DenialReason;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.allowlist.TelemetryItem;
import io.companyos.agent.policy.egress.EgressResult;
import io.companyos.agent.policy.egress.EgressSender;
import io.companyos.agent.policy.egress.RecordedSend;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sends one queued OTLP request through the egress guard: decodes it, lets the guard screen every data point and log
 * record against the allowlist, re-encodes the admitted ones (gzip) and hands them to the guard's sender, which records
 * them in the ledger before they leave. The guard's answer becomes the queue's {@link SendOutcome}.
 */
public final class OtlpBatchSender implements BatchSender {
  private static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;
  /**
   * The largest decoded size read into one array of the size the gzip trailer names: a request of
   * {@link OtlpPipeline#MAX_BATCH_RECORDS} records with every trace at the allowlist's 16 KiB (~16.2 MiB). Above it the
   * output is read in chunks and copied together, twice the memory at the peak.
   */
  private static final int MAX_HINTED_BYTES = 17 * 1024 * 1024;
  private static final long SEND_TIMEOUT_SECONDS = 60;
  /**
   * The decoded (protobuf) size a request joining several queued batches stays within ({@link #prepareGroup}): below
   * the OpenTelemetry Collector's default request limit of 20 MiB; a single batch may be larger and goes alone.
   */
  static final long MAX_JOINED_DECODED_BYTES = 16L * 1024 * 1024;
  static final java.util.Set<String> SEVERITY_TEXTS =
      java.util.Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

  private final Function<PayloadKind, Optional<EgressSender>> senders;
  /** Anonymized stack traces decoded before, by their exact bytes (see {@link LogsScan}). */
  private final TextCache texts = new TextCache();
  private final Decoding decoding = new Decoding();

  /** @param senders the guard's senders by kind ({@code guard::sender} bound to the configured endpoints) */
  public OtlpBatchSender(Function<PayloadKind, Optional<EgressSender>> senders) {
    this.senders = senders;
  }

  @Override
  public SendOutcome send(QueuedBatch batch) {
    return prepare(batch).start().await();
  }

  /**
   * Decodes the batch (gunzip, then {@link LogsScan} or protobuf) without consulting the guard: the sender for its
   * kind is looked up, and the records screened, recorded and sent, only when it is {@linkplain Prepared#start
   * started}.
   */
  @Override
  public Prepared prepare(QueuedBatch batch) {
    QueuedExport export;
    try {
      export = QueuedExport.decode(batch.payload());
    } catch (IllegalArgumentException e) {
      return refused(new SendOutcome.Rejected(0, "unreadable queued batch (" + e.getClass().getSimpleName() + ")"));
    }
    PayloadKind kind = export.signal() == OtlpSignal.METRICS ? PayloadKind.OTLP_METRICS : PayloadKind.OTLP_LOGS;
    Function<EgressSender, RecordedSend> screenAndRecord;
    LogsPart part = null;
    synchronized (decoding) {
      byte[] body;
      int length;
      try {
        if (!export.gzip()) {
          body = export.body();
          length = body.length;
        } else {
          length = gunzipReusing(export.body());
          body = length >= 0 ? decoding.buffer : gunzip(export.body());
          length = length >= 0 ? length : body.length;
        }
      } catch (IOException e) {
        return refused(new SendOutcome.Rejected(0, "unreadable queued batch (" + e.getClass().getSimpleName() + ")"));
      }
      java.util.function.Supplier<byte[]> whole = export.gzip() ? export::body : () -> gzip(export.body());
      // what the rebuild (some records refused) decodes again: the reused buffer holds another batch by then
      java.util.function.Supplier<byte[]> decodedAgain = !export.gzip() ? export::body : () -> {
        try {
          return gunzip(export.body());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      try {
        if (kind == PayloadKind.OTLP_METRICS) {
          screenAndRecord = metrics(body, length);
        } else {
          part = logs(body, length, whole, decodedAgain, texts);
          if (part != null) {
            part = part.decoded(length);
          }
          screenAndRecord = part != null ? part::recordThrough : MIXED_RESOURCES;
        }
      } catch (InvalidProtocolBufferException e) {
        return refused(new SendOutcome.Rejected(0, "queued batch is not OTLP protobuf"));
      } catch (RuntimeException e) {
        return refused(new SendOutcome.RetryLater(Optional.empty(), "send failed (" + e.getClass().getSimpleName()
            + ")"));
      }
    }
    return new PreparedRequest(kind, screenAndRecord, part, () -> 0);
  }

  /**
   * Several queued logs requests as one: when the batches behind the first are logs requests of the same resource in
   * a form the sender reads ({@link LogsScan} or protobuf), their records are screened together and the admitted ones
   * leave in one request whose body is the batches' gzip encodings one after the other — a multi-member gzip stream
   * (RFC 1952) that decodes to their protobuf requests back to back, which protobuf parses as one request holding
   * every batch's {@code resource_logs} in order. Nothing is re-encoded when every record is admitted. The ledger
   * records that request, as it records any other: exactly the bytes that leave. Metrics batches, a batch that cannot
   * join (another resource, unreadable) and one that would take the decoded request past
   * {@link #MAX_JOINED_DECODED_BYTES} end the group; the first batch alone is an ordinary request.
   */
  @Override
  public Group prepareGroup(List<QueuedBatch> batches) {
    Prepared first = prepare(batches.get(0));
    if (batches.size() == 1 || !(first instanceof PreparedRequest p) || p.part == null) {
      return new Group(1, first);
    }
    List<LogsPart> parts = new ArrayList<>(batches.size());
    parts.add(p.part);
    long decoded = p.part.decodedBytes();
    for (int i = 1; i < batches.size(); i++) {
      byte[] payload = batches.get(i).payload();
      if (payload.length < 3 || payload[1] != (byte) OtlpSignal.LOGS.code()) {
        break; // a metrics batch (or not one this version wrote): it goes in a request of its own
      }
      if (!(prepare(batches.get(i)) instanceof PreparedRequest q) || q.part == null
          || !q.part.resource().equals(p.part.resource())
          || decoded + q.part.decodedBytes() > MAX_JOINED_DECODED_BYTES) {
        break;
      }
      decoded += q.part.decodedBytes();
      parts.add(q.part);
    }
    if (parts.size() == 1) {
      return new Group(1, first);
    }
    List<LogsPart> joined = List.copyOf(parts);
    AtomicInteger withheld = new AtomicInteger();
    return new Group(joined.size(), new PreparedRequest(PayloadKind.OTLP_LOGS,
        sender -> recordJoined(sender, joined, withheld), null, withheld::get));
  }

  /** A record of one of the requests joined, by the index of its request. */
  private record Joined(int part, LogsScan.Point point) {}

  /**
   * Screens and records the joined request; {@code withheld} is set to the number of its batches none of whose
   * records the guard admitted (they are left out of the body).
   */
  private static RecordedSend recordJoined(EgressSender sender, List<LogsPart> parts, AtomicInteger withheld) {
    List<Joined> points = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      for (LogsScan.Point point : parts.get(i).points()) {
        points.add(new Joined(i, point));
      }
    }
    return sender.recordScreened(parts.get(0).resource(), points, j -> j.point().item(), admitted -> {
      List<List<LogsScan.Point>> byPart = new ArrayList<>(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        byPart.add(new ArrayList<>());
      }
      for (Joined j : admitted) {
        byPart.get(j.part()).add(j.point());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int none = 0;
      for (int i = 0; i < parts.size(); i++) {
        if (byPart.get(i).isEmpty()) {
          none++;
        } else {
          body.writeBytes(parts.get(i).encode(byPart.get(i)));
        }
      }
      withheld.set(none);
      return body.toByteArray();
    }, QueuedExport.CONTENT_TYPE, Map.of("Content-Encoding", "gzip"));
  }

  private static final Function<EgressSender, RecordedSend> MIXED_RESOURCES = sender -> RecordedSend.denied(
      new EgressResult(EgressResult.Outcome.DENIED, 0, Optional.empty(), "mixed resources"));

  /** A request decoded: what screens, records and sends it, and for a logs request its decoded form. */
  private final class PreparedRequest implements Prepared {
    private final PayloadKind kind;
    private final Function<EgressSender, RecordedSend> screenAndRecord;
    /** The logs request decoded, when it can join others ({@link #prepareGroup}); null otherwise. */
    final LogsPart part;
    /** Of the batches this request carries, how many the guard withheld whole (known once it was recorded). */
    private final IntSupplier withheld;

    PreparedRequest(PayloadKind kind, Function<EgressSender, RecordedSend> screenAndRecord, LogsPart part,
        IntSupplier withheld) {
      this.kind = kind;
      this.screenAndRecord = screenAndRecord;
      this.part = part;
      this.withheld = withheld;
    }

    /** {@code outcome}, and when the endpoint accepted the request, how many of its batches were withheld whole. */
    private SendOutcome withWithheld(SendOutcome outcome) {
      int none = withheld.getAsInt();
      return none > 0 && outcome instanceof SendOutcome.Accepted ? new SendOutcome.Accepted(none) : outcome;
    }

    @Override
    public InFlight start() {
      return record().start();
    }

    @Override
    public Recorded record() {
      Optional<EgressSender> sender = senders.apply(kind);
      if (sender.isEmpty()) {
        return settled(new SendOutcome.Rejected(0, "denied by policy: " + kind.label()));
      }
      RecordedSend recorded;
      try {
        recorded = screenAndRecord.apply(sender.get());
      } catch (RuntimeException e) {
        return settled(new SendOutcome.RetryLater(Optional.empty(), "send failed (" + e.getClass().getSimpleName()
            + ")"));
      }
      return new Recorded() {
        @Override
        public InFlight start() {
          CompletableFuture<EgressResult> result;
          try {
            result = recorded.send();
          } catch (RuntimeException e) {
            return () -> new SendOutcome.RetryLater(Optional.empty(), "send failed ("
                + e.getClass().getSimpleName() + ")");
          }
          CompletableFuture<EgressResult> answered = recorded.answered();
          return new InFlight() {
            @Override
            public SendOutcome await() {
              return withWithheld(OtlpBatchSender.await(result));
            }

            @Override
            public SendOutcome answer() {
              // a send that failed before the answer (the guard closed meanwhile) completes both
              return withWithheld(OtlpBatchSender.await(answered.applyToEither(result, r -> r)));
            }
          };
        }

        @Override
        public void abandon(String reason) {
          recorded.abandon(reason);
        }
      };
    }
  }

  /** A batch whose outcome is known before anything was recorded: there is nothing to abandon. */
  private static Recorded settled(SendOutcome outcome) {
    return new Recorded() {
      @Override
      public InFlight start() {
        return () -> outcome;
      }

      @Override
      public void abandon(String reason) {}
    };
  }

  /**
   * The buffer each batch is decoded into, kept from one batch to the next: a decoded batch of error events is
   * ~3 MB, and a new array of that size per batch, alive while the batch before it is in flight, was copied by
   * every young collection meanwhile and then promoted, filling the old generation (a full collection every few
   * batches under a log storm). Held softly, so an idle agent gives it back at the next full collection; only
   * {@link #prepare} uses it, and nothing refers to it once {@code prepare} returned.
   */
  private static final class Decoding {
    private java.lang.ref.SoftReference<byte[]> held = new java.lang.ref.SoftReference<>(new byte[0]);
    /** Set by {@link #gunzipReusing} to the array it decoded into. */
    byte[] buffer;

    byte[] atLeast(int size) {
      byte[] b = held.get();
      if (b == null || b.length < size) {
        b = new byte[size];
        held = new java.lang.ref.SoftReference<>(b);
      }
      return b;
    }
  }

  /**
   * Decodes {@code body} into the reused buffer ({@code decoding.buffer}) and returns the decoded length, when the
   * gzip trailer's size (see {@link #gunzip}) is plausible and right; -1 otherwise (decode it with {@link #gunzip}).
   */
  private int gunzipReusing(byte[] body) throws IOException {
    int hint = trailerSize(body);
    if (hint <= 0 || hint > Math.min(MAX_HINTED_BYTES, body.length * 1032L)) {
      return -1;
    }
    byte[] out = decoding.atLeast(hint);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 16 * 1024)) {
      int n = in.readNBytes(out, 0, hint);
      if (n < hint || in.read() >= 0) {
        return -1; // not the size the trailer named (more members, or a forged size): the general way
      }
    }
    decoding.buffer = out;
    return hint;
  }

  private static int trailerSize(byte[] body) {
    return body.length >= 18 ? (body[body.length - 4] & 0xff) | (body[body.length - 3] & 0xff) << 8
        | (body[body.length - 2] & 0xff) << 16 | (body[body.length - 1] & 0xff) << 24 : 0;
  }

  private static Prepared refused(SendOutcome outcome) {
    return () -> () -> outcome;
  }

  private static SendOutcome await(CompletableFuture<EgressResult> result) {
    try {
      return outcome(result.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (java.util.concurrent.TimeoutException e) {
      return new SendOutcome.RetryLater(Optional.empty(), "timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendOutcome.RetryLater(Optional.empty(), "interrupted");
    } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
      return new SendOutcome.RetryLater(Optional.empty(), "send failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  static SendOutcome outcome(EgressResult r) {
    return switch (r.outcome()) {
      case DELIVERED -> new SendOutcome.Accepted();
      case REJECTED -> SendOutcome.forStatus(r.status(), r.retryAfter());
      case FAILED -> new SendOutcome.RetryLater(r.retryAfter(), r.detail());
      // the ledger could not record it: nothing left, so keep the batch and try again later
      case DENIED -> r.detail().equals(DenialReason.LEDGER.label())
          ? new SendOutcome.RetryLater(Optional.empty(), "egress ledger not writable")
          : new SendOutcome.Rejected(0, "denied by the egress guard: " + r.detail());
    };
  }

  /** Decodes a metrics request; the function screens and sends it through the sender it is given. */
  private static Function<EgressSender, RecordedSend> metrics(byte[] body, int length)
      throws InvalidProtocolBufferException {
    ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(ByteBuffer.wrap(body, 0, length));
    Map<String, String> resource = request.getResourceMetricsCount() == 0 ? Map.of()
        : OtlpAttributes.toText(request.getResourceMetrics(0).getResource().getAttributesList());
    if (request.getResourceMetricsList().stream()
        .anyMatch(rm -> !OtlpAttributes.toText(rm.getResource().getAttributesList()).equals(resource))) {
      return sender -> RecordedSend.denied(
          new EgressResult(EgressResult.Outcome.DENIED, 0, Optional.empty(), "mixed resources"));
    }
    List<MetricsScreen.Point> points = MetricsScreen.points(request);
    return sender -> sender.recordScreened(resource, points, MetricsScreen.Point::item,
        admitted -> gzip(MetricsScreen.keep(request, admitted).toByteArray()),
        QueuedExport.CONTENT_TYPE, Map.of("Content-Encoding", "gzip"));
  }

  /**
   * Decodes a logs request; the function screens and sends it through the sender it is given.
   *
   * @param whole the queued request's gzip encoding. When the guard admits every record and the request is already in
   *     the form the rebuild gives (no empty resource or scope, no schema URL, every scope the agent's own), the
   *     rebuild would encode exactly what was screened: the queued encoding is sent as it is instead, saving a protobuf
   *     encoding and a gzip per batch (half the sender's CPU for error events).
   * @param texts long attribute values decoded before; the request is read with {@link LogsScan} when it is in the
   *     SDK's form, which gives the guard the same records as decoding it whole with protobuf (done otherwise)
   * @param decodedAgain the request's protobuf bytes when records are refused and the rest is re-encoded: {@code body}
   *     may be a reused buffer, read here and not after this returns
   */
  private static LogsPart logs(byte[] body, int length,
      java.util.function.Supplier<byte[]> whole, java.util.function.Supplier<byte[]> decodedAgain, TextCache texts)
      throws InvalidProtocolBufferException {
    LogsScan.Result scan = LogsScan.scan(body, length, texts);
    if (scan == null) {
      return logs(ExportLogsServiceRequest.parseFrom(ByteBuffer.wrap(body, 0, length)), whole);
    }
    if (scan.mixedResources()) {
      return null;
    }
    return new LogsPart(scan.resource(), scan.points(), scan.asRebuilt(), whole, admitted -> {
      try {
        return rebuild(ExportLogsServiceRequest.parseFrom(decodedAgain.get()), admitted);
      } catch (InvalidProtocolBufferException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * A logs request decoded: the resource, every record as the allowlist sees it, and how the admitted ones are
   * encoded (gzip).
   *
   * @param wholeIsExact whether the queued encoding ({@code whole}) is what the rebuild would give when every record
   *     is admitted
   */
  private record LogsPart(Map<String, String> resource, List<LogsScan.Point> points, boolean wholeIsExact,
      java.util.function.Supplier<byte[]> whole, Function<List<LogsScan.Point>, byte[]> rebuild, long decodedBytes) {
    LogsPart(Map<String, String> resource, List<LogsScan.Point> points, boolean wholeIsExact,
        java.util.function.Supplier<byte[]> whole, Function<List<LogsScan.Point>, byte[]> rebuild) {
      this(resource, points, wholeIsExact, whole, rebuild, 0);
    }

    LogsPart decoded(long bytes) {
      return new LogsPart(resource, points, wholeIsExact, whole, rebuild, bytes);
    }

    byte[] encode(List<LogsScan.Point> admitted) {
      if (wholeIsExact && admitted.size() == points.size()) {
        return whole.get(); // a record with a body is never admitted, so there is nothing to clear either
      }
      return rebuild.apply(admitted);
    }

    RecordedSend recordThrough(EgressSender sender) {
      return sender.recordScreened(resource, points, LogsScan.Point::item, this::encode, QueuedExport.CONTENT_TYPE,
          Map.of("Content-Encoding", "gzip"));
    }
  }

  /** The same, with the request decoded whole by protobuf; null when its resources differ. */
  private static LogsPart logs(ExportLogsServiceRequest request, java.util.function.Supplier<byte[]> whole) {
    List<LogsScan.Point> points = points(request);
    boolean asRebuilt = true;
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      ResourceLogs rl = request.getResourceLogs(r);
      asRebuilt &= rl.getScopeLogsCount() > 0 && rl.getSchemaUrl().isEmpty();
      for (int s = 0; s < rl.getScopeLogsCount(); s++) {
        ScopeLogs sl = rl.getScopeLogs(s);
        asRebuilt &= sl.getLogRecordsCount() > 0 && sl.getSchemaUrl().isEmpty()
            && sl.getScope().equals(OtlpAttributes.SCOPE);
      }
    }
    Map<String, String> resource = request.getResourceLogsCount() == 0 ? Map.of()
        : OtlpAttributes.toText(request.getResourceLogs(0).getResource().getAttributesList());
    if (request.getResourceLogsList().stream()
        .anyMatch(rl -> !OtlpAttributes.toText(rl.getResource().getAttributesList()).equals(resource))) {
      // every resource is screened, not just the first: a batch mixing resources is refused whole
      return null;
    }
    return new LogsPart(resource, points, asRebuilt, whole, admitted -> rebuild(request, admitted));
  }

  /** Every log record of a decoded request, as the allowlist sees it. */
  static List<LogsScan.Point> points(ExportLogsServiceRequest request) {
    List<LogsScan.Point> points = new ArrayList<>();
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      ResourceLogs rl = request.getResourceLogs(r);
      for (int s = 0; s < rl.getScopeLogsCount(); s++) {
        ScopeLogs sl = rl.getScopeLogs(s);
        for (int i = 0; i < sl.getLogRecordsCount(); i++) {
          LogRecord lr = sl.getLogRecords(i);
          points.add(new LogsScan.Point(r, s, i, new TelemetryItem(lr.getEventName(),
              OtlpAttributes.toText(lr.getAttributesList()), unlistedFields(lr))));
        }
      }
    }
    return points;
  }

  /** The admitted records re-encoded (gzip) under the agent's own scope, without bodies or schema URLs. */
  private static byte[] rebuild(ExportLogsServiceRequest request, List<LogsScan.Point> admitted) {
    ExportLogsServiceRequest.Builder out = ExportLogsServiceRequest.newBuilder();
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      ResourceLogs rl = request.getResourceLogs(r);
      ResourceLogs.Builder rlb = rl.toBuilder().clearScopeLogs().clearSchemaUrl();
      for (int s = 0; s < rl.getScopeLogsCount(); s++) {
        ScopeLogs.Builder slb = rl.getScopeLogs(s).toBuilder().clearLogRecords().clearSchemaUrl()
            .setScope(OtlpAttributes.SCOPE);
        for (LogsScan.Point p : admitted) {
          if (p.resource() == r && p.scope() == s) {
            // a record with a body was refused above; clearing it again costs nothing
            slb.addLogRecords(rl.getScopeLogs(s).getLogRecords(p.index()).toBuilder().clearBody().build());
          }
        }
        if (slb.getLogRecordsCount() > 0) {
          rlb.addScopeLogs(slb);
        }
      }
      if (rlb.getScopeLogsCount() > 0) {
        out.addResourceLogs(rlb);
      }
    }
    return gzip(out.build().toByteArray());
  }

  /**
   * What a log record carries beyond its event name, attributes, severity and times, which the allowlist never
   * permits: a body, or a severity text other than the standard short names.
   */
  static java.util.Set<String> unlistedFields(LogRecord lr) {
    java.util.Set<String> fields = new java.util.HashSet<>();
    if (lr.hasBody()) {
      fields.add("body");
    }
    if (!lr.getSeverityText().isEmpty() && !SEVERITY_TEXTS.contains(lr.getSeverityText())) {
      fields.add("severityText");
    }
    return fields;
  }

  static byte[] gunzip(byte[] body) throws IOException {
    // the gzip trailer's last field is the decoded size (mod 2^32) of the last member: when it is right, as for what
    // the SDK wrote, the output is read into one array of that size, instead of chunks copied together at the end;
    // it is only a hint (the bytes come from disk), so whatever follows is still read and the limit still holds
    int hint = trailerSize(body);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 16 * 1024)) {
      // at most what deflate can expand to (~1032:1), and not more than a few real batches: a forged hint cannot
      // make it allocate more than the data it then decodes
      if (hint > 0 && hint <= Math.min(MAX_HINTED_BYTES, body.length * 1032L)) {
        byte[] out = new byte[hint];
        int n = in.readNBytes(out, 0, hint);
        if (n < hint) {
          return Arrays.copyOf(out, n);
        }
        int next = in.read();
        if (next < 0) {
          return out;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(hint + 8192);
        all.write(out);
        all.write(next);
        byte[] rest = in.readNBytes(MAX_DECODED_BYTES - hint);
        all.write(rest);
        if (in.read() >= 0) {
          throw new IOException("decoded batch larger than 64 MiB");
        }
        return all.toByteArray();
      }
      byte[] out = in.readNBytes(MAX_DECODED_BYTES + 1);
      if (out.length > MAX_DECODED_BYTES) {
        throw new IOException("decoded batch larger than 64 MiB");
      }
      return out;
    }
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
