package io.companyos.agent.exporters.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.companyos.agent.policy.allowlist.TelemetryItem;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OTLP logs request (the protobuf bytes of an {@code ExportLogsServiceRequest}) into what the egress guard
 * screens — per log record its event name, attributes as text and unlisted fields, exactly as
 * {@link OtlpBatchSender}'s decoding of the whole request gives them — without building the protobuf objects, and
 * taking long attribute values from a {@link TextCache}: an error event's anonymized stack trace (~2–3 KB) is then
 * neither decoded into a new string nor hashed again when the same trace was decoded before.
 *
 * <p>It reads only the form the SDK writes: every field known, no singular field twice, valid UTF-8 in every string.
 * Anything else (an unknown field, a repeated singular field whose parts protobuf would merge, a wrong wire type, a
 * truncated message) returns null, and the caller decodes the whole request with protobuf instead, so this never
 * decides differently from the full decoding; it only gets there with less work.
 */
final class LogsScan {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LEN = 2;
  private static final int FIXED32 = 5;

  /** One log record: where it is, and what the allowlist sees of it. */
  record Point(int resource, int scope, int index, TelemetryItem item) {}

  /**
   * @param resource the first resource's attributes as text
   * @param mixedResources whether another resource's attributes differ from the first's
   * @param asRebuilt whether the request is already in the form the sender's re-encoding gives (no empty resource or
   *     scope, no schema URL, every scope the agent's own)
   */
  record Result(Map<String, String> resource, boolean mixedResources, boolean asRebuilt, List<Point> points) {}

  /** Not the SDK's form: decode with protobuf instead. */
  private static final class Unusual extends Exception {
    private static final Unusual INSTANCE = new Unusual();

    private Unusual() {
      super(null, null, false, false);
    }
  }

  private final byte[] buf;
  private final int length;
  private final TextCache texts;
  private int pos;

  private LogsScan(byte[] buf, int length, TextCache texts) {
    this.buf = buf;
    this.length = length;
    this.texts = texts;
  }

  /** The request's records, or null when it is not in the form read here (decode it with protobuf then). */
  static Result scan(byte[] request, TextCache texts) {
    return scan(request, request.length, texts);
  }

  /** {@link #scan(byte[], TextCache)} of {@code request[0, length)}; nothing refers to {@code request} afterwards. */
  static Result scan(byte[] request, int length, TextCache texts) {
    if (length < 0 || length > request.length) {
      throw new IndexOutOfBoundsException("length " + length + " of " + request.length);
    }
    try {
      return new LogsScan(request, length, texts).request();
    } catch (Unusual | InvalidProtocolBufferException | RuntimeException e) {
      return null;
    }
  }

  private Result request() throws Unusual, InvalidProtocolBufferException {
    List<Point> points = new ArrayList<>();
    Map<String, String> first = null;
    boolean mixed = false;
    boolean asRebuilt = true;
    int resourceIndex = 0;
    int end = length;
    while (pos < end) {
      int tag = tag(end);
      if (tag >>> 3 != 1 || (tag & 7) != LEN) {
        throw Unusual.INSTANCE;
      }
      int rlEnd = lengthEnd(end);
      // ResourceLogs: resource = 1, scope_logs = 2, schema_url = 3
      int resourceNumber = resourceIndex;
      int[] scopes = {0};
      boolean[] scopesAsRebuilt = {true};
      Head head = container(rlEnd, to -> scopesAsRebuilt[0] &= scopeLogs(resourceNumber, scopes[0]++, to, points));
      asRebuilt &= scopesAsRebuilt[0] && scopes[0] > 0 && head.schemaUrl().isEmpty();
      Resource resource = head.from() < 0 ? Resource.getDefaultInstance()
          : Resource.parseFrom(java.nio.ByteBuffer.wrap(buf, head.from(), head.to() - head.from()));
      Map<String, String> attributes = OtlpAttributes.toText(resource.getAttributesList());
      if (first == null) {
        first = attributes;
      } else if (!attributes.equals(first)) {
        mixed = true;
      }
      resourceIndex++;
    }
    return new Result(first == null ? Map.of() : first, mixed, asRebuilt, points);
  }

