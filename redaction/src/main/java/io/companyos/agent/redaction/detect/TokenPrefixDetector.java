package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.List;

/**
 * Vendor API tokens recognised by their prefix (exact case) and a minimum body length: GitHub, GitLab,
 * Slack, Stripe, HashiCorp Vault, npm, PyPI, Google, SendGrid, DigitalOcean, Shopify, OpenAI, Anthropic,
 * Grafana, Docker Hub, Atlassian, Hugging Face, Databricks, Pulumi, Postman, New Relic, Sentry, Linear,
 * Supabase, age, 1Password, Square, Alibaba, Artifactory, PlanetScale, Replicate, Figma, RubyGems, Telegram,
 * Google OAuth refresh tokens, Tailscale, Honeycomb, Buildkite, CircleCI, Netlify, Heroku, Dynatrace, Fly.io,
 * Elasticsearch service tokens, NATS seeds, Doppler, PAN-OS, Terraform Cloud, NuGet.
 */
final class TokenPrefixDetector {
  /** The body alphabet: base64url and {@code .} (the default). */
  static final int URL = 0;
  /** The body alphabet: also {@code + / =} (standard base64, padding inside the token). */
  static final int STD = 1;
  /** The body alphabet: letters and digits only (a prefix that could begin a word: {@code hf_hub_download}). */
  static final int ALNUM = 2;
  /** The body alphabet: hex digits only ({@code dapi-integration-service} is a name, not a Databricks token). */
  static final int HEX = 3;

  /**
   * Prefix and the least number of body characters after it.
   *
   * @param trigger the last part of {@code text} that the keyword filter looks for: the whole prefix, or a part
   *     of it whose first three letters are rarer in logs ({@code TT3} of {@code ATATT3}, not {@code ata} of
   *     {@code data}; {@code igd_} of {@code figd_}, not {@code fig} of {@code config})
   * @param alphabet {@link #URL}, {@link #STD}, {@link #ALNUM} or {@link #HEX}
   * @param marker text the body must contain, or empty
   * @param lead the number of letters and digits right before {@code text} that belong to the token (its start),
   *     after no word byte; 0: the token starts with {@code text}
   */
  record Prefix(String text, int minBody, String trigger, int alphabet, String marker, int lead) {
    Prefix(String text, int minBody) {
      this(text, minBody, text, URL, "", 0);
    }

    Prefix(String text, int minBody, int alphabet) {
      this(text, minBody, text, alphabet, "", 0);
    }

    Prefix(String text, int minBody, String trigger, int alphabet, String marker) {
      this(text, minBody, trigger, alphabet, marker, 0);
    }
  }

