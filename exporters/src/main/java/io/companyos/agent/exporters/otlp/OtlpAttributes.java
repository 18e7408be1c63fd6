package io.companyos.agent.exporters.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OTLP attributes as the allowlist sees them: keys to text. */
final class OtlpAttributes {
  /** What a non-scalar value (array, key-value list, bytes) looks like to the allowlist: never an allowed value. */
  static final String COMPLEX = "\u0000complex";
  /**
   * The instrumentation scope every admitted batch is re-encoded with: the agent's own name, no version, no
   * attributes, so no scope text of the exporter's reaches the endpoint unscreened.
   */
  static final io.opentelemetry.proto.common.v1.InstrumentationScope SCOPE =
      io.opentelemetry.proto.common.v1.InstrumentationScope.newBuilder().setName("io.companyos.agent").build();

  private OtlpAttributes() {}

  static Map<String, String> toText(List<KeyValue> kvs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (KeyValue kv : kvs) {
      out.put(kv.getKey(), text(kv.getValue()));
    }
    return out;
  }

  private static String text(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
      case INT_VALUE -> Long.toString(v.getIntValue());
      case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
      default -> COMPLEX;
    };
  }
}
