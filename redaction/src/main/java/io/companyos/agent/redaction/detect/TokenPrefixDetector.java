package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.List;

/**
 * Vendor API tokens recognised by their prefix (exact case) and a minimum body length: GitHub, GitLab,
 * Slack, Stripe, HashiCorp Vault, npm, PyPI, Google, SendGrid, DigitalOcean, Shopify, OpenAI, Anthropic,
 * Grafana.
 */
final class TokenPrefixDetector {
  /** Prefix and the least number of body characters after it. */
  record Prefix(String text, int minBody) {}

  static final List<Prefix> PREFIXES =
      List.of(
          new Prefix("ghp_", 30), new Prefix("gho_", 30), new Prefix("ghu_", 30), new Prefix("ghs_", 30),
          new Prefix("ghr_", 30), new Prefix("github_pat_", 22), new Prefix("glpat-", 20),
          new Prefix("glrt-", 20), new Prefix("gldt-", 20), new Prefix("glptt-", 20), new Prefix("xoxb-", 10),
          new Prefix("xoxp-", 10), new Prefix("xoxa-", 10), new Prefix("xoxr-", 10), new Prefix("xoxe-", 10),
          new Prefix("xapp-", 10), new Prefix("sk_live_", 16), new Prefix("rk_live_", 16),
          new Prefix("sk_test_", 16), new Prefix("whsec_", 16), new Prefix("hvs.", 20), new Prefix("hvb.", 20),
          new Prefix("npm_", 30), new Prefix("pypi-AgE", 40), new Prefix("AIza", 30), new Prefix("ya29.", 20),
          new Prefix("SG.", 30), new Prefix("dop_v1_", 40), new Prefix("shpat_", 30), new Prefix("shpss_", 30),
          new Prefix("sk-proj-", 20), new Prefix("sk-ant-", 20), new Prefix("glsa_", 20));

  private TokenPrefixDetector() {}

  /** At the last byte of a prefix found case-insensitively; checks the exact case here. */
  static int find(Scan s, int last, String prefix, int minBody) {
    int start = last - prefix.length() + 1;
    if (!Bytes.startsWith(s.b, start, s.hi, prefix) || Bytes.isWord(s.at(start - 1))) {
      return -1;
    }
    int p = last + 1;
    while (p - last <= 512 && (Bytes.isBase64Url(s.at(p)) || s.at(p) == '.')) {
      p++;
    }
    while (p > last + 1 && s.at(p - 1) == '.') {
      p--;
    }
    if (p - last - 1 < minBody) {
      return -1;
    }
    return s.add(start, p, DetectorType.API_TOKEN) ? p : -1;
  }
}