  static final List<Prefix> PREFIXES =
      List.of(
          new Prefix("ghp_", 30), new Prefix("gho_", 30), new Prefix("ghu_", 30), new Prefix("ghs_", 30),
          new Prefix("ghr_", 30), new Prefix("github_pat_", 22), new Prefix("glpat-", 20),
          new Prefix("glrt-", 20), new Prefix("gldt-", 20), new Prefix("glptt-", 20), new Prefix("xoxb-", 10),
          new Prefix("xoxp-", 10), new Prefix("xoxa-", 10), new Prefix("xoxr-", 10), new Prefix("xoxe-", 10),
          new Prefix("xapp-", 10), new Prefix("sk_live_", 16), new Prefix("rk_live_", 16),
          new Prefix("sk_test_", 16), new Prefix("whsec_", 16), new Prefix("hvs.", 20), new Prefix("hvb.", 20),
          new Prefix("npm_", 30), new Prefix("pypi-AgE", 40), new Prefix("AIza", 30), new Prefix("ya29.", 20),
          new Prefix("SG.", 60), new Prefix("dop_v1_", 40), new Prefix("shpat_", 30), new Prefix("shpss_", 30),
          new Prefix("sk-proj-", 20), new Prefix("sk-ant-", 20), new Prefix("glsa_", 20),
          // session 10: value-shaped tokens an admin could plant that the list above let through
          new Prefix("rk_test_", 16), new Prefix("xoxc-", 10), new Prefix("xoxs-", 10),
          new Prefix("GR1348941", 20), new Prefix("glcbt-", 20, "cbt-", URL, ""), new Prefix("glft-", 20),
          new Prefix("gloas-", 20, "oas-", URL, ""),
          new Prefix("glimt-", 20), new Prefix("glagent-", 20), new Prefix("glsoat-", 20),
          new Prefix("glffct-", 20), new Prefix("dckr_pat_", 20, "r_pat_", URL, ""), new Prefix("hvr.", 20),
          new Prefix("sk-svcacct-", 20), new Prefix("sk-admin-", 20),
          new Prefix("sk-", 40, "sk-", URL, "T3BlbkFJ"), // OpenAI keys before sk-proj-: base64 "OpenAI" inside
          new Prefix("ATATT3", 100, "TT3", STD, ""), new Prefix("glc_eyJ", 32, "eyJ", STD, ""), new Prefix("eyJrIjoi", 40, STD),
          new Prefix("GOCSPX-", 24), new Prefix("hf_", 30, ALNUM), new Prefix("dapi", 32, HEX), new Prefix("pul-", 40, HEX),
          new Prefix("PMAK-", 50, "AK-", URL, ""), new Prefix("NRAK-", 27, "AK-", ALNUM, ""), new Prefix("sntrys_", 40, "rys_", STD, ""),
          new Prefix("sntryu_", 60, "ryu_", HEX, ""), new Prefix("lin_api_", 40, "_api_", ALNUM, ""), new Prefix("sbp_", 40, "bp_", HEX, ""),
          new Prefix("AGE-SECRET-KEY-1", 50, "secret-key-1", URL, ""), new Prefix("ops_eyJ", 100, "eyJ", STD, ""),
          new Prefix("sq0atp-", 22), new Prefix("sq0csp-", 40), new Prefix("LTAI", 20, ALNUM), new Prefix("AKCp", 60, ALNUM),
          new Prefix("pscale_tkn_", 40, "tkn_", URL, ""), new Prefix("pscale_pw_", 40, "pw_", URL, ""), new Prefix("r8_", 30, ALNUM),
          new Prefix("figd_", 40, "igd_", URL, ""), new Prefix("rubygems_", 48, HEX),
          new Prefix("1//0", 40), // Google OAuth refresh tokens
          // SonarQube's user, project and global analysis tokens (sonar.login, sonar.token)
          new Prefix("squ_", 40, HEX), new Prefix("sqp_", 40, HEX), new Prefix("sqa_", 40, HEX),
          // (session 24's red team) Tailscale's auth, API and OAuth client keys; Honeycomb's ingest keys; Buildkite's,
          // CircleCI's, Netlify's, Heroku's (HRKU-) and Dynatrace's tokens; Fly.io's (FlyV1 fm2_…, the scheme word with
          // it); Elasticsearch's service-account tokens (base64 of "\0\1\0\1elastic/"); NATS' user, account and
          // operator seeds printed alone (nk -gen; base32, 58 characters)
          new Prefix("tskey-", 30), new Prefix("hcaik_", 40, ALNUM), new Prefix("hcxik_", 40, ALNUM),
          new Prefix("bkua_", 40, ALNUM), new Prefix("CCIPAT_", 40, "ipat_", URL, ""), new Prefix("nfp_", 36, ALNUM),
          new Prefix("HRKU-", 30), new Prefix("dt0c01.", 80), new Prefix("FlyV1 fm2_", 40, "fm2_", STD, ""),
          new Prefix("AAEAAWVsYXN0aWMv", 30, "WVsYXN0aWMv", STD, ""), new Prefix("SUA", 50, ALNUM),
          new Prefix("SAA", 50, ALNUM), new Prefix("SOA", 50, ALNUM),
          // Doppler's service, personal, CLI and service-account tokens
          new Prefix("dp.st.", 40), new Prefix("dp.pt.", 40), new Prefix("dp.ct.", 40), new Prefix("dp.sa.", 40),
          // PAN-OS' API keys (keygen's <key>, X-PAN-KEY, &key=) and its encrypted configuration values (-AQ==…)
          new Prefix("LUFRPT", 40, STD), new Prefix("-AQ==", 20, "aq==", STD, ""),
          // (session 25) Terraform Cloud's and Enterprise's API tokens, <14 letters and digits>.atlasv1.<60-70> (the
          // credentials.tfrc.json of terraform login, TF_TOKEN_app_terraform_io); NuGet.org's API keys (oy2 and 43
          // lower-case letters and digits: nuget push -k, NuGet.Config's apikeys)
          new Prefix(".atlasv1.", 60, "atlasv1.", URL, "", 14), new Prefix("oy2", 43, ALNUM),
          // Amazon ECR's registry password (aws ecr get-login-password: base64 of {"payload":"…","datakey":…}, 12
          // hours), Cloud Storage's HMAC access ids (GOOG1 and 56 capitals and digits; the secret is found by its key)
          new Prefix("eyJwYXlsb2FkIjoi", 200, "YXlsb2FkIjoi", STD, ""), new Prefix("GOOG1", 50, "OG1", ALNUM, ""),
          // New Relic's license keys (36 letters and digits, then NRAL) and Insights insert keys (NRII-)
          new Prefix("NRAL", 0, "NRAL", ALNUM, "", 36), new Prefix("NRII-", 30, "RII-", URL, ""),
          // (session 27) Synapse's (Matrix) access and refresh tokens: syt_<base64 of the user>_<20 random>_<crc>
          new Prefix("syt_", 30), new Prefix("syr_", 30),
          // (session 27's red team of SaaS and AI applications) Pinecone, Groq, LangSmith, OpenRouter, Perplexity,
          // xAI, Langfuse (its secret key), Notion, Bitbucket Data Center, HubSpot private apps, Helicone
          new Prefix("pcsk_", 40), new Prefix("gsk_", 40, ALNUM), new Prefix("lsv2_pt_", 32), new Prefix("lsv2_sk_", 32),
          new Prefix("sk-or-v1-", 40, HEX), new Prefix("pplx-", 40, ALNUM), new Prefix("xai-", 40, ALNUM),
          new Prefix("sk-lf-", 30), new Prefix("ntn_", 40, ALNUM), new Prefix("BBDC-", 30, "bdc-", URL, ""),
          new Prefix("pat-na1-", 30), new Prefix("pat-eu1-", 30), new Prefix("sk-helicone-", 20),
          // (session 28's red team of mobile and commerce backends) WooCommerce's REST API keys, Expo's push tokens
          new Prefix("ck_", 40, HEX), new Prefix("cs_", 40, HEX), new Prefix("ExponentPushToken[", 16),
          new Prefix("ExpoPushToken[", 16));

