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
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON and YAML, streamed token by token with Jackson: field names are redacted as text; a scalar under a
 * secret/user/name key is replaced whole, and so is every scalar inside an object or array under a secret
 * key; other scalars are redacted as text. A number that gets redacted becomes a string, so the output is
 * always a valid document of the same format. Shapes that no single key names: the {@code value} beside a
 * {@code name} that names a secret (Kubernetes and ECS env entries); the element after a secret flag in an array
 * (Compose's {@code command: ["redis-server", "--requirepass", "…"]}); a Keycloak credential's
 * {@code secretData}; every value of a Kubernetes Secret's
 * {@code stringData}, and of its {@code data} (in an object with {@code apiVersion}: all of them once
 * {@code kind: Secret} was seen, else only base64 values, as kubectl writes {@code data} before {@code kind}); the
 * {@code result} of a Terraform state's {@code random_password} and {@code random_string} resources; and a
 * string that is itself a JSON object, redacted as one (compact) when anything in it is redacted.
 */
final class JacksonRedaction {
  private static final DetectorType NONE = null;

  private final JsonFactory factory;
  private final KeyedValues values;
  /** Redacts a JSON document inside a string value. */
  private final JacksonRedaction embedded;

  private JacksonRedaction(JsonFactory factory, KeyedValues values, JacksonRedaction embedded) {
    this.factory = factory;
    this.values = values;
    this.embedded = embedded == null ? this : embedded;
  }

  static JacksonRedaction json(KeyedValues values) {
    return new JacksonRedaction(new JsonFactory(), values, null);
  }

  static JacksonRedaction yaml(KeyedValues values) {
    return new JacksonRedaction(new YAMLFactory(), values, json(values));
  }

  void redact(Reader in, Writer out, RedactionCounter counter) throws IOException {
    // a byte order mark (Windows' editors and Postman there write one) is no JSON: it is passed through, then the
    // document parsed (it was withheld as "not a valid JSON document (line 1)")
    java.io.PushbackReader r = new java.io.PushbackReader(in, 1);
    int first = r.read();
    if (first == '\uFEFF') {
      out.write(first);
    } else if (first >= 0) {
      r.unread(first);
    }
    redact(r, out, counter, Context.PLAIN);
  }

  /** Redacts with {@code root} as the context of the document's top level. */
  private void redact(Reader in, Writer out, RedactionCounter counter, Context root) throws IOException {
    try (JsonParser p = factory.createParser(in);
        JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (!(factory instanceof YAMLFactory)) {
        g.setRootValueSeparator(new SerializedString("\n"));
      }
      copy(p, g, counter, root);
    } catch (JsonProcessingException e) {
      throw new RedactionException("not a valid " + (factory instanceof YAMLFactory ? "YAML" : "JSON")
          + " document (line " + e.getLocation().getLineNr() + ")");
    }
  }

  /**
   * The key context of a container: the detector of the key it stands under, if any; {@code base64Only}: a
   * Kubernetes object's {@code data} before its {@code kind} (kubectl writes {@code data} first), where only base64
   * values are taken for a Secret's.
   */
  private record Context(DetectorType type, String key, boolean base64Only, Cookies cookies) {
    static final Context PLAIN = new Context(NONE, null, false, Cookies.NO);

    Context(DetectorType type, String key, boolean base64Only) {
      this(type, key, base64Only, Cookies.NO);
    }
  }

  /**
   * A {@code cookies} field's container: a HAR file's list of cookie objects ({@code [{"name": "sid", "value": "x",
   * "path": "/"}]}, each a {@link #COOKIE}) or an error tracker's map of cookies ({@code {"sid": "x"}}).
   */
  private enum Cookies { NO, LIST_OR_MAP, COOKIE }

  /** What a container has seen so far, for the rules that span its fields or elements. */
  private static final class Seen {
    /** The secret key named by its "name" field ({"name": "DB_PASSWORD", "value": "…"}). */
    String named;
    /** In an array: the secret flag element just before ("--requirepass", then its value). */
    String flag;
    /** In an object: whether it has an apiVersion field (a Kubernetes object), and its kind. */
    boolean apiVersion;
    String kind;
    /** In an object: a Terraform state's random_password or random_string resource (its instances' result). */
    boolean terraformRandom;
    /**
     * In an array inside an array (an error tracker's pairs, Sentry's {@code "query_string": [["token", "x"]]}): the
     * elements read, the first if it was a string, and the second held back until the array shows it is a pair.
     */
    boolean pairable;
    int elements;
    String pairName;
    String pending;
  }

  private void copy(JsonParser p, JsonGenerator g, RedactionCounter counter, Context root) throws IOException {
    Deque<Context> containers = new ArrayDeque<>();
    Deque<Seen> seen = new ArrayDeque<>();
    DetectorType fieldType = NONE;
    String fieldName = null;
    boolean base64Only = false;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      Context inherited = containers.isEmpty() ? root : containers.peek();
      if (!seen.isEmpty() && seen.peek().pending != null && t != JsonToken.END_ARRAY) {
        Seen pair = seen.peek(); // a third element: no pair, the second is text
        g.writeString(values.text(pair.pending, counter));
        pair.pending = null;
      }
      DetectorType type = fieldType != NONE ? fieldType : inherited.type();
      String key = fieldType != NONE ? fieldName : inherited.key();
      JsonStreamContext context = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
      boolean inArray = !t.isStructEnd() && context != null && context.inArray() && !seen.isEmpty();
      int element = inArray ? seen.peek().elements++ : -1; // (its index in the array)
      String flag = inArray ? seen.peek().flag : null;
      if (inArray) {
        seen.peek().flag = null;
      }
      if (flag != null && t.isScalarValue() && !(t == JsonToken.VALUE_STRING && isFlag(p.getText()))) {
        type = KeyNames.classify(flag);
        key = flag;
      }
      switch (t) {
        case START_OBJECT:
        case START_ARRAY:
          boolean secret = type == DetectorType.SECRET || type == DetectorType.AWS_SECRET_KEY;
          Cookies cookies = context != null && context.inObject() && "cookies".equalsIgnoreCase(context.getCurrentName())
              ? Cookies.LIST_OR_MAP
              : t == JsonToken.START_OBJECT && inherited.cookies() == Cookies.LIST_OR_MAP && context != null
                  && context.inArray() ? Cookies.COOKIE : Cookies.NO;
          containers.push(secret ? new Context(type, key, false)
              : base64Only ? new Context(DetectorType.SECRET, "data", true)
              : cookies != Cookies.NO ? new Context(NONE, null, false, cookies) : Context.PLAIN);
          Seen opened = new Seen();
          opened.pairable = t == JsonToken.START_ARRAY && context != null && context.inArray();
          seen.push(opened);
          g.copyCurrentEvent(p);
          fieldType = NONE;
          base64Only = false;
          break;
        case END_OBJECT:
        case END_ARRAY:
          containers.pop();
          Seen closed = seen.pop();
          if (closed.pending != null) {
            Context outer = containers.isEmpty() ? root : containers.peek();
            g.writeString(pairValue(closed.pairName, closed.pending, outer, counter)); // a pair: its name types it
          }
          g.copyCurrentEvent(p);
          fieldType = NONE;
          break;
        case FIELD_NAME:
          fieldName = p.currentName();
          fieldType = KeyNames.classify(fieldName);
          Seen here = seen.peek();
          if (fieldType == NONE && fieldName.equalsIgnoreCase("value") && here.named != null) {
            fieldName = here.named; // a Kubernetes env entry, an ECS environment entry: the value of that name
            fieldType = KeyNames.classify(fieldName);
          }
          if (fieldType == NONE) {
            String holder = holderKey(p);
            String keyed = holder == null ? null : keyedByHolder(fieldName, holder);
            if (keyed != null) {
              fieldName = keyed;
              fieldType = KeyNames.classify(keyed);
            }
          }
          if (fieldType == NONE && fieldName.equalsIgnoreCase("key")) {
            JsonStreamContext parent = p.getParsingContext().getParent();
            if (parent != null && parent.inObject() && parent.getCurrentName() != null) {
              fieldType = KeyNames.classify(parent.getCurrentName() + ".key"); // encryption: then key: x
            }
          }
          if (fieldType == NONE && fieldName.equals("stringData")) {
            fieldType = DetectorType.SECRET; // a Kubernetes Secret's plain-text values
          } else if (fieldType == NONE && fieldName.equals("secretData")) {
            fieldType = DetectorType.SECRET; // a Keycloak credential's hash and salt, a JSON string
          } else if (fieldType == NONE && fieldName.equals("result") && inTerraformRandom(seen)) {
            fieldType = DetectorType.SECRET; // a Terraform state's generated password
          } else if (fieldType == NONE && fieldName.equals("data") && here.apiVersion) {
            if ("Secret".equals(here.kind)) {
              fieldType = DetectorType.SECRET; // a Kubernetes Secret's base64 values
            } else {
              base64Only = here.kind == null;
            }
          }
          g.writeFieldName(values.text(p.currentName(), counter));
          break;
        case VALUE_STRING:
          String text = p.getText();
          if (inArray && type == NONE && seen.peek().pairable) {
            Seen pair = seen.peek();
            if (element == 0) {
              pair.pairName = text;
            } else if (element == 1 && pair.pairName != null) {
              pair.pending = text; // held back: written at the array's end, or as text before a third element
              break;
            }
          }
          if (!seen.isEmpty() && fieldName != null && isNamingField(fieldName)) {
            seen.peek().named = KeyNames.classify(text) != NONE || isCookieHeader(text) || "code".equals(text) ? text
                : null;
          }
          if (!seen.isEmpty() && p.getParsingContext().inObject()) {
            if ("apiVersion".equals(p.currentName())) {
              seen.peek().apiVersion = true;
            } else if ("kind".equals(p.currentName())) {
              seen.peek().kind = text;
            } else if ("type".equals(p.currentName())) {
              seen.peek().terraformRandom = text.equals("random_password") || text.equals("random_string");
            }
          }
          if (inArray && isSecretFlag(text)) {
            seen.peek().flag = text;
          }
          if (inherited.base64Only() && fieldType == NONE && !isBase64(text)) {
            type = NONE; // not (yet) known to be a Secret: only base64 values are taken for a Secret's
            key = null;
          }
          String embedded = null;
          boolean member = p.getParsingContext().inObject();
          if (fieldType == NONE && member && (isCookieHeader(fieldName)
              || ("cookies".equalsIgnoreCase(fieldName) && inherited.cookies() == Cookies.NO))) {
            embedded = asAfter(COOKIE_HEADER, text, counter); // "Cookie": "a=x; b=y", {"name": "Set-Cookie", …}
          } else if (fieldType == NONE && member && ((inherited.cookies() == Cookies.LIST_OR_MAP
                  && !KeyNames.isCookieAttribute(fieldName))
              || (inherited.cookies() == Cookies.COOKIE && "value".equals(fieldName)))) {
            embedded = asAfter(ONE_COOKIE, text, counter); // {"sid": "x"}, [{"name": "sid", "value": "x"}]
          } else if (fieldType == NONE && member && "code".equals(fieldName)) {
            // an OAuth authorization code: a token request's "code", a HAR pair {"name": "code", "value": "x"}
            embedded = asAfter(OAUTH_CODE, text, counter);
          } else if (fieldType == NONE && member && "text".equals(fieldName) && inHarContent(p)) {
            embedded = base64Text(text, counter); // a HAR body with "encoding": "base64"
          } else if (fieldType == DetectorType.SECRET || fieldType == DetectorType.AWS_SECRET_KEY) {
            embedded = embeddedJson(text, new Context(fieldType, fieldName, false), counter);
          } else if (type == NONE) {
            embedded = embeddedJson(text, Context.PLAIN, counter);
          }
          String redacted = embedded != null ? embedded : values.value(type, key, text, counter);
          if (redacted.equals(text) && (fieldType == DetectorType.SECRET || fieldType == DetectorType.AWS_SECRET_KEY)
              && (inherited.type() == DetectorType.SECRET || inherited.type() == DetectorType.AWS_SECRET_KEY)) {
            // inside a secret's object a secret key's value is one, whatever that key's own conditions: a Secret's
            // stringData: {license: CO-LIC-7F3A}, though license alone takes only a generated value (a name or a
            // user key there keeps its own rules: imagePullSecrets' name: registry-creds)
            redacted = values.value(inherited.type(), inherited.key(), text, counter);
          }
          g.writeString(redacted);
          fieldType = NONE;
          base64Only = false;
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          String number = p.getText();
          String red = values.value(type, key, number, counter);
          if (red.equals(number)) {
            g.copyCurrentEvent(p);
          } else {
            g.writeString(red);
          }
          fieldType = NONE;
          base64Only = false;
          break;
        default:
          g.copyCurrentEvent(p);
          fieldType = NONE;
          base64Only = false;
          break;
      }
    }
  }

  /**
   * The key of the current object ({@code "user"} of {@code "user": {…}}), or of the array that holds it
   * ({@code "addresses"} of {@code "addresses": [{…}]}); {@code null} at the top.
   */
  private static String holderKey(JsonParser p) {
    JsonStreamContext parent = p.getParsingContext().getParent();
    if (parent != null && parent.inArray()) {
      parent = parent.getParent();
    }
    return parent != null && parent.inObject() ? parent.getCurrentName() : null;
  }

  /**
   * A field that its object's key types, as the text scan types it: SCIM's {@code name.formatted} (a name) and
   * {@code addresses[].formatted} (an address), an error tracker's {@code user.id} (a user, when it is a name), a
   * {@code value} one level down under a classified key ({@code "$displayName": {"value": "x"}} of RevenueCat,
   * Spring Boot's {@code /actuator/env}); the key to type it by, or {@code null}.
   */
  private static String keyedByHolder(String field, String holder) {
    String h = holder.startsWith("$") ? holder.substring(1) : holder;
    if (field.equals("formatted") && (h.equals("name") || h.equals("addresses") || h.equals("address"))) {
      return h.equals("name") ? "name" : "street_address";
    }
    if (field.equals("id") && (h.equals("user") || h.equals("usr"))) {
      return "user_id";
    }
    if (field.equals("value") && KeyNames.classify(h) != NONE) {
      return h;
    }
    return null;
  }

  /** Whether the current object is a HAR entry's response {@code content} (its {@code text} may be base64). */
  private static boolean inHarContent(JsonParser p) {
    JsonStreamContext object = p.getParsingContext();
    JsonStreamContext holder = object.getParent();
    return holder != null && holder.inObject() && "content".equals(holder.getCurrentName());
  }

  /**
   * A HAR body that a browser exported in base64 ({@code "encoding": "base64"}, which may come after the text): when
   * the text is canonical base64 of UTF-8 text (a JSON or HTML body, not an image), that text redacted and encoded
   * again, so the body stays decodable; {@code null} when it is no such text or nothing in it was redacted (the
   * string is then redacted as text).
   */
  private String base64Text(String text, RedactionCounter counter) {
    if (text.length() < 16 || !isBase64(text)) {
      return null;
    }
    String decoded;
    try {
      decoded = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(text))).toString();
    } catch (java.nio.charset.CharacterCodingException | IllegalArgumentException binary) {
      return null;
    }
    long before = counter.total();
    String redacted = values.text(decoded, counter);
    return counter.total() == before ? null : java.util.Base64.getEncoder().encodeToString(
        redacted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The second item of a pair, {@code ["name", "value"]}, typed by the first: a cookie header's value, a cookie's (in a
   * {@code cookies} list of pairs), or a key's value; else text.
   */
  private String pairValue(String name, String value, Context list, RedactionCounter counter) throws IOException {
    if (isCookieHeader(name)) {
      return asAfter(COOKIE_HEADER, value, counter);
    }
    if (list.cookies() == Cookies.LIST_OR_MAP) {
      return asAfter(ONE_COOKIE, value, counter);
    }
    return values.value(name, value, counter);
  }

  /** {@code Cookie} or {@code Set-Cookie}, as a field's or a header's name. */
  private static boolean isCookieHeader(String name) {
    return name != null && (name.equalsIgnoreCase("cookie") || name.equalsIgnoreCase("set-cookie"));
  }

  /**
   * What the text scan finds after these bytes decides a value here, so that the structured paths and the text scan
   * agree on one rule: a cookie header's pairs (each value of 8 bytes or more, names and attributes kept), one
   * cookie's value (the same, a JWT as one), an OAuth authorization code (20 URL-safe bytes or more with a digit:
   * {@code "code": "ECONNRESET"} stays).
   */
  private static final String COOKIE_HEADER = "Cookie: ";
  private static final String ONE_COOKIE = "Cookie: c=";
  private static final String OAUTH_CODE = "?code=";

  /** {@code text} redacted as the text scan redacts it after {@code prefix}, the prefix taken off again. */
  private String asAfter(String prefix, String text, RedactionCounter counter) {
    String redacted = values.text(prefix + text, counter);
    return redacted.startsWith(prefix) ? redacted.substring(prefix.length()) : values.text(text, counter);
  }

  /** Whether an enclosing object is a Terraform state's {@code random_password} or {@code random_string} resource. */
  private static boolean inTerraformRandom(Deque<Seen> seen) {
    for (Seen s : seen) {
      if (s.terraformRandom) {
        return true;
      }
    }
    return false;
  }

  /** A field that names the {@code value} beside it: {@code name}, {@code type}, {@code key}, {@code path}, {@code property}. */
  private static boolean isNamingField(String field) {
    for (String f : io.companyos.agent.redaction.detect.KeyNames.NAMING_FIELDS) {
      if (f.equalsIgnoreCase(field)) {
        return true;
      }
    }
    return false;
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

  /** Canonical base64 of at least 12 characters (9 bytes), as a Kubernetes Secret's data values are. */
  private static boolean isBase64(String text) {
    int n = text.length();
    if (n < 12 || n % 4 != 0) {
      return false;
    }
    int pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    for (int i = 0; i < n - pad; i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  /**
   * A string that is itself a JSON object (Keycloak's {@code secretData}, kubectl's last-applied-configuration, an
   * IAM policy in Terraform state): redacted as a JSON document in {@code root}'s context (under a secret key: every
   * value in it), compact; {@code null} when it is not one, or when nothing in it was redacted (the string is then
   * redacted as before: a secret key's value that looks like a structure is not replaced whole).
   */
  private String embeddedJson(String text, Context root, RedactionCounter counter) throws IOException {
    String s = text.strip();
    if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
      return null;
    }
    long before = counter.total();
    StringWriter redacted = new StringWriter();
    try {
      embedded.redact(new StringReader(s), redacted, counter, root);
    } catch (RedactionException notJson) {
      return null;
    }
    return counter.total() == before ? null : redacted.toString();
  }
}
