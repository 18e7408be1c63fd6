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
 *       of the path after {@code webhookb2/} or {@code webhook/}.
 * </ul>
 *
 * The secret part must have at least 20 characters of {@code [A-Za-z0-9/_.@-]}; a query string stays.
 */
final class WebhookDetector {
  private static final int MIN = 20;
  private static final int MAX = 512;

  private WebhookDetector() {}

  /** At the last byte of {@code hooks.slack.com/}. */
  static int slack(Scan s, int last) {
    int start = last - "hooks.slack.com/".length() + 1;
    if (Bytes.isAlnum(s.at(start - 1)) || s.at(start - 1) == '-') {
      return -1;
    }
    int p = last + 1;
    while (Bytes.isLower(s.at(p)) && p - last < 16) {
      p++;
    }
    if (p == last + 1 || s.at(p) != '/') {
      return -1;
    }
    return secretPath(s, p + 1);
  }

  /** At the last byte of {@code bhook} (the trigger is inside {@code webhook}, whose first letters are common). */
  static int afterWebhook(Scan s, int last) {
    int w = last - "webhook".length() + 1;
    if (s.at(w) != 'w' || s.at(w - 1) != '/') {
      return -1;
    }
    int p = last + 1;
    if (s.at(p) == 's' && s.at(p + 1) == '/') {
      // discord(app).com/api[/vN]/webhooks/
      int q = w - 2;
      while (Bytes.isDigit(s.at(q)) && w - q < 6) {
        q--;
      }
      if (q < w - 2 && s.at(q) == 'v' && s.at(q - 1) == '/') {
        q -= 2;
      }
      if (!endsWith(s, q, "/api") || !(endsWith(s, q - 4, "discord.com") || endsWith(s, q - 4, "discordapp.com"))) {
        return -1;
      }
      return secretPath(s, p + 2);
    }
    if (s.at(p) == 'b' && s.at(p + 1) == '2' && s.at(p + 2) == '/') {
      p += 3;
    } else if (s.at(p) == '/') {
      p++;
    } else {
      return -1;
    }
    // <tenant>.webhook.office.com/webhookb2/, outlook.office.com/webhook/, outlook.office365.com/webhook/
    if (!endsWith(s, w - 2, ".office.com") && !endsWith(s, w - 2, ".office365.com")) {
      return -1;
    }
    return secretPath(s, p);
  }

  /** Whether the bytes ending at {@code end} (inclusive) are {@code text}, ignoring ASCII case. */
  private static boolean endsWith(Scan s, int end, String text) {
    int from = end - text.length() + 1;
    return from >= s.lo && Bytes.startsWithIgnoreCase(s.b, from, s.hi, text);
  }

  private static int secretPath(Scan s, int from) {
    int p = from;
    while (p - from < MAX && isPathChar(s.at(p))) {
      p++;
    }
    while (p > from && (s.at(p - 1) == '.' || s.at(p - 1) == '/')) {
      p--;
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
