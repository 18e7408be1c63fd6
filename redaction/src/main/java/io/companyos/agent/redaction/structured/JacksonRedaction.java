package io.companyos.agent.redaction.structured;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.RedactionException;
import io.companyos.agent.redaction.detect.KeyNames;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON and YAML, streamed token by token with Jackson: field names are redacted as text; a scalar under a
 * secret/user/name key is replaced whole, and so is every scalar inside an object or array under a secret
 * key; other scalars are redacted as text. A number that gets redacted becomes a string, so the output is
 * always a valid document of the same format. Shapes that no single key names: the {@code value} beside a
 * {@code name} that names a secret (Kubernetes and ECS env entries); the element after a secret flag in an array
 * (Compose's {@code command: ["redis-server", "--requirepass", "…"]}).
 */
final class JacksonRedaction {
  private static final DetectorType NONE = null;

  private final JsonFactory factory;
  private final KeyedValues values;

  private JacksonRedaction(JsonFactory factory, KeyedValues values) {
    this.factory = factory;
    this.values = values;
  }

  static JacksonRedaction json(KeyedValues values) {
    return new JacksonRedaction(new JsonFactory(), values);
  }

  static JacksonRedaction yaml(KeyedValues values) {
    return new JacksonRedaction(new YAMLFactory(), values);
  }

  void redact(Reader in, Writer out, RedactionCounter counter) throws IOException {
    try (JsonParser p = factory.createParser(in);
        JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (!(factory instanceof YAMLFactory)) {
        g.setRootValueSeparator(new SerializedString("\n"));
      }
      copy(p, g, counter);
    } catch (JsonProcessingException e) {
      throw new RedactionException("not a valid " + (factory instanceof YAMLFactory ? "YAML" : "JSON")
          + " document (line " + e.getLocation().getLineNr() + ")");
    }
  }

  /** The key context of a container: the detector of the key it stands under, if any. */
  private record Context(DetectorType type, String key) {}

  private void copy(JsonParser p, JsonGenerator g, RedactionCounter counter) throws IOException {
    Deque<Context> containers = new ArrayDeque<>();
    // per open container: the secret key named by its "name" field ({"name": "DB_PASSWORD", "value": "…"}), and
    // in an array the secret flag element just before ("--requirepass", then its value)
    Deque<String[]> named = new ArrayDeque<>();
    DetectorType fieldType = NONE;
    String fieldName = null;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      Context inherited = containers.isEmpty() ? new Context(NONE, null) : containers.peek();
      DetectorType type = fieldType != NONE ? fieldType : inherited.type();
      String key = fieldType != NONE ? fieldName : inherited.key();
      JsonStreamContext context = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
      boolean inArray = !t.isStructEnd() && context != null && context.inArray() && !named.isEmpty();
      String flag = inArray ? named.peek()[1] : null;
      if (inArray) {
        named.peek()[1] = null;
      }
      if (flag != null && t.isScalarValue() && !(t == JsonToken.VALUE_STRING && isFlag(p.getText()))) {
        type = KeyNames.classify(flag);
        key = flag;
      }
      switch (t) {
        case START_OBJECT:
        case START_ARRAY:
          boolean secret = type == DetectorType.SECRET || type == DetectorType.AWS_SECRET_KEY;
          containers.push(secret ? new Context(type, key) : new Context(NONE, null));
          named.push(new String[2]);
          g.copyCurrentEvent(p);
          fieldType = NONE;
          break;
        case END_OBJECT:
        case END_ARRAY:
          containers.pop();
          named.pop();
          g.copyCurrentEvent(p);
          fieldType = NONE;
          break;
        case FIELD_NAME:
          fieldName = p.currentName();
          fieldType = KeyNames.classify(fieldName);
          if (fieldType == NONE && fieldName.equals("value") && !named.isEmpty() && named.peek()[0] != null) {
            fieldName = named.peek()[0]; // a Kubernetes env entry, an ECS environment entry: the value of that name
            fieldType = KeyNames.classify(fieldName);
          }
          g.writeFieldName(values.text(p.currentName(), counter));
          break;
        case VALUE_STRING:
          if (fieldType == DetectorType.PERSON_NAME && "name".equals(fieldName) && !named.isEmpty()) {
            DetectorType n = KeyNames.classify(p.getText());
            named.peek()[0] = n == DetectorType.SECRET || n == DetectorType.AWS_SECRET_KEY ? p.getText() : null;
          }
          if (inArray && isSecretFlag(p.getText())) {
            named.peek()[1] = p.getText();
          }
          g.writeString(values.value(type, key, p.getText(), counter));
          fieldType = NONE;
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          String text = p.getText();
          String red = values.value(type, key, text, counter);
          if (red.equals(text)) {
            g.copyCurrentEvent(p);
          } else {
            g.writeString(red);
          }
          fieldType = NONE;
          break;
        default:
          g.copyCurrentEvent(p);
          fieldType = NONE;
          break;
      }
    }
  }

  /** A long command-line option: {@code --verbose}, {@code --requirepass}. */
  private static boolean isFlag(String text) {
    return text.length() > 2 && text.startsWith("--") && Character.isLetter(text.charAt(2));
  }

  /** A command-line flag element naming a secret, whose value is the next element: {@code --requirepass}. */
  private static boolean isSecretFlag(String text) {
    if (!isFlag(text) || text.indexOf('=') >= 0 || text.indexOf(' ') >= 0) {
      return false;
    }
    DetectorType t = KeyNames.classify(text);
    return t == DetectorType.SECRET || t == DetectorType.AWS_SECRET_KEY;
  }
}