  private TokenPrefixDetector() {}

  /** At the last byte of {@code PREFIXES.get(index)}'s trigger, found case-insensitively; checks the exact case here. */
  static int find(Scan s, int last, int index) {
    Prefix prefix = PREFIXES.get(index);
    String text = prefix.text();
    int start = last - text.length() + 1;
    if (!Bytes.startsWith(s.b, start, s.hi, text)) {
      return -1;
    }
    if (prefix.lead() > 0) {
      int lead = start;
      while (start - lead <= prefix.lead() && Bytes.isAlnum(s.at(lead - 1))) {
        lead--;
      }
      if (start - lead != prefix.lead()) {
        return -1;
      }
      start = lead;
    }
    if (Bytes.isWord(s.at(start - 1)) && !(s.at(start - 3) == '%' && Bytes.isHex(s.at(start - 2)))) {
      return -1; // (after a URL's percent escape, a link inside a link: …%26apiKey%3DAIza…, the escape ends a word)
    }
    int alphabet = prefix.alphabet();
    int p = last + 1;
    while (p - last <= 512 && inBody(s.at(p), alphabet)) {
      p++;
    }
    while (p > last + 1 && s.at(p - 1) == '.') {
      p--;
    }
    if (p - last - 1 < prefix.minBody()) {
      return -1;
    }
    if (!prefix.marker().isEmpty() && Bytes.indexOf(s.b, last + 1, p, prefix.marker()) < 0) {
      return -1;
    }
    if (looksLikeHostName(s, last + 1, p)) {
      return -1; // hvb.plant-east.example.com: a host whose first label is a prefix's letters (found by jqwik)
    }
    return s.add(start, p, DetectorType.API_TOKEN) ? p : -1;
  }

