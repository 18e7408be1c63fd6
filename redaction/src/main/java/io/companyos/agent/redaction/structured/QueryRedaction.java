package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.RedactionCounter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A URL or a bare query string: everything before {@code ?} is redacted as text (userinfo, hosts), each
 * parameter by its decoded key and value; values that change are URL-encoded again.
 */
final class QueryRedaction {
  private final KeyedValues values;

  QueryRedaction(KeyedValues values) {
    this.values = values;
  }

  String redact(String url, RedactionCounter counter) {
    int q = url.indexOf('?');
    String base = q < 0 ? (url.contains("=") ? "" : url) : url.substring(0, q);
    String query = q < 0 ? (url.contains("=") ? url : "") : url.substring(q + 1);
    String fragment = "";
    int hash = query.indexOf('#');
    if (hash >= 0) {
      fragment = query.substring(hash);
      query = query.substring(0, hash);
    }
    StringBuilder out = new StringBuilder(values.text(base, counter));
    if (q >= 0) {
      out.append('?');
    }
    String[] params = query.isEmpty() ? new String[0] : query.split("&", -1);
    for (int i = 0; i < params.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      out.append(param(params[i], counter));
    }
    return out.append(values.text(fragment, counter)).toString();
  }

  private String param(String p, RedactionCounter counter) {
    int eq = p.indexOf('=');
    String rawKey = eq < 0 ? p : p.substring(0, eq);
    String key = decode(rawKey);
    String redKey = values.text(key, counter);
    String outKey = redKey.equals(key) ? rawKey : encode(redKey);
    if (eq < 0) {
      return outKey;
    }
    String rawValue = p.substring(eq + 1);
    String value = decode(rawValue);
    String red = values.value(key, value, counter);
    return outKey + "=" + (red.equals(value) ? rawValue : encode(red));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