  /** ScopeLogs: scope = 1, log_records = 2, schema_url = 3. True when it is in the re-encoded form. */
  private boolean scopeLogs(int resource, int scope, int end, List<Point> points)
      throws Unusual, InvalidProtocolBufferException {
    int[] records = {0};
    Head head = container(end, to -> points.add(new Point(resource, scope, records[0]++, logRecord(to))));
    InstrumentationScope s = head.from() < 0 ? InstrumentationScope.getDefaultInstance()
        : InstrumentationScope.parseFrom(java.nio.ByteBuffer.wrap(buf, head.from(), head.to() - head.from()));
    return records[0] > 0 && head.schemaUrl().isEmpty() && s.equals(OtlpAttributes.SCOPE);
  }

  /** Reads one field-2 element of a {@link #container}, which ends at {@code to}. */
  @FunctionalInterface
  private interface Elements {
    void read(int to) throws Unusual, InvalidProtocolBufferException;
  }

  /** Where a container's field 1 lies ({@code from} -1 when absent), and its schema URL. */
  private record Head(int from, int to, String schemaUrl) {}

  /**
   * ResourceLogs (resource 1, scope_logs 2, schema_url 3) and ScopeLogs (scope 1, log_records 2, schema_url 3) have
   * one shape: reads one up to {@code end}, every field length-delimited and known, fields 1 and 3 at most once, and
   * hands each field-2 element to {@code elements}.
   */
  private Head container(int end, Elements elements) throws Unusual, InvalidProtocolBufferException {
    int from = -1;
    int to = -1;
    String schemaUrl = "";
    boolean seenSchemaUrl = false;
    while (pos < end) {
      int t = tag(end);
      int field = t >>> 3;
      if ((t & 7) != LEN || field < 1 || field > 3) {
        throw Unusual.INSTANCE;
      }
      int next = lengthEnd(end);
      if (field == 1) {
        if (from >= 0) {
          throw Unusual.INSTANCE;
        }
        from = pos;
        to = next;
      } else if (field == 3) {
        if (seenSchemaUrl) {
          throw Unusual.INSTANCE;
        }
        seenSchemaUrl = true;
        schemaUrl = utf8(pos, next);
      } else {
        elements.read(next);
      }
      pos = next;
    }
    return new Head(from, to, schemaUrl);
  }

  /**
   * LogRecord: time 1 (fixed64), severity_number 2 (varint), severity_text 3, body 5, attributes 6, dropped 7 (varint),
   * flags 8 (fixed32), trace_id 9, span_id 10, observed_time 11 (fixed64), event_name 12.
   */
  private TelemetryItem logRecord(int end) throws Unusual {
    long seen = 0;
    String eventName = "";
    String severityText = "";
    boolean body = false;
    Map<String, String> attributes = new LinkedHashMap<>();
    while (pos < end) {
      int t = tag(end);
      int field = t >>> 3;
      int wire = t & 7;
      if (field != 6) {
        if (field < 1 || field > 12 || field == 4 || (seen & (1L << field)) != 0) {
          throw Unusual.INSTANCE;
        }
        seen |= 1L << field;
      }
      int expected = switch (field) {
        case 1, 11 -> FIXED64;
        case 2, 7 -> VARINT;
        case 8 -> FIXED32;
        default -> LEN;
      };
      if (wire != expected) {
        throw Unusual.INSTANCE;
      }
      switch (wire) {
        case VARINT -> varint(end);
        case FIXED64 -> skip(8, end);
        case FIXED32 -> skip(4, end);
        default -> {
          int to = lengthEnd(end);
          switch (field) {
            case 3 -> severityText = utf8(pos, to);
            case 5 -> {
              body = true;
              parsed(io.opentelemetry.proto.common.v1.AnyValue.parser(), pos, to); // only as valid as protobuf needs
            }
            case 6 -> keyValue(to, attributes);
            case 12 -> eventName = utf8(pos, to);
            default -> { } // trace and span ids: bytes
          }
          pos = to;
        }
      }
    }
    Set<String> fields = new HashSet<>();
    if (body) {
      fields.add("body");
    }
    if (!severityText.isEmpty() && !OtlpBatchSender.SEVERITY_TEXTS.contains(severityText)) {
      fields.add("severityText");
    }
    return new TelemetryItem(eventName, attributes, fields);
  }