  /**
   * At the data center's first digit of a Mailchimp API key, {@code <32 hex>-us21}: the whole key, when 32 lower-case
   * hex digits start a word right before the {@code -us} and the data center's digits end one.
   */
  static int mailchimp(Scan s, int last) {
    int dash = last - 3;
    int start = dash - 32;
    if (start < s.lo || Bytes.hexRun(s.b, start, dash, 33) != 32 || Bytes.isWord(s.at(start - 1))) {
      return -1;
    }
    int end = last + 1;
    while (end - last < 3 && Bytes.isDigit(s.at(end))) {
      end++;
    }
    if (Bytes.isWord(s.at(end))) {
      return -1;
    }
    return s.add(start, end, DetectorType.API_TOKEN) ? end : -1;
  }

  /** Lower-case labels of letters, digits and dashes, dot-separated, the last all letters: a host name, no token. */
  private static boolean looksLikeHostName(Scan s, int from, int to) {
    int lastDot = -1;
    for (int p = from; p < to; p++) {
      int c = s.b[p];
      if (c == '.') {
        lastDot = p;
      } else if (!(Bytes.isLower(c) || Bytes.isDigit(c) || c == '-')) {
        return false;
      }
    }
    if (lastDot < 0 || to - lastDot < 3) {
      return false;
    }
    for (int p = lastDot + 1; p < to; p++) {
      if (!Bytes.isLower(s.b[p])) {
        return false;
      }
    }
    return true;
  }

  private static boolean inBody(int c, int alphabet) {
    switch (alphabet) {
      case ALNUM:
        return Bytes.isAlnum(c);
      case HEX:
        return Bytes.isHex(c);
      case STD:
        return Bytes.isBase64Url(c) || c == '.' || c == '+' || c == '/' || c == '=';
      default:
        return Bytes.isBase64Url(c) || c == '.';
    }
  }

  /**
   * At the last byte of {@code :aa}: a Telegram bot token, {@code <bot id>:AA<33 base64url>}, the id 8 to 10 digits
   * after no word byte or after {@code /bot} ({@code api.telegram.org/bot<token>/sendMessage}). The whole token
   * is replaced.
   */
  /**
   * At the {@code b} of {@code :APA91b}: Firebase Cloud Messaging's legacy server keys ({@code AAAAZq9mLp2:APA91b…},
   * 152 characters: the project's key, a sender's credential) and its device registration tokens
   * ({@code dXq9ZmLp2Vb7:APA91b…}), which identify one person's phone: an id of 8 or more characters before the colon,
   * 60 or more after the prefix, base64url; a token.
   */
  static int fcm(Scan s, int last) {
    int colon = last - 6;
    if (!Bytes.startsWith(s.b, colon, s.hi, ":APA91b")) {
      return -1;
    }
    int start = colon;
    while (start > s.lo && colon - start < 64 && (Bytes.isAlnum(s.b[start - 1]) || s.b[start - 1] == '_'
        || s.b[start - 1] == '-')) {
      start--;
    }
    int end = last + 1;
    while (end < s.hi && end - last < 512 && (Bytes.isAlnum(s.b[end]) || s.b[end] == '_' || s.b[end] == '-')) {
      end++;
    }
    if (colon - start < 8 || end - last < 60 || s.at(start) == '<') {
      return -1;
    }
    return s.add(start, end, DetectorType.API_TOKEN) ? end : -1;
  }

  static int telegram(Scan s, int last) {
    int colon = last - 2;
    if (s.at(last - 1) != 'A' || s.at(last) != 'A') {
      return -1;
    }
    int d = colon;
    while (d > colon - 11 && Bytes.isDigit(s.at(d - 1))) {
      d--;
    }
    int digits = colon - d;
    boolean afterBot = s.at(d - 1) == 't' && s.at(d - 2) == 'o' && s.at(d - 3) == 'b' && s.at(d - 4) == '/';
    if (digits < 8 || digits > 10 || (Bytes.isWord(s.at(d - 1)) && !afterBot)) {
      return -1;
    }
    int p = last + 1;
    while (p - last <= 40 && Bytes.isBase64Url(s.at(p))) {
      p++;
    }
    if (p - last - 1 < 30 || p - last - 1 > 40) {
      return -1;
    }
    return s.add(d, p, DetectorType.API_TOKEN) ? p : -1;
  }
}
