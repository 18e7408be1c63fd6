package io.companyos.agent.exporters.otlp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.ByteString;
import io.companyos.agent.exporters.queue.QueuedBatch;
import io.companyos.agent.exporters.queue.SendOutcome;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LogsScan} gives the guard exactly what decoding the request with protobuf gives, or nothing (and the sender
 * decodes it with protobuf); {@link TextCache} returns a remembered string only for exactly its bytes.
 */
class LogsScanTest {
  private static final String TRACE = "java.lang.IllegalStateException\n"
      + "\tat com.companyos.billing.InvoiceService.charge(InvoiceService.java:42)\n".repeat(20)
      + "Caused by: java.net.SocketTimeoutException\n"
      + "\tat com.companyos.core.repo.CustomerRepository.findById(CustomerRepository.java:118)\n"
      + "\t... 17 more";

  @TempDir
  Path dir;

  private static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static AnyValue text(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  /** A random value of every kind AnyValue has, with long texts (some multi-byte) among the strings. */
  private static AnyValue randomValue(Random rnd) {
    return switch (rnd.nextInt(9)) {
      case 0 -> AnyValue.newBuilder().setBoolValue(rnd.nextBoolean()).build();
      case 1 -> AnyValue.newBuilder().setIntValue(rnd.nextLong() >> rnd.nextInt(64)).build();
      case 2 -> AnyValue.newBuilder().setDoubleValue(rnd.nextGaussian() * 1e6).build();
      case 3 -> AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(text("x"))).build();
      case 4 -> AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("secret")).build();
      case 5 -> AnyValue.getDefaultInstance();
      case 6 -> text(rnd.nextBoolean() ? TRACE : TRACE.replace("42", "4" + rnd.nextInt(10)));
      case 7 -> text("Grüße " + "é€𝄞".repeat(rnd.nextInt(80)));
      default -> text(rnd.nextBoolean() ? "core-api" : "");
    };
  }

  private static LogRecord randomRecord(Random rnd) {
    LogRecord.Builder b = LogRecord.newBuilder().setTimeUnixNano(rnd.nextLong())
        .setObservedTimeUnixNano(rnd.nextLong()).setSeverityNumberValue(rnd.nextInt(30))
        .setSeverityText(List.of("", "ERROR", "FATAL", "oops").get(rnd.nextInt(4)))
        .setEventName(rnd.nextBoolean() ? ErrorEvents.EVENT_NAME : "other")
        .setDroppedAttributesCount(rnd.nextInt(3)).setFlags(rnd.nextInt());
    if (rnd.nextInt(4) == 0) {
      b.setBody(rnd.nextBoolean() ? text("alice") : AnyValue.getDefaultInstance());
    }
    if (rnd.nextInt(4) == 0) {
      b.setTraceId(ByteString.copyFrom(new byte[16])).setSpanId(ByteString.copyFrom(new byte[8]));
    }
    List<String> keys = List.of("service", "exception.type", "exception.stacktrace", "companyos.error.fingerprint",
        "companyos.error.suppressed", "user.email");
    for (int i = rnd.nextInt(7); i > 0; i--) {
      b.addAttributes(kv(keys.get(rnd.nextInt(keys.size())), randomValue(rnd))); // keys may repeat: the last wins
    }
    return b.build();
  }

  private static ExportLogsServiceRequest randomRequest(Random rnd) {
    ExportLogsServiceRequest.Builder req = ExportLogsServiceRequest.newBuilder();
    for (int r = rnd.nextInt(3); r >= 0; r--) {
      ResourceLogs.Builder rl = ResourceLogs.newBuilder();
      if (rnd.nextInt(4) > 0) {
        rl.setResource(Resource.newBuilder().addAttributes(kv("service.name", text("companyos-agent")))
            .addAttributes(kv("companyos.tier", text(rnd.nextInt(5) == 0 ? "basic" : "full"))));
      }
      if (rnd.nextInt(6) == 0) {
        rl.setSchemaUrl("https://opentelemetry.io/schemas/1.24.0");
      }
      for (int s = rnd.nextInt(3); s > 0; s--) {
        ScopeLogs.Builder sl = ScopeLogs.newBuilder();
        if (rnd.nextInt(5) > 0) {
          sl.setScope(rnd.nextInt(4) > 0 ? OtlpAttributes.SCOPE
              : InstrumentationScope.newBuilder().setName("io.companyos.agent").setVersion("1").build());
        }
        if (rnd.nextInt(6) == 0) {
          sl.setSchemaUrl("x");
        }
        for (int i = rnd.nextInt(5); i > 0; i--) {
          sl.addLogRecords(randomRecord(rnd));
        }
        rl.addScopeLogs(sl);
      }
      req.addResourceLogs(rl);
    }
    return req.build();
  }

  /** What the sender's protobuf decoding gives the guard, in the scan's terms. */
  private static LogsScan.Result decoded(ExportLogsServiceRequest request) {
    boolean asRebuilt = true;
    for (ResourceLogs rl : request.getResourceLogsList()) {
      asRebuilt &= rl.getScopeLogsCount() > 0 && rl.getSchemaUrl().isEmpty();
      for (ScopeLogs sl : rl.getScopeLogsList()) {
        asRebuilt &= sl.getLogRecordsCount() > 0 && sl.getSchemaUrl().isEmpty()
            && sl.getScope().equals(OtlpAttributes.SCOPE);
      }
    }
    Map<String, String> first = request.getResourceLogsCount() == 0 ? Map.of()
        : OtlpAttributes.toText(request.getResourceLogs(0).getResource().getAttributesList());
    boolean mixed = request.getResourceLogsList().stream()
        .anyMatch(rl -> !OtlpAttributes.toText(rl.getResource().getAttributesList()).equals(first));
    return new LogsScan.Result(first, mixed, asRebuilt, OtlpBatchSender.points(request));
  }

  @Test
  void givesWhatProtobufGivesForEveryRequestTheSdkCouldWrite() throws Exception {
    Random rnd = new Random(7);
    TextCache texts = new TextCache();
    for (int i = 0; i < 3_000; i++) {
      ExportLogsServiceRequest request = randomRequest(rnd);
      byte[] bytes = request.toByteArray();
      LogsScan.Result want = decoded(ExportLogsServiceRequest.parseFrom(bytes));
      assertThat(LogsScan.scan(bytes, texts)).as("request %d", i).isEqualTo(want);
      assertThat(LogsScan.scan(bytes, texts)).as("request %d again, from the remembered texts", i).isEqualTo(want);
    }
  }

  @Test
  void aRequestAtTheStartOfALargerBufferIsReadUpToItsLengthOnly() throws Exception {
    Random rnd = new Random(13);
    TextCache texts = new TextCache();
    for (int i = 0; i < 1_000; i++) {
      byte[] a = randomRequest(rnd).toByteArray();
      byte[] b = randomRequest(rnd).toByteArray();
      // a reused buffer: this request, then what an earlier and longer one left behind
      byte[] buffer = concat(a, b);
      assertThat(LogsScan.scan(buffer, a.length, texts)).as("request %d", i)
          .isEqualTo(decoded(ExportLogsServiceRequest.parseFrom(a)));
      // cut short: the rest of it lies in the buffer, past the length, and must not be read
      if (a.length > 1) {
        int cut = 1 + rnd.nextInt(a.length - 1);
        byte[] cutRequest = Arrays.copyOf(a, cut);
        LogsScan.Result got = LogsScan.scan(a, cut, texts);
        if (got != null) {
          assertThat(got).as("cut %d", i).isEqualTo(decoded(ExportLogsServiceRequest.parseFrom(cutRequest)));
        }
        assertThat(got).as("cut %d", i).isEqualTo(LogsScan.scan(cutRequest, texts));
      }
    }
  }

  @Test
  void anythingOutsideTheSdkFormIsLeftToProtobuf() throws Exception {
    Random rnd = new Random(11);
    TextCache texts = new TextCache();
    for (int i = 0; i < 2_000; i++) {
      byte[] a = randomRequest(rnd).toByteArray();
      byte[] b = randomRequest(rnd).toByteArray();
      // concatenated requests are one merged request to protobuf; a cut or flipped byte may make it invalid
      byte[] merged = concat(a, b);
      byte[] cut = Arrays.copyOf(a, rnd.nextInt(a.length + 1));
      byte[] flipped = a.clone();
      if (flipped.length > 0) {
        flipped[rnd.nextInt(flipped.length)] ^= (byte) (1 << rnd.nextInt(8));
      }
      for (byte[] bytes : List.of(merged, cut, flipped)) {
        LogsScan.Result got = LogsScan.scan(bytes, texts);
        if (got != null) {
          assertThat(got).as("case %d", i).isEqualTo(decoded(ExportLogsServiceRequest.parseFrom(bytes)));
        }
      }
    }
    // a record with a field protobuf keeps as unknown, or twice the same singular field, is not read here
    LogRecord record = LogRecord.newBuilder().setEventName(ErrorEvents.EVENT_NAME).build();
    byte[] twice = concat(record.toByteArray(), LogRecord.newBuilder().setEventName("x").build().toByteArray());
    assertThat(LogsScan.scan(wrap(twice), texts)).isNull();
    byte[] unknown = concat(record.toByteArray(), new byte[] {(byte) (99 << 3), 1});
    assertThat(LogsScan.scan(wrap(unknown), texts)).isNull();
    // invalid UTF-8 in a long string value: protobuf refuses the request, so the scan does not read it either
    byte[] invalid = invalidUtf8();
    byte[] bad = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(
        ScopeLogs.newBuilder().addLogRecords(LogRecord.newBuilder().addAttributes(KeyValue.newBuilder().setKey("k")
            .setValue(AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(invalid)))))))
        .build().toByteArray();
    // the builder refuses such a string: the bytes value (field 7) becomes a string value (field 1) on the wire
    int at = indexOf(bad, new byte[] {(byte) 0x3A, (byte) (invalid.length | 0x80), (byte) (invalid.length >>> 7)});
    bad[at] = (byte) 0x0A;
    byte[] badRequest = bad;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportLogsServiceRequest.parseFrom(badRequest))
        .isInstanceOf(com.google.protobuf.InvalidProtocolBufferException.class);
    assertThat(LogsScan.scan(bad, texts)).isNull();
  }

  private static int indexOf(byte[] in, byte[] what) {
    for (int i = 0; i + what.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static byte[] invalidUtf8() {
    byte[] b = TRACE.getBytes(StandardCharsets.UTF_8);
    b[b.length / 2] = (byte) 0xC3; // a lead byte followed by an ASCII byte
    return b;
  }

  /** One log record's bytes as the only record of a request. */
  private static byte[] wrap(byte[] recordBytes) throws Exception {
    ByteString record = ByteString.copyFrom(recordBytes);
    java.io.ByteArrayOutputStream sl = new java.io.ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream o = com.google.protobuf.CodedOutputStream.newInstance(sl);
    o.writeBytes(2, record);
    o.flush();
    java.io.ByteArrayOutputStream rl = new java.io.ByteArrayOutputStream();
    o = com.google.protobuf.CodedOutputStream.newInstance(rl);
    o.writeBytes(2, ByteString.copyFrom(sl.toByteArray()));
    o.flush();
    java.io.ByteArrayOutputStream req = new java.io.ByteArrayOutputStream();
    o = com.google.protobuf.CodedOutputStream.newInstance(req);
    o.writeBytes(1, ByteString.copyFrom(rl.toByteArray()));
    o.flush();
    return req.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aRememberedTextIsReturnedOnlyForExactlyItsBytes() {
    TextCache texts = new TextCache();
    byte[] bytes = TRACE.getBytes(StandardCharsets.UTF_8);
    String first = texts.decode(bytes, 0, bytes.length);
    assertThat(first).isEqualTo(TRACE);
    assertThat(texts.decode(bytes.clone(), 0, bytes.length)).as("the same bytes elsewhere").isSameAs(first);
    for (int i = 0; i < bytes.length; i++) {
      byte[] other = bytes.clone();
      other[i] = (byte) (other[i] == 'x' ? 'y' : 'x');
      String got = texts.decode(other, 0, other.length);
      assertThat(got).as("byte %d changed", i).isEqualTo(new String(other, StandardCharsets.UTF_8))
          .isNotEqualTo(TRACE);
    }
    byte[] framed = concat(new byte[] {1, 2, 3}, concat(bytes, new byte[] {4}));
    assertThat(texts.decode(framed, 3, 3 + bytes.length)).isEqualTo(TRACE);
    assertThat(texts.decode(framed, 3, 2 + bytes.length)).isEqualTo(TRACE.substring(0, TRACE.length() - 1));
    byte[] bad = invalidUtf8();
    assertThat(texts.decode(bad, 0, bad.length)).isNull();
  }

  @Test
  void staysBoundedUnderManyDistinctTexts() {
    TextCache texts = new TextCache();
    for (int i = 0; i < 3 * TextCache.SLOTS; i++) {
      byte[] b = (TRACE + i).repeat(1 + i % 7).getBytes(StandardCharsets.UTF_8);
      assertThat(texts.decode(b, 0, b.length)).isEqualTo((TRACE + i).repeat(1 + i % 7));
      assertThat(texts.entries()).isLessThanOrEqualTo(TextCache.SLOTS);
      assertThat(texts.bytes()).isLessThanOrEqualTo(TextCache.MAX_TOTAL_BYTES);
    }
  }

  /**
   * The sender, having admitted and remembered a conforming trace, refuses a record whose trace differs from it in one
   * byte (a message after the class, a broken frame) — of the same length, so only the bytes tell them apart.
   */
  @Test
  void aTamperedTraceIsRefusedAfterItsConformingTwinWasAdmitted() throws Exception {
    WireMockServer vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendor.start();
    vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(200)));
    URI base = URI.create(vendor.baseUrl());
    try (EgressGuard guard = EgressGuard.builder()
        .tier(Tier.FULL)
        .endpoint(PayloadKind.OTLP_LOGS, base.resolve("/v1/logs"))
        .transportFactory(OtlpToEndpointTest.JdkTransport::new)
        .ledger(EgressLedger.open(Files.createDirectories(dir.resolve("ledger")), LedgerLimits.DEFAULT,
            Clock.systemUTC()))
        .build()) {
      OtlpBatchSender sender = new OtlpBatchSender(k -> guard.sender(k, guard.endpoint(k).orElseThrow()));
      List<String> tampered = List.of(
          TRACE.replace("java.lang.IllegalStateException\n", "java.lang.IllegalStateExceptio:\n"),
          TRACE.replace("Caused by: java.net.SocketTimeoutException", "Caused by: java.net.SocketTimeoutExc alice"),
          TRACE.replaceFirst("\\(InvoiceService.java:42\\)", "(InvoiceService.java:42]"),
          TRACE.replace("\t... 17 more", "\t... 17 mor!"));
      for (String bad : tampered) {
        assertThat(bad).hasSameSizeAs(TRACE).isNotEqualTo(TRACE);
        assertThat(sender.send(batch(TRACE))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(sender.send(batch(bad))).as(bad).isInstanceOf(SendOutcome.Rejected.class);
        assertThat(sender.send(batch(TRACE))).isInstanceOf(SendOutcome.Accepted.class);
      }
      List<LoggedRequest> sent = vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs")));
      assertThat(sent).hasSize(2 * tampered.size());
      for (LoggedRequest r : sent) {
        byte[] b = r.getBody(); // WireMock may have gunzipped it already
        String body = new String(b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b
            ? OtlpBatchSender.gunzip(b) : b, StandardCharsets.ISO_8859_1);
        assertThat(body).contains(TRACE).doesNotContain("Exceptio:", "alic", "42]", "mor!");
      }
    } finally {
      vendor.stop();
    }
  }

  private static QueuedBatch batch(String trace) {
    ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", text("companyos-agent"))))
        .addScopeLogs(ScopeLogs.newBuilder().setScope(OtlpAttributes.SCOPE).addLogRecords(LogRecord.newBuilder()
            .setTimeUnixNano(1).setSeverityText("ERROR").setEventName(ErrorEvents.EVENT_NAME)
            .addAttributes(kv("service", text("core-api")))
            .addAttributes(kv("exception.type", text("java.lang.IllegalStateException")))
            .addAttributes(kv("exception.stacktrace", text(trace)))
            .addAttributes(kv("companyos.error.fingerprint", text("0123456789abcdef")))
            .addAttributes(kv("companyos.error.suppressed", AnyValue.newBuilder().setIntValue(0).build()))))).build();
    byte[] gz = OtlpBatchSender.gzip(request.toByteArray());
    return new QueuedBatch(1, Instant.EPOCH, new QueuedExport(OtlpSignal.LOGS, true, gz).encode());
  }
}
