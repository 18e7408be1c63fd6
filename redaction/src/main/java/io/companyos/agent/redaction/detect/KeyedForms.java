package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The rarer shapes of a value found by its key, handed over by {@link KeyValueDetector} (YAML's next-line values
 * are in {@link YamlValues}): {@code .netrc} ({@code machine h login u password p}), XML key/value attribute pairs ({@code <add key="Password" value="…"/>}, {@code <entry key="password">…}),
 * Terraform variables ({@code variable "db_password" { default = "…" }}) and {@code user:password} after a
 * {@code --user} flag.
 */
final class KeyedForms {
  private KeyedForms() {}

  /** {@link #argumentOrSubscript}'s answer when the key is in neither form. */
  static final int NOT_THIS_FORM = -2;

  /**
   * At the {@code >} of {@code </name>}: the key in {@code <name>KEY</name>} on its line and, after blanks and line
   * ends, the next element {@code <value>x</value>} (Hadoop's {@code <property>}s: {@code fs.s3a.secret.key},
   * {@code javax.jdo.option.ConnectionPassword}, {@code …ConnectionUserName}): x typed by the key, as
   * {@code KEY=x} would be; -1 when no key word names the key.
   */
  static int xmlNameValue(Scan s, int last) {
    int close = last - 6; // the < of </name>
    int open = close;
    while (open > s.lo && close - open < 512 && s.b[open - 1] != '>' && s.b[open - 1] != '\n') {
      open--;
    }
    if (open - 6 < s.lo || !Bytes.startsWith(s.b, open - 6, open, "<name>") || open == close) {
      return -1;
    }
    String key = new String(s.b, open, close - open, java.nio.charset.StandardCharsets.UTF_8).strip();
    DetectorType type = KeyNames.classify(key);
    if (type == null && key.toLowerCase(java.util.Locale.ROOT).startsWith("fs.azure.account.key.")) {
      type = DetectorType.SECRET; // an Azure storage account's key, named by the account's host after it
    }
    if (type == null) {
      return -1;
    }
    int v = last + 1;
    while (v < s.hi && v - last < 512 && Bytes.isSpace(s.b[v])) {
      v++;
    }
    if (!Bytes.startsWith(s.b, v, s.hi, "<value>")) {
      return -1;
    }
    int start = v + 7;
    int end = Bytes.indexOf(s.b, start, Math.min(s.hi, start + KeyValueDetector.MAX_VALUE), "</value>");
    if (end <= start || Bytes.indexOf(s.b, start, end, "\n") >= 0) {
      return -1;
    }
    String value = new String(s.b, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    return KeyNames.isRedactableValue(type, key, value) && s.add(start, end, type) ? end : -1;
  }

  /**
   * At the last dot of {@code fs.azure.account.key.} in a Spark or Hadoop configuration outside XML (spark-submit's
   * {@code --conf spark.hadoop.fs.azure.account.key.ACCOUNT.dfs.core.windows.net=KEY}, {@code spark-defaults.conf}'s
   * blank-separated form, a Databricks cluster's {@code "spark_conf": {"…account.key.ACCOUNT…": "KEY"}}): the key,
   * named by the account's host after the key word (so no key word ends the key). Its value is base64 of 64 bytes.
   */
  static int azureAccountKey(Scan s, int last) {
    int p = last + 1;
    while (p < s.hi && p - last < 256 && (Bytes.isAlnum(s.b[p]) || s.b[p] == '.' || s.b[p] == '-')) {
      p++;
    }
    if (p == last + 1) {
      return -1;
    }
    if (s.at(p) == '"' && s.at(p + 1) == ':') {
      p = KeyValueDetector.skipSpaces(s, p + 2);
      if (s.at(p) != '"') {
        return -1;
      }
      p++;
    } else if (s.at(p) == '=') {
      p++;
    } else if (s.at(p) == ' ' || s.at(p) == '\t') {
      p = skipBlanks(s, p);
    } else {
      return -1; // (the XML form, <name>…</name>, is xmlNameValue's)
    }
    int end = p;
    while (end < s.hi && end - p < 128 && (Bytes.isAlnum(s.b[end]) || s.b[end] == '+' || s.b[end] == '/'
        || s.b[end] == '=')) {
      end++;
    }
    return end - p >= 40 && s.add(p, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * Whether the line of {@code ks} is a device's configuration command: FortiOS's, Junos', VyOS' and PAN-OS' {@code set
   * …} (indented or not), F5's {@code tmsh …}: a secret key word in it takes the next word.
   */
  private static boolean deviceCommandLine(Scan s, int ks) {
    int ls = CommandLineDetector.lineStartWithin(s, ks, 1024);
    while (ls < ks && isBlank(s.b[ls])) {
      ls++;
    }
    return Bytes.startsWith(s.b, ls, ks, "set ") || Bytes.startsWith(s.b, ls, ks, "tmsh ");
  }

  /**
   * The value after a secret key word on a {@link #deviceCommandLine}, past a format word ({@code ENC},
   * {@code ascii-text}, PAN-OS' {@code key}).
   */
  private static int deviceCommandValue(Scan s, Trigger t, int sp) {
    sp = afterDeviceFormatWord(s, sp);
    int q = s.at(sp);
    boolean quoted = q == '"' || q == '\'';
    int end = quoted ? KeyValueDetector.closingQuote(s, sp + 1, q) : wordEnd(s, sp);
    return end < 0 ? -1 : quoted ? KeyValueDetector.accept(s, t, sp + 1, end) : KeyValueDetector.accept(s, t, sp, end);
  }

  /** Past a device's format word at {@code p} and the blanks after it ({@code ENC x}, Junos' {@code ascii-text "x"}). */
  static int afterDeviceFormatWord(Scan s, int p) {
    for (String format : DEVICE_FORMAT_WORDS) {
      if (Bytes.startsWith(s.b, p, s.hi, format) && s.at(p + format.length()) == ' ') {
        return KeyValueDetector.skipSpaces(s, p + format.length());
      }
    }
    return p;
  }

  private static final String[] DEVICE_FORMAT_WORDS =
      {"ENC", "ascii-text", "hexadecimal", "plaintext", "ciphertext", "key"};

  private static boolean isPlanMarker(int c) {
    return c == '+' || c == '~' || c == '-';
  }

  /** A Python string literal's prefix: {@code u} (Python 2's text), {@code b} (bytes). */
  private static boolean isStringPrefix(int c) {
    return c == 'u' || c == 'U' || c == 'b' || c == 'B';
  }

  /**
   * A quoted key (its opening quote at {@code open}, its closing quote before {@code p}) as the first argument of a
   * call or the first item of a pair, the value the quoted second ({@code define( 'DB_PASSWORD', 'x' )},
   * {@code System.setProperty("javax.net.ssl.keyStorePassword", "x")}, {@code SetEnvironmentVariable("K", "x", …)};
   * Rails' bind pairs {@code [["password", "x"]]}, a Python tuple {@code ('email', 'x')}), or as a subscript assigned
   * to ({@code gitlab_rails['smtp_password'] = "x"}, {@code os.environ["DB_PASSWORD"] = "x"},
   * {@code $config['db_password'] = 'x';}). {@link #NOT_THIS_FORM} otherwise.
   */
  static int argumentOrSubscript(Scan s, Trigger t, int open, int p) {
    int b = open - 1;
    if (b > s.lo && isStringPrefix(s.b[b]) && !Bytes.isWord(s.b[b - 1])) {
      b--; // Python's u'password' (2) and b'password'
    }
    while (b >= s.lo && b > open - 16 && s.b[b] == ' ') {
      b--;
    }
    int opener = b >= s.lo ? s.b[b] : '\n';
    if (opener != '(' && opener != '[' && opener != '\n') {
      return NOT_THIS_FORM; // (a line's start: Envoy's header dump, 'x-api-key', 'x', one pair per line)
    }
    boolean pretty = false;
    if (opener == '\n' || opener == '\r') {
      int k = skipWhiteBack(s, b);
      if (k >= s.lo && s.b[k] == '[') {
        opener = '['; // a pair pretty-printed one item a line, Sentry's [\n "token",\n "x"\n] (its query_string)
        pretty = true;
      }
    }
    if (opener == '[' && s.at(p) == ']') {
      int e = KeyValueDetector.skipSpaces(s, p + 1);
      if (s.at(e) != '=' || s.at(e + 1) == '=' || s.at(e + 1) == '>') {
        return NOT_THIS_FORM; // (a comparison, or Ruby's hash rocket: the key-value rules')
      }
      int v = KeyValueDetector.skipSpaces(s, e + 1);
      int q = s.at(v);
      if (q == '"' || q == '\'') {
        int end = KeyValueDetector.closingQuote(s, v + 1, q);
        return end < 0 ? -1 : KeyValueDetector.accept(s, t, v + 1, end);
      }
      int end = v;
      while (end < s.hi && end - v < 1024 && (s.b[end] & 0xFF) > ' ' && s.b[end] != ';') {
        end++;
      }
      return KeyValueDetector.accept(s, t, v, end);
    }
    int c = KeyValueDetector.skipSpaces(s, p);
    if (s.at(c) != ',') {
      return NOT_THIS_FORM;
    }
    int v = pretty ? skipWhite(s, c + 1) : KeyValueDetector.skipSpaces(s, c + 1);
    if (isStringPrefix(s.at(v)) && (s.at(v + 1) == '\'' || s.at(v + 1) == '"')) {
      v++; // (u'password', u'x')
    }
    int q = s.at(v);
    if (q != '"' && q != '\'') {
      return NOT_THIS_FORM;
    }
    int end = KeyValueDetector.closingQuote(s, v + 1, q);
    int after = pretty && end >= 0 ? s.at(skipWhite(s, end + 1)) : s.at(end + 1);
    boolean tuple = opener == '(' && !(b > s.lo && (Bytes.isWord(s.b[b - 1]) || s.b[b - 1] == '.')); // not a call's (
    if (end < 0 || (opener == '[' && after != ']') || (tuple && (after != ')'
        || Bytes.startsWithIgnoreCase(s.b, KeyValueDetector.skipSpaces(s, end + 2), s.hi, "values")))
        || (opener == '\n' && !(after == '\n' || after == '\r' || (end + 1 == s.hi && s.eof)))) {
      // (a list of key names, ["password", "email", …], is no pair; nor an SQL column list, ("username",
      // "password", "email") VALUES …)
      return NOT_THIS_FORM;
    }
    return KeyValueDetector.accept(s, t, v + 1, end);
  }

  /** The end of the line's rest from {@code start}, at most {@code max} bytes, its trailing blanks left out. */
  static int restOfLine(Scan s, int start, int max) {
    int end = start;
    while (end < s.hi && end - start < max && s.b[end] != '\n' && s.b[end] != '\r') {
      end++;
    }
    while (end > start && s.b[end - 1] == ' ') {
      end--;
    }
    return end;
  }

  /** The end of a value that runs to the next blank or control byte. */
  static int wordEnd(Scan s, int from) {
    int p = from;
    int limit = Math.min(s.hi, from + 1024);
    while (p < limit && (s.b[p] & 0xFF) > ' ') {
      p++;
    }
    return p;
  }

  /**
   * A secret key and its value separated by blanks only, at {@code sp}: in a {@code .netrc} entry (see
   * {@link #netrc}), the new password of {@code mysqladmin … password NEW}, or a key of a blank-separated
   * configuration file at the start of its line or after {@code CONFIG SET} ({@code requirepass}/{@code masterauth}
   * of redis.conf, {@code bindpw}/{@code rootpw} of slapd.conf and nslcd.conf). The value is one word, or quoted.
   */
  static int blankSeparated(Scan s, Trigger t, int ks, int wordStart, int wordEnd, int sp) {
    if (Bytes.startsWithIgnoreCase(s.b, sp, s.hi, "from ") && (s.at(sp + 5) == '\'' || s.at(sp + 5) == '"')) {
      // Cypher's ALTER CURRENT USER SET PASSWORD FROM 'old' TO 'new'; not strongSwan's "loading secrets from
      // '/etc/ipsec.secrets'"
      return Bytes.startsWithIgnoreCase(s.b, ks - 4, ks, "set ") ? fromTo(s, t, sp + 5) : -1;
    }
    if (Bytes.startsWith(s.b, ks - 4, s.hi, "ENV ") && !Bytes.isWord(s.at(ks - 5))) {
      // a Dockerfile's legacy ENV KEY value (in build logs and docker history): the value's first word
      int q = s.at(sp);
      int end = q == '"' || q == '\'' ? KeyValueDetector.closingQuote(s, sp + 1, q) : wordEnd(s, sp);
      return end < 0 ? -1 : q == '"' || q == '\'' ? KeyValueDetector.accept(s, t, sp + 1, end)
          : KeyValueDetector.accept(s, t, sp, end);
    }
    if (headerDirective(s, ks)) {
      return headerValue(s, t, sp);
    }
    if (!netrc(s, ks, wordStart, wordEnd)) {
      if (ks == wordStart && wordEnd - ks == 8 && s.at(ks - 1) == ' ' && Bytes.startsWith(s.b, ks, s.hi, "password")
          && CommandLineDetector.lineMentions(s, ks, "mysqladmin ")) {
        return KeyValueDetector.accept(s, t, sp, wordEnd(s, sp)); // mysqladmin -u root password NEW (unquoted)
      }
      if (wordEnd - ks == 20 && Bytes.startsWith(s.b, ks, s.hi, "set-initial-password") && s.at(ks - 1) == ' ') {
        return KeyValueDetector.accept(s, t, sp, wordEnd(s, sp)); // neo4j-admin dbms set-initial-password NEW
      }
      if (ks == wordStart && wordEnd - ks == 8 && s.at(ks - 1) == ' ' && Bytes.startsWith(s.b, ks, s.hi, "password")
          && CommandLineDetector.lineMentions(s, ks, "nmcli ")) {
        return KeyValueDetector.accept(s, t, sp, wordEnd(s, sp)); // nmcli dev wifi connect SSID password PW
      }
      if (t.type() == DetectorType.SECRET && (deviceCommandLine(s, ks)
          || (s.at(sp) == '$' && s.at(sp + 1) == 'M' && s.at(sp + 2) == '$')
          || Bytes.startsWith(s.b, sp, s.hi, "plaintext ") || Bytes.startsWith(s.b, sp, s.hi, "ciphertext "))) {
        // (F5's "passphrase $M$…" anywhere: its encrypted format; Aruba's "password plaintext x" anywhere)
        return deviceCommandValue(s, t, sp);
      }
      boolean lineStart = startsLine(s, ks);
      boolean configKey = isConfigKey(s, ks, wordEnd);
      // a key of a blank-separated configuration: redis.conf's and slapd.conf's own keys at a line's start or after
      // CONFIG SET; any secret key at a line's start when indented (Fluentd's "  password x", Fluent Bit's
      // "    HTTP_Passwd   x") or compound (OIDCClientSecret x, rdkafka.sasl.password x); Apache's and Windows'
      // SetEnv/setx KEY value. The value must end the line: "password expired" alone is prose
      if (!(configKey && (lineStart || afterConfigSet(s, ks)))
          && !(lineStart && (s.at(ks - 1) == ' ' || s.at(ks - 1) == '\t' || compoundKey(s, ks, wordEnd))
              && !Bytes.startsWithIgnoreCase(s.b, wordEnd - 5, wordEnd, "_pass")) // nginx's proxy_pass, fastcgi_pass …
          && !afterWord(s, ks, "setenv ") && !afterWord(s, ks, "setx ")) {
        return -1;
      }
      return lastWord(s, t, sp);
    }
    int end = wordEnd(s, sp);
    int r = KeyValueDetector.accept(s, t, sp, end);
    return r < 0 ? r : Math.max(r, loginAfter(s, end));
  }

  /**
   * Whether the secret header name at {@code ks} follows a directive at its line's start that sets a header to the next
   * word: Fluent Bit's {@code Header X-API-Key value}, nginx's {@code proxy_set_header X-Api-Key value;} and
   * {@code add_header}.
   */
  private static boolean headerDirective(Scan s, int ks) {
    int p = ks - 1;
    while (p > s.lo && isBlank(s.b[p])) {
      p--;
    }
    if (p == ks - 1 || p - 5 < s.lo || !Bytes.startsWithIgnoreCase(s.b, p - 5, p + 1, "header")) {
      return false;
    }
    int w = p - 5;
    while (w > s.lo && ks - w < 64 && (Bytes.isAlpha(s.b[w - 1]) || s.b[w - 1] == '_')) {
      w--;
    }
    return startsLine(s, w); // a directive starts its line: "the header X-Api-Key is missing" is prose
  }

  /** The header's value at {@code sp}: quoted, or the word up to nginx's {@code ;}. */
  private static int headerValue(Scan s, Trigger t, int sp) {
    int q = s.at(sp);
    if (q == '"' || q == '\'') {
      int end = KeyValueDetector.closingQuote(s, sp + 1, q);
      return end < 0 ? -1 : KeyValueDetector.accept(s, t, sp + 1, end);
    }
    int end = wordEnd(s, sp);
    if (end > sp + 1 && s.b[end - 1] == ';') {
      end--;
    }
    return KeyValueDetector.accept(s, t, sp, end);
  }

  /**
   * The value at {@code sp} when it is the line's last word (quoted or not): "requirepass is not set" is prose.
   */
  private static int lastWord(Scan s, Trigger t, int sp) {
    int q = s.at(sp);
    boolean quoted = q == '"' || q == '\'';
    int end = quoted ? KeyValueDetector.closingQuote(s, sp + 1, q) : wordEnd(s, sp);
    if (end < 0 || !endsLine(s, quoted ? end + 1 : end)) {
      return -1;
    }
    return quoted ? KeyValueDetector.accept(s, t, sp + 1, end) : KeyValueDetector.accept(s, t, sp, end);
  }

  /**
   * A user key of a blank-separated configuration, indented at its line's start, and its value, the line's one
   * other word: Fluentd's {@code   user fluentd_writer} and Fluent Bit's {@code     HTTP_User  fbuser} (their
   * password keys are {@link #blankSeparated}'s). Prose of one line ({@code   user jdoe not found}) stays.
   */
  static int indentedUser(Scan s, Trigger t, int ks, int wordEnd, int sp) {
    int b = s.at(ks - 1);
    boolean userKey = Bytes.startsWithIgnoreCase(s.b, wordEnd - 4, wordEnd, "user")
        || Bytes.startsWithIgnoreCase(s.b, wordEnd - 8, wordEnd, "username");
    // (not login, mail's and .netrc's key word: "  login failed" is prose)
    return userKey && wordEnd - ks <= 32 && (b == ' ' || b == '\t') && startsLine(s, ks) ? lastWord(s, t, sp) : -1;
  }

  /**
   * The quoted values of {@code FROM 'old' TO 'new'} from the quote at {@code open} (Neo4j's Cypher, after
   * {@code SET PASSWORD}): both are secrets.
   */
  private static int fromTo(Scan s, Trigger t, int open) {
    int q = s.at(open);
    int end = KeyValueDetector.closingQuote(s, open + 1, q);
    if (end < 0) {
      return -1;
    }
    int r = KeyValueDetector.accept(s, t, open + 1, end);
    int to = end + 1;
    int q2 = s.at(to + 4);
    if (Bytes.startsWithIgnoreCase(s.b, to, s.hi, " to ") && (q2 == '\'' || q2 == '"')) {
      int end2 = KeyValueDetector.closingQuote(s, to + 5, q2);
      if (end2 > 0) {
        r = Math.max(r, KeyValueDetector.accept(s, t, to + 5, end2));
      }
    }
    return r;
  }

  /**
   * After a {@code .netrc} password ending at {@code from}: a {@code login} later on its line ({@code machine h
   * password x login u}) or, when the password ends its line, on the next line if that starts with {@code login}
   * (not a next entry's {@code machine h login u}). Returns the end of the user name recorded, or -1.
   */
  private static int loginAfter(Scan s, int from) {
    int e = lineEnd(s, from);
    int r = loginOnLine(s, from, e);
    if (r >= 0 || skipBlanks(s, from) < e || e >= s.hi) {
      return r;
    }
    int next = s.at(e) == '\r' && s.at(e + 1) == '\n' ? e + 2 : e + 1;
    return word(s, skipBlanks(s, next), "login") ? loginOnLine(s, next, lineEnd(s, next)) : -1;
  }

  private static int lineEnd(Scan s, int p) {
    int limit = Math.min(s.hi, p + 512);
    while (p < limit && s.b[p] != '\n' && s.b[p] != '\r') {
      p++;
    }
    return p;
  }

  private static boolean endsLine(Scan s, int p) {
    int after = skipBlanks(s, p);
    return after >= s.hi || s.b[after] == '\n' || s.b[after] == '\r';
  }

  /** Whether the key {@code [ks, end)} has parts: a {@code _ . -} in it, or a capital after a small letter. */
  private static boolean compoundKey(Scan s, int ks, int end) {
    for (int k = ks + 1; k < end; k++) {
      int c = s.b[k];
      if (c == '_' || c == '.' || c == '-' || (Bytes.isUpper(c) && Bytes.isLower(s.b[k - 1]))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code word} (lower case, with its trailing blank) ends right before {@code ks}, after a non-word byte. */
  private static boolean afterWord(Scan s, int ks, String word) {
    int w = ks - word.length();
    return Bytes.startsWithIgnoreCase(s.b, w, s.hi, word) && !Bytes.isWord(s.at(w - 1));
  }

  private static boolean isConfigKey(Scan s, int ks, int wordEnd) {
    int n = wordEnd - ks;
    return n == 11 && Bytes.startsWithIgnoreCase(s.b, ks, s.hi, "requirepass")
        || n == 10 && Bytes.startsWithIgnoreCase(s.b, ks, s.hi, "masterauth")
        || n == 6 && (Bytes.startsWith(s.b, ks, s.hi, "bindpw") || Bytes.startsWith(s.b, ks, s.hi, "rootpw"))
        || n == 9 && Bytes.startsWith(s.b, ks, s.hi, "auth_pass") // keepalived.conf's VRRP authentication
        || n == 20 && Bytes.startsWithIgnoreCase(s.b, ks, s.hi, "authldapbindpassword"); // Apache httpd's mod_authnz_ldap
  }

  /**
   * Whether the key at {@code ks} and the value at {@code vs} form a row of a two-column table: the key starts its
   * line (no indentation), blanks separate it from the value, and the value is the line's one other word. Vault's
   * CLI prints secrets so ({@code vault kv get}, {@code vault read database/creds/…}: {@code password    A1a-…},
   * {@code username    v-token-…}, {@code secret_key    wJal…}); at least two blanks, so that prose of one blank
   * ({@code password expired}) stays.
   */
  static boolean tableRow(Scan s, int ks, int vs) {
    if (ks > s.lo && s.b[ks - 1] != '\n') {
      return false;
    }
    return endsLine(s, wordEnd(s, vs));
  }

  /** The value of a {@link #tableRow}, the word at {@code vs}. */
  static int tableValue(Scan s, Trigger t, int vs) {
    int end = wordEnd(s, vs);
    for (int k = vs; k < end; k++) {
      if (s.b[k] == '=' || (s.b[k] == '<' && s.tokenEnd(k) > k)) {
        return -1; // a key=value pair, or one holding a token of ours (user  name="<name:…>"), is no table's value
      }
    }
    return KeyValueDetector.accept(s, t, vs, end);
  }

  static boolean startsLine(Scan s, int ks) {
    int p = ks - 1;
    while (p >= s.lo && isBlank(s.b[p])) {
      p--;
    }
    return p < s.lo || s.b[p] == '\n';
  }

  private static boolean afterConfigSet(Scan s, int ks) {
    return ks - 11 >= s.lo && Bytes.startsWithIgnoreCase(s.b, ks - 11, ks, "config set ");
  }

  /**
   * Whether the bare key {@code password} at {@code ks} is a {@code .netrc} one, followed by a blank and its
   * value: on a line that starts with {@code machine} or {@code default}, or alone on its line after a line that
   * starts with {@code machine}, {@code default}, {@code login} or {@code account}. A {@code login} value right
   * before it, or on that line before, is recorded as a user name.
   */
  private static boolean netrc(Scan s, int ks, int wordStart, int wordEnd) {
    if (ks != wordStart || wordEnd - ks != 8 || !Bytes.startsWith(s.b, ks, s.hi, "password")) {
      return false;
    }
    int before = s.at(ks - 1);
    if (before != ' ' && before != '\t' && before != '\n' && ks > s.lo) {
      return false;
    }
    int ls = ks;
    while (ls > s.lo && ks - ls < 512 && s.b[ls - 1] != '\n') {
      ls--;
    }
    int first = skipBlanks(s, ls);
    if (first < ks) {
      if (!netrcWord(s, first, false)) {
        return false;
      }
      // "login X password": X is the user name
      int ve = ks - 1;
      while (ve > first && isBlank(s.b[ve - 1])) {
        ve--;
      }
      int vb = ve;
      while (vb > first && (s.b[vb - 1] & 0xFF) > ' ') {
        vb--;
      }
      int le = vb;
      while (le > first && isBlank(s.b[le - 1])) {
        le--;
      }
      if (le - 5 >= first && Bytes.startsWith(s.b, le - 5, s.hi, "login") && (le - 5 == first || isBlank(s.b[le - 6]))
          && vb < ve && !KeyValueDetector.isPlaceholder(s, vb, ve)) {
        s.add(vb, ve, DetectorType.USERNAME);
      }
      return true;
    }
    // alone on its line: the value is the line's last word, and the line before belongs to a netrc entry
    if (!endsLine(s, wordEnd(s, skipBlanks(s, wordEnd)))) {
      return false;
    }
    if (ls <= s.lo) {
      return false;
    }
    int pl = ls - 1;
    while (pl > s.lo && ls - pl < 512 && s.b[pl - 1] != '\n') {
      pl--;
    }
    if (!netrcWord(s, skipBlanks(s, pl), true)) {
      return false;
    }
    loginOnLine(s, pl, ls - 1);
    return true;
  }

  /**
   * In the line {@code [from, to)} of an entry ({@code login u}, {@code machine h login u}): u is a user; returns the
   * end of u, or -1.
   */
  private static int loginOnLine(Scan s, int from, int to) {
    for (int p = skipBlanks(s, from); p < to; p = skipBlanks(s, wordEnd(s, p))) {
      if (to - p > 6 && word(s, p, "login")) {
        int vb = skipBlanks(s, p + 5);
        int ve = Math.min(wordEnd(s, vb), to);
        return vb < ve && !KeyValueDetector.isPlaceholder(s, vb, ve) && s.add(vb, ve, DetectorType.USERNAME) ? ve : -1;
      }
    }
    return -1;
  }

  private static boolean netrcWord(Scan s, int p, boolean loginToo) {
    return word(s, p, "machine") || word(s, p, "default") || (loginToo && (word(s, p, "login")
        || word(s, p, "account")));
  }

  private static boolean word(Scan s, int p, String w) {
    return Bytes.startsWith(s.b, p, s.hi, w) && isBlank(s.at(p + w.length()));
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  static int skipBlanks(Scan s, int p) {
    while (p < s.hi && isBlank(s.b[p])) {
      p++;
    }
    return p;
  }

  /**
   * After a quoted secret key that is neither followed by {@code :} nor {@code =}, at {@code sp}: an XML attribute
   * pair ({@code key="Password" value="…"}, {@code name="password" value="…"}), the element text after such an
   * attribute ({@code <entry key="db.password">…</entry>}), or a Terraform {@code variable "…" { default = … }}.
   *
   * @param p the byte after the key's closing quote
   */
  static int afterQuotedKey(Scan s, Trigger t, int ks, int p, int sp) {
    if (s.at(ks - 1) == ':') {
      int q = ks - 2; // a namespace before the key, <add key="ida:ClientSecret" …> (Microsoft's OWIN samples)
      while (q > s.lo && ks - q < 32 && Bytes.isWord(s.b[q])) {
        q--;
      }
      if (q < ks - 2 && (s.b[q] == '"' || s.b[q] == '\'')) {
        ks = q + 1;
      }
    }
    int oq = s.at(ks - 1);
    if ((oq != '"' && oq != '\'') || s.at(p - 1) != oq) {
      return -1;
    }
    int c = s.at(sp);
    if (c == '{') {
      int v = ks - 2;
      while (v > s.lo && isBlank(s.b[v])) {
        v--;
      }
      return v < ks - 2 && v - 7 >= s.lo && Bytes.startsWith(s.b, v - 7, s.hi, "variable")
          && !Bytes.isWord(s.at(v - 8)) ? terraformDefault(s, t, sp + 1) : -1;
    }
    if (s.at(ks - 2) != '=' || !(attribute(s, ks - 2, "key") || attribute(s, ks - 2, "name"))) {
      return -1;
    }
    if (c == '>') {
      int start = sp + 1;
      int end = Bytes.indexOf(s.b, start, Math.min(s.hi, start + KeyValueDetector.MAX_VALUE), "<");
      return end < 0 ? -1 : KeyValueDetector.accept(s, t, start, end);
    }
    if (sp > p && Bytes.startsWithIgnoreCase(s.b, sp, s.hi, "value") && s.at(sp + 5) == '='
        && (s.at(sp + 6) == '"' || s.at(sp + 6) == '\'')) {
      int start = sp + 7;
      int end = KeyValueDetector.closingQuote(s, start, s.at(sp + 6));
      return end < 0 ? -1 : KeyValueDetector.accept(s, t, start, end);
    }
    return -1;
  }

  /** Whether the attribute name {@code name} (any case) ends just before {@code eq}, after a blank. */
  private static boolean attribute(Scan s, int eq, String name) {
    int st = eq - name.length();
    return st > s.lo && Bytes.startsWithIgnoreCase(s.b, st, eq, name) && isBlankOrNewline(s.b[st - 1]);
  }

  private static boolean isBlankOrNewline(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** In the block of a Terraform variable, from {@code from}: the value of {@code default =}, up to its {@code }}. */
  private static int terraformDefault(Scan s, Trigger t, int from) {
    int limit = Math.min(s.hi, from + 2048);
    for (int p = from; p < limit; p++) {
      int c = s.b[p];
      if (c == '}') {
        return -1;
      }
      if (c == 'd' && Bytes.startsWith(s.b, p, limit, "default") && !Bytes.isWord(s.at(p - 1))) {
        int eq = KeyValueDetector.skipSpaces(s, p + 7);
        if (s.at(eq) != '=') {
          continue;
        }
        int vs = KeyValueDetector.skipSpaces(s, eq + 1);
        int q = s.at(vs);
        if (q == '"') {
          int end = KeyValueDetector.closingQuote(s, vs + 1, q);
          return end < 0 ? -1 : KeyValueDetector.accept(s, t, vs + 1, end);
        }
        int end = vs;
        while (end < limit && (s.b[end] & 0xFF) > ' ' && s.b[end] != '}') {
          end++;
        }
        return KeyValueDetector.accept(s, t, vs, end);
      }
    }
    return -1;
  }

  /** An XML element name with a namespace prefix before the key at {@code ks}: {@code <db:password>}. */
  static boolean namespacedElement(Scan s, int ks) {
    if (s.at(ks - 1) != ':') {
      return false;
    }
    int p = ks - 2;
    while (p > s.lo && ks - p < 64 && (Bytes.isWord(s.b[p]) || s.b[p] == '-' || s.b[p] == '.')) {
      p--;
    }
    return p < ks - 2 && s.at(p) == '<';
  }

  /**
   * A secret key that is itself the value of a {@code name} field, at {@code ks} ({@code p} after it and its quote,
   * {@code sp} after blanks): the value of the {@code value} field that follows in the same item is the secret, as in
   * a Kubernetes container's {@code env} ({@code - name: DB_PASSWORD} then {@code value: …} on the next line at the
   * same column; {@code valueFrom} is a reference and stays) and in JSON or flow style
   * ({@code {"name": "DB_PASSWORD", "value": "…"}}, ECS task definitions); also named by a {@code type} field, as
   * Keycloak's credential representation in its admin events ({@code "credentials":[{"type":"password",
   * "value":"…"}]}) and a form field's dump ({@code {"type": "password", "value": "…"}}).
   */
  static int namedValue(Scan s, Trigger t, int ks, int p, int sp) {
    int b = ks - 1;
    if (s.at(b) == ':' && s.at(p - 1) == '"') { // Cognito's "custom:dob": a namespace before the attribute's name
      while (b > s.lo && ks - b < 32 && Bytes.isWord(s.b[b - 1])) {
        b--;
      }
      b--;
    }
    int q = s.at(b);
    if (q == '"' || q == '\'') {
      if (s.at(p - 1) != q) {
        return -1;
      }
      b--;
    } else if (s.at(p - 1) == '"' || s.at(p - 1) == '\'') {
      return -1;
    }
    while (b > s.lo && s.b[b] == ' ') {
      b--;
    }
    int assign = s.at(b);
    if (assign != ':' && assign != '=') {
      return -1;
    }
    b--;
    while (b > s.lo && s.b[b] == ' ' && (assign == '=' || s.at(b - 1) == '"')) {
      // Jackson's pretty printer, "type" : "password" (Keycloak's realm exports); HCL's aligned name  = "x"
      b--;
    }
    // (a Python dict's repr quotes in single quotes: Ansible's loop items, (item={'key': 'db_password', 'value': …}))
    int nameQuote = s.at(b) == '"' || (s.at(b) == '\'' && q == '\'') ? s.at(b) : 0;
    boolean quotedName = nameQuote != 0;
    if (quotedName) {
      b--;
    }
    int name = b + 1;
    while (name > s.lo && b + 1 - name < 8 && Bytes.isAlpha(s.b[name - 1])) {
      name--;
    }
    if (!isNamingField(s, name, b + 1) || Bytes.isWord(s.at(name - 1)) || (quotedName && s.at(name - 1) != nameQuote)) {
      return -1;
    }
    int v;
    int c = s.at(sp);
    if (c == ',' || c == '}') {
      if (c == '}') {
        return -1;
      }
      v = sp + 1; // the next member, also on the next line (pretty-printed JSON: kubectl -o json, aws ecs, az)
      while ((s.at(v) == ' ' || s.at(v) == '\t' || s.at(v) == '\n' || s.at(v) == '\r') && v - sp < 256) {
        v++;
      }
    } else {
      int line = c == '\r' && s.at(sp + 1) == '\n' ? sp + 2 : sp + 1;
      int col = quotedName ? name - 1 : name;
      int ls = col;
      while (ls > s.lo && s.b[ls - 1] != '\n') {
        ls--;
      }
      int indent = col - ls;
      v = line;
      // (blanks, or a plan's change marker where the name's line has one: Terraform's "+ name  = …", "+ value = …")
      while (v - line < indent && (s.at(v) == ' ' || (s.at(v) == s.b[ls + v - line] && isPlanMarker(s.at(v))))) {
        v++;
      }
      if (v - line != indent) {
        return -1;
      }
    }
    int keyQuote = s.at(v) == '"' || (s.at(v) == '\'' && nameQuote == '\'') ? s.at(v) : 0;
    boolean quotedKey = keyQuote != 0;
    int k = quotedKey ? v + 1 : v;
    if (!Bytes.startsWithIgnoreCase(s.b, k, s.hi, "value") || (quotedKey && s.at(k + 5) != keyQuote)) {
      return -1;
    }
    int colon = KeyValueDetector.skipSpaces(s, quotedKey ? k + 6 : k + 5);
    if (s.at(colon) != assign) {
      return -1; // (HCL's name = "X" then value = "x": Terraform's helm_release set blocks, env lists in a plan)
    }
    int vs = KeyValueDetector.skipSpaces(s, colon + 1);
    int vq = s.at(vs);
    if (vq == '"' || vq == '\'') {
      int end = KeyValueDetector.closingQuote(s, vs + 1, vq);
      return end < 0 ? -1 : KeyValueDetector.accept(s, t, vs + 1, end);
    }
    int end = vs;
    while (end < s.hi && end - vs < KeyValueDetector.MAX_VALUE && s.b[end] != '\n' && s.b[end] != '\r'
        && s.b[end] != ',' && s.b[end] != '}' && !(s.b[end] == '#' && end > vs && s.b[end - 1] == ' ')) {
      end++;
    }
    while (end > vs && s.b[end - 1] == ' ') {
      end--;
    }
    return KeyValueDetector.accept(s, t, vs, end);
  }

  /**
   * A password piped into a command that reads it from its standard input, on the same line: {@code echo pw |
   * docker login --password-stdin}, {@code echo pw | passwd --stdin alice}, {@code echo 'alice:pw' | chpasswd} (with
   * {@code userColon}: a user name and a secret); {@code printf '%s' pw |} too. Found at the command ({@code from}),
   * looking back to the pipe and the {@code echo} or {@code printf} before it.
   *
   * @param after the end of the command word, returned when a span is recorded
   */
  static int piped(Scan s, int from, int after, boolean userColon) {
    // back past spans found on the command's own line too (docker login -u bob --password-stdin: the user)
    int floor = Math.max(Math.max(s.lo, s.emitFrom), from - 1024);
    int pipe = from - 1;
    while (pipe > floor && s.b[pipe] != '|' && s.b[pipe] != '\n') {
      pipe--;
    }
    if (pipe <= floor || s.b[pipe] != '|' || s.at(pipe - 1) == '|') {
      return -1;
    }
    int cmd = pipe - 1;
    int echo = -1;
    boolean printf = false;
    for (; cmd >= floor && s.b[cmd] != '\n' && s.b[cmd] != ';' && s.b[cmd] != '&'; cmd--) {
      if (Bytes.startsWith(s.b, cmd, pipe, "echo ") && (cmd == floor || !Bytes.isWord(s.at(cmd - 1)))) {
        echo = cmd + 5;
        break;
      }
      if (Bytes.startsWith(s.b, cmd, pipe, "printf ") && (cmd == floor || !Bytes.isWord(s.at(cmd - 1)))) {
        echo = cmd + 7;
        printf = true;
        break;
      }
    }
    if (echo < 0) {
      return -1;
    }
    int a = echo;
    int e = pipe;
    while (e > a && s.b[e - 1] == ' ') {
      e--;
    }
    while (true) { // echo's flags; printf's format
      while (a < e && s.b[a] == ' ') {
        a++;
      }
      if (printf ? a < e && (s.b[a] == '\'' || s.b[a] == '"') && s.at(a + 1) == '%' : a + 1 < e && s.b[a] == '-'
          && (s.b[a + 1] == 'n' || s.b[a + 1] == 'e')) {
        int q = s.b[a];
        a++;
        while (a < e && (printf ? s.b[a] != q : s.b[a] != ' ')) {
          a++;
        }
        a++;
        printf = false;
        continue;
      }
      break;
    }
    if (a < e && (s.b[a] == '\'' || s.b[a] == '"') && s.b[e - 1] == s.b[a] && e - a >= 2) {
      a++;
      e--;
    }
    if (e <= a || KeyValueDetector.isPlaceholder(s, a, e)) {
      return -1;
    }
    for (int k = a; k < e; k++) {
      if (s.b[k] == ' ' && !userColon) {
        return -1; // more than one word, unquoted: not a password
      }
    }
    if (userColon) {
      int colon = a;
      while (colon < e && s.b[colon] != ':') {
        colon++;
      }
      return colon < e - 1 && userAndSecret(s, a, colon, colon + 1, e) ? after : -1;
    }
    return s.add(a, e, DetectorType.SECRET) ? after : -1;
  }

  /**
   * The value of a {@code --user} flag: {@code user:password} (curl, wget) is a user name and a secret; a value
   * without a colon, or two numbers ({@code 1000:1000}, a uid and gid), stays one user name; a Kafka principal,
   * {@code User:alice} or {@code Group:ops} ({@code kafka-acls --allow-principal}), is its name alone.
   */
  static int userColonPassword(Scan s, Trigger t, int start, int end) {
    int colon = start;
    while (colon < end && s.b[colon] != ':') {
      colon++;
    }
    if (colon < end - 1 && (Bytes.startsWith(s.b, start, colon, "User") && colon - start == 4
        || Bytes.startsWith(s.b, start, colon, "Group") && colon - start == 5)) {
      // a Kafka principal, --allow-principal User:alice: its type, then the name (User:* stays, a placeholder)
      return KeyValueDetector.accept(s, t, colon + 1, end);
    }
    if (colon >= end - 1 || KeyValueDetector.isPlaceholder(s, start, end)
        || (Bytes.digitRun(s.b, start, colon, 12) == colon - start
            && Bytes.digitRun(s.b, colon + 1, end, 12) == end - colon - 1)) {
      return KeyValueDetector.accept(s, t, start, end);
    }
    return userAndSecret(s, start, colon, colon + 1, end) ? end : -1;
  }

  /**
   * After {@code chpasswd:} of cloud-init's user data at a line's start ({@code key} its first byte): the {@code list}
   * of its older form, {@code user:password} lines of a block scalar ({@code list: |}) or items of a sequence
   * ({@code - user:password}), each password a secret and the user a {@code user} (not {@code RANDOM}, which asks
   * cloud-init to make one). Its newer {@code users:} form has {@code password:} keys of their own. The spans are kept
   * and -1 returned: they may lie far past the pattern (the pass goes on over the lines between).
   */
  static int cloudInitChpasswd(Scan s, int key, int after) {
    int keyIndent = 0;
    while (key - keyIndent - 1 >= s.lo && s.b[key - keyIndent - 1] == ' ') {
      keyIndent++;
    }
    if (key - keyIndent > s.lo && s.b[key - keyIndent - 1] != '\n' || s.at(skipBlanks(s, after)) != '\n') {
      return -1; // a key of its own line, its value on the lines below
    }
    int limit = Math.min(s.hi, after + 8192);
    int line = skipBlanks(s, after) + 1;
    int listIndent = -1;
    while (line < limit) {
      int c = skipBlanks(s, line);
      int indent = c - line;
      int eol = c;
      while (eol < limit && s.b[eol] != '\n') {
        eol++;
      }
      if (eol >= limit || (c < eol && indent <= keyIndent)) {
        break; // the next key at chpasswd's level or above
      }
      if (listIndent < 0) {
        if (Bytes.startsWith(s.b, c, eol, "list:")) {
          listIndent = indent;
        }
      } else if (indent <= listIndent && c < eol && s.b[c] != '-') {
        listIndent = -1; // expire: false, after the list
        if (Bytes.startsWith(s.b, c, eol, "list:")) {
          listIndent = indent;
        }
      } else if (c < eol) {
        int u = s.b[c] == '-' ? skipBlanks(s, c + 1) : c;
        int e = eol;
        while (e > u && (s.b[e - 1] == ' ' || s.b[e - 1] == '\r')) {
          e--;
        }
        if (e > u + 1 && (s.b[u] == '"' || s.b[u] == '\'') && s.b[e - 1] == s.b[u]) {
          u++;
          e--;
        }
        int colon = Bytes.indexOf(s.b, u, e, ":");
        if (colon > u && colon + 1 < e && !(e - colon - 1 == 6 && Bytes.startsWith(s.b, colon + 1, e, "RANDOM"))) {
          userAndSecret(s, u, colon, colon + 1, e);
        }
      }
      line = eol + 1;
    }
    return -1;
  }

  /**
   * After {@code Matched Data: } of ModSecurity's audit and error logs ({@code Matched Data: x found within
   * ARGS:pwd: x}, the OWASP CRS's rules): the matched value, typed by the request argument it was found in when a key
   * names it ({@code pwd}, {@code password}, {@code email}); the argument's own value after it is the key rules'.
   */
  static int modsecMatchedData(Scan s, int last) {
    if (!Bytes.startsWith(s.b, last - 13, s.hi, "Matched Data: ")) {
      return -1;
    }
    int start = last + 1;
    int limit = Math.min(s.hi, start + 1024);
    int within = start;
    while (within < limit && s.b[within] != '\n' && !Bytes.startsWith(s.b, within, limit, " found within ")) {
      within++;
    }
    int v = within + 14;
    if (within >= limit || s.b[within] == '\n' || within == start) {
      return -1;
    }
    int colon = v;
    while (colon < limit && colon - v < 32 && s.b[colon] != ':') {
      colon++;
    }
    int k = colon + 1;
    int ke = k;
    while (ke < limit && ke - k < 64 && (KeyValueDetector.isKeyChar(s.b[ke]) || s.b[ke] == '[' || s.b[ke] == ']')) {
      ke++;
    }
    if (s.at(colon) != ':' || !Bytes.startsWith(s.b, v, colon, "ARGS") || ke == k) {
      return -1;
    }
    DetectorType type = KeyNames.classify(new String(s.b, k, ke - k, java.nio.charset.StandardCharsets.UTF_8));
    if (type == null || KeyValueDetector.isPlaceholder(s, start, within)) {
      return -1;
    }
    return s.add(start, within, type) ? within : -1;
  }

  /**
   * After {@code extracted value ([} of Hibernate 5's {@code BasicExtractor} at TRACE ({@code extracted value
   * ([password4_0_] : [VARCHAR]) - [x]}): the value, typed by its column, the alias without Hibernate's
   * {@code N_N_} suffix (the column's name cut to 10 bytes: {@code password}, {@code email}, {@code first_name}
   * are whole; a longer one may name nothing and stays).
   */
  static int hibernateExtracted(Scan s, int last) {
    int a = last + 1;
    int ae = a;
    while (ae < s.hi && ae - a < 40 && (Bytes.isAlnum(s.b[ae]) || s.b[ae] == '_')) {
      ae++;
    }
    if (s.at(ae) != ']') {
      return -1;
    }
    int e = ae;
    for (int part = 0; part < 2; part++) { // password4_0_: strip "0_" then "4_" (digits and an underscore each)
      if (e > a && s.b[e - 1] == '_') {
        int d = e - 1;
        while (d > a && Bytes.isDigit(s.b[d - 1])) {
          d--;
        }
        if (d < e - 1) {
          e = d;
        }
      }
    }
    int v = Bytes.indexOf(s.b, ae, Math.min(s.hi, ae + 48), ") - [");
    if (e == a || e == ae || v < 0) {
      return -1;
    }
    int vs = v + 5;
    int ve = vs;
    while (ve < s.hi && ve - vs < KeyValueDetector.MAX_VALUE && s.b[ve] != '\n') {
      ve++;
    }
    while (ve > vs && s.b[ve - 1] != ']') {
      ve--;
    }
    ve--; // the closing bracket, the line's last
    DetectorType type = KeyNames.classify(new String(s.b, a, e - a, java.nio.charset.StandardCharsets.UTF_8));
    if (type == null || ve <= vs) {
      return -1;
    }
    String value = new String(s.b, vs, ve - vs, java.nio.charset.StandardCharsets.UTF_8);
    return KeyNames.isRedactableValue(type, new String(s.b, a, e - a, java.nio.charset.StandardCharsets.UTF_8), value)
        && s.add(vs, ve, type) ? ve : -1;
  }

  /** The fields that name the {@code value} beside them, any case. */
  static final java.util.List<String> NAMING_FIELDS = java.util.List.of("name", "type", "key", "path", "property");

  /**
   * {@link #namedValue} in JSON inside a JSON string: at the key's opening <code>&#92;"</code> ({@code open}) and after
   * the comma that follows its closing one ({@code next}), {@code {\"type\":\"password\",\"value\":\"x\"}}
   * (Keycloak's admin events with their representation, docker's json-file logs): the value of the {@code value}
   * member that follows, when a naming field names the key; else {@link #NOT_THIS_FORM}.
   */
  static int escapedNamedValue(Scan s, Trigger t, int open, int next) {
    int b = open - 1;
    while (b > s.lo && s.b[b] == ' ') {
      b--;
    }
    if (s.at(b) != ':' || s.at(b - 1) != '"' || s.at(b - 2) != '\\') {
      return NOT_THIS_FORM;
    }
    int nameEnd = b - 2;
    int name = nameEnd;
    while (name > s.lo && nameEnd - name < 8 && Bytes.isAlpha(s.b[name - 1])) {
      name--;
    }
    if (s.at(name - 1) != '"' || s.at(name - 2) != '\\' || !isNamingField(s, name, nameEnd)) {
      return NOT_THIS_FORM;
    }
    int v = KeyValueDetector.skipSpaces(s, next);
    if (!Bytes.startsWith(s.b, v, s.hi, "\\\"value\\\":")) {
      return NOT_THIS_FORM;
    }
    int vs = KeyValueDetector.skipSpaces(s, v + 10);
    if (s.at(vs) != '\\' || s.at(vs + 1) != '"') {
      return NOT_THIS_FORM;
    }
    int end = Bytes.indexOf(s.b, vs + 2, Math.min(s.hi, vs + 2 + 4096), "\\\"");
    return end < 0 ? -1 : KeyValueDetector.accept(s, t, vs + 2, end);
  }

  private static boolean isNamingField(Scan s, int from, int to) {
    for (String f : NAMING_FIELDS) {
      if (to - from == f.length() && Bytes.startsWithIgnoreCase(s.b, from, to, f)) {
        return true;
      }
    }
    return false;
  }

  /** Records a user name {@code [us, ue)} (unless a placeholder or a system account) and a secret {@code [ps, pe)}. */
  static boolean userAndSecret(Scan s, int us, int ue, int ps, int pe) {
    boolean any = false;
    if (ue > us && !KeyValueDetector.isPlaceholder(s, us, ue) && !KeyValueDetector.isSystemAccount(s, us, ue)) {
      any = s.add(us, ue, DetectorType.USERNAME);
    }
    if (pe > ps && !KeyValueDetector.isPlaceholder(s, ps, pe)) {
      any |= s.add(ps, pe, DetectorType.SECRET);
    }
    return any;
  }

  /**
   * At the {@code >} of an element whose text is a value of {@code type} (ISO 20022's, SEPA's {@code <Nm>} party
   * name, {@code <StrtNm>} and {@code <AdrLine>} address): the text up to its closing tag, on one line; a financial
   * institution's name ({@code <FinInstnId><Nm>}) stays.
   */
  static int xmlText(Scan s, int last, DetectorType type) {
    int start = last + 1;
    int limit = Math.min(s.hi, start + 512);
    int end = start;
    while (end < limit && s.b[end] != '<' && s.b[end] != '\n') {
      end++;
    }
    if (end == start || s.at(end) != '<' || s.at(end + 1) != '/' || KeyValueDetector.isPlaceholder(s, start, end)
        || Bytes.lastIndexOfIgnoreCase(s.b, Math.max(s.lo, start - 40), start, "<fininstnid>") >= 0) {
      return -1;
    }
    return KeyValueDetector.hasLetter(s, start, end) && s.add(start, end, type) ? end : -1;
  }

  /**
   * After a HAR file's {@code "name": "Cookie",} (at {@code p}, past the comma): the opening quote of the
   * {@code "value"} field that follows (blanks and line breaks allowed between, as pretty-printed), or -1.
   */
  static int harValue(Scan s, int p) {
    p = skipWhite(s, p);
    if (!Bytes.startsWith(s.b, p, s.hi, "\"value\"")) {
      return -1;
    }
    p = skipWhite(s, p + 7);
    if (s.at(p) != ':') {
      return -1;
    }
    p = skipWhite(s, p + 1);
    return s.at(p) == '"' ? p : -1;
  }

  /** At a JSON string's opening quote: its closing quote (escapes skipped), on the same line, or -1. */
  static int stringEnd(Scan s, int open) {
    for (int q = open + 1; q < s.hi && q - open < 8192; q++) {
      int c = s.b[q];
      if (c == '\\') {
        q++;
      } else if (c == '"') {
        return q;
      } else if (c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Back from {@code p} over blanks and line breaks (at most 256 bytes of them): the last other byte's index, or
   * {@code s.lo - 1} when there is none.
   */
  static int skipWhiteBack(Scan s, int p) {
    int from = p;
    while (p >= s.lo && from - p < 256 && (s.b[p] == ' ' || s.b[p] == '\t' || s.b[p] == '\n' || s.b[p] == '\r')) {
      p--;
    }
    return p;
  }

  /** Blanks and line breaks, as in pretty-printed JSON (at most 256 bytes of them). */
  static int skipWhite(Scan s, int p) {
    int from = p;
    while (p < s.hi && p - from < 256 && (s.b[p] == ' ' || s.b[p] == '\t' || s.b[p] == '\n' || s.b[p] == '\r')) {
      p++;
    }
    return p;
  }

  /**
   * Reading back from {@code p} (exclusive) to {@code floor}, at most {@code max} bytes: the {@code {} or {@code [}
   * that opens the JSON object or array around {@code p} (nested ones skipped), or -1.
   */
  static int openingBracket(Scan s, int p, int floor, int max) {
    int depth = 0;
    for (int k = p - 1; k >= floor && p - k <= max; k--) {
      int c = s.b[k];
      if (c == '}' || c == ']') {
        depth++;
      } else if (c == '{' || c == '[') {
        if (depth == 0) {
          return k;
        }
        depth--;
      }
    }
    return -1;
  }
}
