package io.companyos.agent.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** The Jackson mapper that binds configuration trees to records, strictly, and prints them back with secrets masked. */
final class ConfigJackson {
  private ConfigJackson() {}

  static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("agent-config");
    module.addDeserializer(Duration.class, textDeserializer(Durations::parse, "a duration like 30s, 5m or 24h"));
    module.addSerializer(Duration.class, new JsonSerializer<>() {
      @Override
      public void serialize(Duration value, JsonGenerator gen, SerializerProvider sp) throws IOException {
        gen.writeString(Durations.format(value));
      }
    });
    module.addDeserializer(EndpointUrl.class, textDeserializer(EndpointUrl::parse, "an https URL"));
    module.addSerializer(EndpointUrl.class, ToStringSerializer.instance);
    module.addDeserializer(DataSize.class, textDeserializer(DataSize::parse, "a size like 256MiB or 1GiB"));
    module.addSerializer(DataSize.class, ToStringSerializer.instance);
    module.addDeserializer(Path.class, textDeserializer(ConfigJackson::path, "a file system path"));
    module.addSerializer(Path.class, ToStringSerializer.instance);
    module.addDeserializer(Secret.class, textDeserializer(Secret::of, "a string"));
    module.addSerializer(Secret.class, new JsonSerializer<>() {
      @Override
      public void serialize(Secret value, JsonGenerator gen, SerializerProvider sp) throws IOException {
        gen.writeString(Secret.MASK);
      }
    });
    return JsonMapper.builder()
        .addModule(module)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  private static Path path(String text) {
    if (text.isBlank() || text.indexOf('\0') >= 0) {
      throw new InvalidValueException("expected a file system path");
    }
    return Path.of(text).normalize();
  }

  /** A deserializer for a value written as one YAML scalar; numbers and booleans are taken as their text. */
  private static <T> JsonDeserializer<T> textDeserializer(Function<String, T> parse, String expected) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING && !t.isScalarValue()) {
          throw new InvalidValueException("expected " + expected);
        }
        return parse.apply(p.getText());
      }
    };
  }
}
