package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Incoming-webhook URLs, whose path is a bearer secret (whoever has it can post as the integration). The scheme,
 * host and first path word stay; the secret part of the path is replaced, counted as
 * {@link DetectorType#API_TOKEN}:
 *
 * <ul>
 *   <li>Slack {@code hooks.slack.com/services/T…/B…/…} (also {@code /workflows/}, {@code /triggers/}): all after
 *       the first path word;
 *   <li>Discord {@code discord.com/api/webhooks/<id>/<token>} ({@code discordapp.com}, {@code /api/v10/webhooks/}):
 *       the id and the token;
 *   <li>Microsoft Teams {@code <tenant>.webhook.office.com/webhookb2/…}, {@code outlook.office.com/webhook/…}: all
 *       of the path after {@code webhookb2/} or {@code webhook/};
 *   <li>Mattermost's and Rocket.Chat's {@code /hooks/<id>[/<token>]} (see {@link #hooksPath}).
 * </ul>
 *
 * The secret part must have at least 20 characters of {@code [A-Za-z0-9/_.@-]}; a query string stays.
 */
final class WebhookDetector {
  private static final int MIN = 20;
  private static final int MAX = 512;

  private WebhookDetector() {}

  /** At the last byte of {@code hooks.slack.com/} (or of its JSON-escaped <code>hooks.slack.com&#92;/</code>). */
  static int slack(Scan s, int last, int patternLength) {
    int start = last - patternLength + 1;
    if (Bytes.isAlnum(s.at(start - 1)) || s.at(start - 1) == '-') {
      return -1;
    }
    int p = last + 1;
    while (Bytes.isLower(s.at(p)) && p - last < 16) {
      p++;
    }
    int slash = Bytes.slashAt(s.b, p, s.hi);
    if (p == last + 1 || slash == 0) {
      return -1;
    }
    return secretPath(s, p + slash);
  }

  /**
   * At the last byte of {@code bhook} (the trigger is inside {@code webhook}, whose first letters are common). The
   * path's slashes may be JSON's escaped ones (<code>&#92;/</code>, as PHP's {@code json_encode} writes them).
   */
  static int afterWebhook(Scan s, int last) {
    int w = last - "webhook".length() + 1;
    if (s.at(w) != 'w' || s.at(w - 1) != '/') {
      return -1;
    }
    int beforeSlash = s.at(w - 2) == '\\' ? w - 3 : w - 2; // the last byte before the slash before "webhook"
    int p = last + 1;
    int slash;
    if (s.at(p) == 's' && (slash = Bytes.slashAt(s.b, p + 1, s.hi)) > 0) {
      // discord(app).com/api[/vN]/webhooks/
      int q = beforeSlash;
      while (Bytes.isDigit(s.at(q)) && beforeSlash - q < 4) {
        q--;
      }
      if (q < beforeSlash && s.at(q) == 'v') {
        int version = pathStart(s, q, "/v");
        if (version >= 0) {
          q = version - 1;
        }
      }
      int api = pathStart(s, q, "/api");
      if (api < 0 || !(pathStart(s, api - 1, "discord.com") >= 0 || pathStart(s, api - 1, "discordapp.com") >= 0)) {
        return -1;
      }
      return secretPath(s, p + 1 + slash);
    }
    if (s.at(p) == 'b' && s.at(p + 1) == '2' && (slash = Bytes.slashAt(s.b, p + 2, s.hi)) > 0) {
      p += 2 + slash;
    } else if ((slash = Bytes.slashAt(s.b, p, s.hi)) > 0) {
      p += slash;
    } else {
      return -1;
    }
    // <tenant>.webhook.office.com/webhookb2/, outlook.office.com/webhook/, outlook.office365.com/webhook/
    if (!endsWith(s, beforeSlash, ".office.com") && !endsWith(s, beforeSlash, ".office365.com")) {
      return -1;
    }
    return secretPath(s, p);
  }

  /**
   * At the last {@code /} of {@code /hooks/}: Mattermost's incoming webhooks ({@code https://chat.example.org/hooks/}
   * and a 26-character id of lower-case letters and digits, the whole secret) and Rocket.Chat's ({@code /hooks/<id>/
   * <token>}, letters and digits), in a URL ({@code ://} before it on the line) or a request line's path
   * ({@code "url":"/hooks/…"}, {@code POST /hooks/…}); at least 20 characters, only letters and digits per part, so
   * that a path such as {@code /hooks/pre-commit} stays.
   */
  static int hooksPath(Scan s, int last) {
    int from = last + 1;
    int p = from;
    int parts = 0;
    while (parts < 2) {
      int q = p;
      while (q - p < 128 && Bytes.isAlnum(s.at(q))) {
        q++;
      }
      if (q - p < 16) {
        break;
      }
      parts++;
      p = q;
      if (s.at(p) != '/' || !Bytes.isAlnum(s.at(p + 1))) {
        break;
      }
      p++;
    }
    if (s.at(p - 1) == '/') {
      p--;
    }
    int c = s.at(p);
    if (parts == 0 || p - from < MIN || Bytes.isWord(c) || c == '-' || c == '.') {
      return -1;
    }
    return s.add(from, p, DetectorType.API_TOKEN) ? p : -1;
  }

  /**
   * Where {@code text} starts when it ends at {@code end} (inclusive), ignoring ASCII case, each of its slashes also
   * as JSON's escaped <code>&#92;/</code>; or -1.
   */
  private static int pathStart(Scan s, int end, String text) {
    int p = end;
    for (int k = text.length() - 1; k >= 0; k--) {
      int c = text.charAt(k);
      if (p < s.lo || Bytes.lower(s.b[p]) != c) {
        return -1;
      }
      if (c == '/' && p - 1 >= s.lo && s.b[p - 1] == '\\') {
        p--;
      }
      p--;
    }
    return p + 1;
  }

  /** Whether the bytes ending at {@code end} (inclusive) are {@code text}, ignoring ASCII case. */
  private static boolean endsWith(Scan s, int end, String text) {
    int from = end - text.length() + 1;
    return from >= s.lo && Bytes.startsWithIgnoreCase(s.b, from, s.hi, text);
  }

  private static int secretPath(Scan s, int from) {
    int p = from;
    while (p - from < MAX) {
      if (isPathChar(s.at(p))) {
        p++;
      } else if (Bytes.slashAt(s.b, p, s.hi) == 2) {
        p += 2; // JSON's escaped slash
      } else {
        break;
      }
    }
    while (p > from && (s.at(p - 1) == '.' || s.at(p - 1) == '/')) {
      p -= p - 2 >= from && s.at(p - 1) == '/' && s.at(p - 2) == '\\' ? 2 : 1;
    }
    if (p - from < MIN) {
      return -1;
    }
    return s.add(from, p, DetectorType.API_TOKEN) ? p : -1;
  }

  private static boolean isPathChar(int c) {
    return Bytes.isBase64Url(c) || c == '/' || c == '.' || c == '@';
  }
}