  /** KeyValue: key = 1, value = 2 (AnyValue); put as {@link OtlpAttributes#toText} does (the last of a key wins). */
  private void keyValue(int end, Map<String, String> into) throws Unusual {
    String key = "";
    String value = null;
    boolean seenKey = false;
    while (pos < end) {
      int t = tag(end);
      int field = t >>> 3;
      if ((t & 7) != LEN || field < 1 || field > 2) {
        throw Unusual.INSTANCE;
      }
      int to = lengthEnd(end);
      if (field == 1) {
        if (seenKey) {
          throw Unusual.INSTANCE;
        }
        seenKey = true;
        key = utf8(pos, to);
      } else {
        if (value != null) {
          throw Unusual.INSTANCE;
        }
        value = anyValue(to);
      }
      pos = to;
    }
    // an absent value is an AnyValue with nothing set: not a scalar
    into.put(key, value == null ? OtlpAttributes.COMPLEX : value);
  }

  /** AnyValue: string 1, bool 2, int 3, double 4, array 5, kvlist 6, bytes 7; exactly one of them, or none. */
  private String anyValue(int end) throws Unusual {
    String text = OtlpAttributes.COMPLEX;
    boolean seen = false;
    while (pos < end) {
      if (seen) {
        throw Unusual.INSTANCE;
      }
      seen = true;
      int t = tag(end);
      int field = t >>> 3;
      int wire = t & 7;
      switch (field) {
        case 1 -> {
          expect(wire, LEN);
          int to = lengthEnd(end);
          text = texts.decode(buf, pos, to);
          if (text == null) {
            throw Unusual.INSTANCE;
          }
          pos = to;
        }
        case 2 -> {
          expect(wire, VARINT);
          text = Boolean.toString(varint(end) != 0);
        }
        case 3 -> {
          expect(wire, VARINT);
          text = Long.toString(varint(end));
        }
        case 4 -> {
          expect(wire, FIXED64);
          skip(8, end);
          long bits = 0;
          for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (buf[pos - 8 + i] & 0xffL);
          }
          text = Double.toString(Double.longBitsToDouble(bits));
        }
        case 5, 6, 7 -> {
          // arrays, lists and bytes are never an allowed value; only checked to be as valid as protobuf needs them
          expect(wire, LEN);
          int to = lengthEnd(end);
          if (field != 7) {
            parsed(field == 5 ? io.opentelemetry.proto.common.v1.ArrayValue.parser()
                : io.opentelemetry.proto.common.v1.KeyValueList.parser(), pos, to);
          }
          pos = to;
        }
        default -> throw Unusual.INSTANCE;
      }
    }
    return text;
  }

  /** A nested message protobuf would decode: it must decode. */
  private void parsed(com.google.protobuf.Parser<?> parser, int from, int to) throws Unusual {
    try {
      parser.parseFrom(buf, from, to - from);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw Unusual.INSTANCE;
    }
  }

  private static void expect(int wire, int expected) throws Unusual {
    if (wire != expected) {
      throw Unusual.INSTANCE;
    }
  }

  private String utf8(int from, int to) throws Unusual {
    String text = TextCache.utf8(buf, from, to);
    if (text == null) {
      throw Unusual.INSTANCE;
    }
    return text;
  }

  private int tag(int end) throws Unusual {
    long tag = varint(end);
    if (tag <= 0 || tag > Integer.MAX_VALUE || (tag >>> 3) == 0) {
      throw Unusual.INSTANCE;
    }
    return (int) tag;
  }

  /** Reads a length and returns where the value it announces ends. */
  private int lengthEnd(int end) throws Unusual {
    long len = varint(end);
    if (len < 0 || len > end - pos) {
      throw Unusual.INSTANCE;
    }
    return pos + (int) len;
  }

  private void skip(int n, int end) throws Unusual {
    if (n > end - pos) {
      throw Unusual.INSTANCE;
    }
    pos += n;
  }

  private long varint(int end) throws Unusual {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw Unusual.INSTANCE;
      }
      byte b = buf[pos++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw Unusual.INSTANCE;
  }
}
