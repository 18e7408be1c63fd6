package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A JSON member {@code value} made secret by a sibling that says so: AWS SSM's {@code "Type": "SecureString"}
 * ({@code aws ssm get-parameter --with-decryption}: {@code Name}, {@code Type}, {@code Value}) and Terraform's
 * {@code "sensitive": true} ({@code terraform output -json}: {@code sensitive}, {@code type}, {@code value}). Found at
 * the sibling; the {@code value} later in the same object is a secret (a string; in an object or a list, each string
 * that is no member's name).
 */
final class SiblingValueDetector {
  private SiblingValueDetector() {}

  private static final int MAX_OBJECT = 16 * 1024;

  /** At the last byte of {@code securestring"} or {@code sensitive":}. */
  static int find(Scan s, int last) {
    int p = last + 1;
    if (s.b[last] == ':') { // "sensitive": true
      p = KeyValueDetector.skipSpaces(s, p);
      if (!Bytes.startsWith(s.b, p, s.hi, "true")) {
        return -1;
      }
      p += 4;
    }
    int limit = Math.min(s.hi, p + MAX_OBJECT);
    int depth = 0;
    for (; p < limit; p++) {
      int c = s.b[p];
      if (c == '"') {
        int end = KeyValueDetector.closingQuote(s, p + 1, '"');
        if (end < 0) {
          return -1;
        }
        if (depth == 0 && end - p == 6 && Bytes.startsWithIgnoreCase(s.b, p + 1, end, "value")) {
          value(s, end + 1, limit);
          return -1; // the span is kept; the pass goes on over the members between (no jump past them)
        }
        p = end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth-- == 0) {
          return -1; // the object ends without a value
        }
      }
    }
    return -1;
  }

  /**
   * At the last byte of {@code "random_password"} or {@code "random_string"}, a Terraform state's resource type: the
   * {@code result} of each of its instances (the generated password, in clear in {@code terraform.tfstate} and
   * {@code terraform state pull}), up to the end of the resource's object.
   */
  static int terraformRandom(Scan s, int last) {
    int limit = Math.min(s.hi, last + 1 + MAX_OBJECT);
    int depth = 0;
    for (int p = last + 1; p < limit; p++) {
      int c = s.b[p];
      if (c == '"') {
        int end = KeyValueDetector.closingQuote(s, p + 1, '"');
        if (end < 0) {
          return -1;
        }
        boolean result = end - p == 7 && Bytes.startsWith(s.b, p + 1, end, "result");
        p = result ? Math.max(end, value(s, end + 1, limit)) : end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && depth-- == 0) {
        return -1; // the resource ends
      }
    }
    return -1; // the spans are kept; the pass goes on over the members between (no jump past them)
  }

  /** After the {@code "value"} key's closing quote at {@code p}: its value, added as a secret. */
  private static int value(Scan s, int p, int limit) {
    p = JsonSpans.valueStart(s, p);
    if (p < 0) {
      return -1;
    }
    int c = s.at(p);
    if (c == '"') {
      int end = KeyValueDetector.closingQuote(s, p + 1, '"');
      return end <= p + 1 || KeyValueDetector.isPlaceholder(s, p + 1, end)
          || !s.add(p + 1, end, DetectorType.SECRET) ? -1 : end;
    }
    if (c != '{' && c != '[') {
      return -1; // a number, true, false, null
    }
    // an object or a list: every string in it that is no member's name, so that the document stays JSON
    int close = JsonSpans.closing(s, p, limit);
    return close < 0 ? -1 : JsonSpans.secretStrings(s, p, close);
  }

  /**
   * At {@code "keyName"} (Azure's storage account, Service Bus and Event Hubs keys, {@code az storage account keys
   * list}: {@code {"keyName": "key1", "permissions": "FULL", "value": "x"}}): the {@code value} of the same object,
   * as {@link #find} takes it after AWS SSM's type.
   */
  static int azureKeyName(Scan s, int last) {
    return last - 8 >= s.lo && Bytes.startsWith(s.b, last - 8, s.hi, "\"keyName\"") ? find(s, last) : -1;
  }

  /**
   * At {@code "payload"} (a Secret Manager secret version, {@code gcloud secrets versions access} with
   * {@code --log-http}, the API's JSON): the base64 {@code data} of {@code "payload": {"data": "x"}}, a secret.
   */
  static int payloadData(Scan s, int last) {
    if (last - 8 < s.lo || !Bytes.startsWith(s.b, last - 8, s.hi, "\"payload\"")) {
      return -1;
    }
    int p = JsonSpans.valueStart(s, last + 1);
    if (p < 0 || s.at(p) != '{') {
      return -1;
    }
    p = KeyValueDetector.skipSpaces(s, p + 1);
    p = Bytes.startsWith(s.b, p, s.hi, "\"data\"") ? JsonSpans.valueStart(s, p + 6) : -1;
    int end = p >= 0 && s.at(p) == '"' ? KeyValueDetector.closingQuote(s, p + 1, '"') : -1;
    return end > p + 4 && s.add(p + 1, end, DetectorType.SECRET) ? end : -1;
  }
}
