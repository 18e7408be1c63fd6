package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RevealLog;
import java.nio.charset.StandardCharsets;

/**
 * Values found by their key: passwords and secrets, AWS secret keys, SSNs, user names and person names, in
 * {@code key=value}, {@code key: value}, JSON ({@code "key":"value"}, also JSON-escaped inside a log
 * message), YAML, properties, env files ({@code export KEY=value}), XML ({@code <password>…</password>}),
 * SQL ({@code PASSWORD 'x'}) and command lines ({@code --password x}).
 *
 * <p>The key word must end the key: {@code db.password} and {@code smtpPassword} are secrets,
 * {@code password_min_length}, {@code passwordChanged} and {@code token-ttl-seconds} are not. Placeholders
 * ({@code ${DB_PASSWORD}}, {@code $VAR}, {@code {{ x }}}), booleans, {@code null} and values that are
 * already tokens stay. A key at the start of a line (properties, env, YAML) takes the rest of the line, unless
 * it is an environment prefix of a command ({@code PGPASSWORD=x psql -h db}); a key inside a log line takes the
 * value up to the next space or delimiter.
 */
final class KeyValueDetector {
  static final int MAX_VALUE = 16 * 1024;

  private KeyValueDetector() {}

  /** At the last byte of a key word. */
  static int find(Scan s, int last, Trigger t) {
    int wordStart = last - t.length() + (t.has(Trigger.PREFIXED) ? 2 : 1);
    int wordEnd = t.has(Trigger.SUFFIXED) ? last : last + 1;
    if ((t.has(Trigger.SUFFIXED) || t.has(Trigger.PREFIXED)) && s.at(wordStart - 1) == '.') {
      return -1; // a host under the .pw domain and its port (evil.pw:443), not a key and its value
    }
    if (t.has(Trigger.SECRET_WORD) && inSecretsManagerArn(s, wordStart)) {
      return -1; // arn:aws:secretsmanager:…:secret:prod/db-AbCdEf names the secret (every CloudTrail GetSecretValue)
    }
    int digits = Bytes.isDigit(s.at(wordEnd)) ? Bytes.digitRun(s.b, wordEnd, s.hi, 3) : 0;
    if (t.has(Trigger.NUMBERED)) {
      if (digits == 0) {
        return -1;
      }
      wordEnd += digits; // httpHeaderValue1
    } else {
      wordEnd += numberedKey(s, t, wordEnd, digits);
    }
    int n1 = s.at(wordEnd);
    if (t.has(Trigger.HEAD_FIRST) && n1 != 0 && !(Bytes.isUpper(n1) && s.at(wordStart - 1) == '.')) {
      // (not a class's name, d.k.konto.KennwortDienst, whose camel-case part is no qualifier)
      int q = qualifierEnd(s, wordEnd);
      if (q > wordEnd) {
        if (numberFollows(s, q)) {
          return -1; // senha_minima=8, CONTRASENA_EXPIRA: 90: a policy's setting, not a password
        }
        wordEnd = q;
        n1 = s.at(wordEnd);
      }
    }
    if (TableDetector.worthALook(s, wordStart, wordEnd, n1)) {
      if (TableDetector.header(s, wordStart, wordEnd)) {
        return -1; // (session 30) a table's column name, id,username,password: its cells are typed below it
      }
    }
    if (Bytes.isWord(n1) || ((n1 == '.' || n1 == '-') && Bytes.isAlnum(s.at(wordEnd + 1)))) {
      return -1;
    }
    if (t.has(Trigger.INDEXED)) {
      int q = wordEnd + 1; // passwords[0]=: Helm's --set of a list, Spring's indexed property
      while (Bytes.isDigit(s.at(q)) && q - wordEnd < 6) {
        q++;
      }
      if (n1 != '[' || q == wordEnd + 1 || s.at(q) != ']') {
        return -1;
      }
      wordEnd = q + 1;
    } else if (n1 == ' ' && t.has(Trigger.CARD_CODE)) {
      return cardCode(s, t, wordEnd + 1); // cvv 123, CVC 4321,
    } else if (n1 == ' ' && t.type() == DetectorType.NATIONAL_ID
        && (Bytes.isDigit(s.at(wordEnd + 1)) || Bytes.isUpper(s.at(wordEnd + 1)) && Bytes.isDigit(s.at(wordEnd + 2)))) {
      int e = KeyedForms.wordEnd(s, wordEnd + 1); // PESEL 85031412347, DNI 12345678Z, SIN 046 454 286 in prose
      while (e > wordEnd + 2 && (s.at(e - 1) == ',' || s.at(e - 1) == ';' || s.at(e - 1) == '.')) {
        e--; // (the sentence's comma: "NIE Y2837461B, Nombre: …")
      }
      e = numberGroupsEnd(s, e);
      return accept(s, t, wordEnd + 1, e);
    } else if (n1 == ' ' && t.type() == DetectorType.US_SSN && Bytes.isDigit(s.at(wordEnd + 1))) {
      int e = Math.max(SsnDetector.spaced(s, wordEnd + 1), SsnDetector.bare(s, wordEnd + 1));
      return e > 0 && !Bytes.isWord(s.at(e)) ? accept(s, t, wordEnd + 1, e) : -1; // SSN 078 05 1120
    }
    int ks = wordStart;
    while (ks > s.lo && wordStart - ks < 64 && isKeyChar(s.b[ks - 1]) && (s.b[ks - 1] != '2' || !afterHexQuote(s, ks))) {
      ks--;
    }
    while (ks < wordStart && s.b[ks] == '.') {
      ks++;
    }
    if ((t.has(Trigger.SUFFIXED) || t.has(Trigger.PREFIXED)) && ks > s.lo && !opensAKey(s.b[ks - 1])) {
      return -1; // a short key word (pw) counts only where a key starts: not {PLAIN}pw:1000 of a passwd file
    }
    if (s.at(ks - 1) == '/' && s.at(ks - 2) == '/' && s.at(ks - 3) == ':') {
      return -1; // scheme://user:pw@host: a URL's userinfo (UrlUserinfoDetector), not a key and its value
    }
    int bare = ks;
    while (bare < wordStart && s.b[bare] == '-') {
      bare++;
    }
    boolean cli = bare > ks;
    if (bare < wordStart && t.has(Trigger.DISPLAY_NAME)
        && keyPrefixEndsWith(s, bare, wordStart, THING_DISPLAY_NAMES)) {
      return -1; // appDisplayName, resourceDisplayName of Entra ID's sign-ins: an application's name, not a person's
    }
    if (cli && t.has(Trigger.SECRET_WORD) && bare == wordStart && CommandLineDetector.lineMentions(s, ks, "pulumi ")) {
      return -1; // pulumi config set --secret KEY VALUE: a flag (see CommandLineDetector.pulumiConfigSet)
    }
    if (bare < wordStart && t.has(Trigger.SECRET_WORD) && keyPrefixEndsWith(s, bare, wordStart, "existing")) {
      return -1; // Helm charts' existingSecret: the name of a Kubernetes Secret that holds the password
    }
    if (s.at(ks - 1) == '/' && (s.at(wordEnd) == ':' && s.at(wordEnd + 1) == ' ' || quotedUrlEnds(s, ks, wordEnd))) {
      // open /var/run/secrets/token: permission denied: a path's last part in an error chain; Go's
      // Get "http://metadata.google.internal/…/token": dial tcp …: a quoted URL's
      return -1;
    }
    if (t.has(Trigger.EXACT_KEY) && bare != wordStart
        && !(bare == wordStart - 1 && s.b[bare] == '_' && t.has(Trigger.COLON_LABEL))) {
      return -1; // (a localized user label also as a form's field, Symfony's _identifiant=)
    }
    if (t.has(Trigger.ENV_NAME) && !upperEnvName(s, bare, wordEnd)) {
      return -1;
    }
    if (t.has(Trigger.NEEDS_BOUNDARY) && bare != wordStart && !boundaryBefore(s, wordStart)
        && !runTogether(s, bare, wordStart)) {
      return -1;
    }
    if (t.type() == DetectorType.SECRET && numberFollows(s, wordEnd)
        && (bare < wordStart && policyWordIn(new String(s.b, bare, wordStart - bare, StandardCharsets.UTF_8), false)
            || policyWordsBefore(s, ks))) {
      // (session 29) a setting about passwords whose word comes last, as Romance languages write them:
      // longitud_minima_contrasena=12, LONGUEUR_MIN_MOT_DE_PASSE: "12", lunghezzaMinimaPassword="12"
      return -1;
    }
    int special = special(s, t, ks, wordEnd, n1);
    if (special != NOT_SPECIAL) {
      return special;
    }
    return value(s, t, ks, wordStart, wordEnd, cli);
  }

  /**
   * Words of password policies' settings, as a key's part before or after its key word: lengths, limits, expiry,
   * history, attempts (English, German, French, Spanish, Portuguese, Italian, Dutch).
   */
  private static final java.util.Set<String> POLICY_WORDS = java.util.Set.of("min", "max", "minimo", "minima",
      "minimum", "minimal", "maximo", "maxima", "maximum", "mindest", "length", "len", "longitud", "longueur",
      "lunghezza", "comprimento", "lengte", "laenge", "expiration", "expiracion", "expira", "expiry", "expires",
      "caducidad", "scadenza", "validade", "validite", "validity", "ablauf", "history", "historique", "historial",
      "storico", "historico", "policy", "politique", "politica", "criteri", "criterios", "regle", "regla",
      "regola", "intentos", "tentatives", "tentativi", "attempts", "versuche", "age", "dias", "jours", "giorni",
      "tage", "days", "complexity", "complexite", "complejidad", "complessita", "hash", "algorithm", "algoritmo",
      "algorithme", "salt", "cost", "rounds", "encoder", "hint", "indice", "pista", "label", "etiqueta", "libelle", "placeholder",
      "message", "mensaje", "mensagem", "messaggio", "melding", "nachricht", "texto", "text", "testo", "tekst",
      // (session 29's held-out round) policies, rules and lengths in German, Dutch, Nordic, Slavic, Romanian
      "richtlinie", "richtlinien", "regel", "regeln", "länge", "mindestlänge", "mindestlaenge", "gültigkeit",
      "gueltigkeit", "beleid", "regels", "längd", "lengde", "længde", "pituus", "polityka", "długość", "dlugosc",
      "délka", "delka", "zasady", "lungime", "minimă", "politika", "политика", "длина", "sürə", "uzunluk",
      "uzunluğu", "kural", "expire", "expiree", "expirada", "scaduta", "abgelaufen", "verlopen", "muster",
      "pattern", "patron", "regex", "modelo", "modello", "schema", "minimale", "minimaal", "minimální", "minimalna");

  /** Where a key splits into its words: separators, and camel case's capitals. */
  private static final java.util.regex.Pattern KEY_PARTS =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})");

  /**
   * Whether {@code key} (a structured document's key, or part of one) holds a policy word ({@code longitud_minima},
   * {@code lunghezzaMinima}), or with {@code orState} a state word ({@code expirada}), as a part. Not a state word
   * before a key word: {@code invalid_password} holds a password typed wrong, often one letter off the real one.
   */
  static boolean policyWordIn(String key, boolean orState) {
    for (String part : KEY_PARTS.split(key)) {
      String w = part.toLowerCase(java.util.Locale.ROOT);
      if (POLICY_WORDS.contains(w) || orState && (STATE_WORDS.contains(w) || STATUS_WORDS.contains(w))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one of the two words before a key (blank-separated, on its line) is a policy word: a setting named in
   * words, {@code Lungime minimă parolă=8}, {@code Longueur minimale du mot de passe : 12}.
   */
  private static boolean policyWordsBefore(Scan s, int ks) {
    int p = ks;
    for (int words = 0; words < 3 && s.at(p - 1) == ' '; words++) {
      int e = p - 1;
      int w = e;
      while (w > s.lo && (Bytes.isAlpha(s.b[w - 1]) || s.b[w - 1] < 0)) {
        w--;
      }
      if (w == e || e - w > 24) {
        return false;
      }
      if (policyWordIn(new String(s.b, w, e - w, StandardCharsets.UTF_8), false)) {
        return true;
      }
      p = w;
    }
    return false;
  }

  /**
   * The end of a qualifier after a head-first key word at {@code p} ({@code _bdd}, {@code _ADMIN}, {@code Admin},
   * {@code  temporal} before a colon), or {@code p}: letters and digits of one part, no policy or state word, not
   * followed by a second part.
   */
  private static int qualifierEnd(Scan s, int p) {
    int c = s.at(p);
    boolean blank = c == ' ';
    int q = c == '_' || c == '-' || c == '.' || blank ? p + 1 : Bytes.isUpper(c) && Bytes.isLower(s.at(p - 1)) ? p : -1;
    if (q < 0 || !Bytes.isAlpha(s.at(q)) && s.at(q) < 0x80) {
      return p;
    }
    int e = q + 1;
    while (e - q < 20 && (Bytes.isLower(s.at(e)) || Bytes.isDigit(s.at(e)) || s.at(e) >= 0x80
        || Bytes.isUpper(s.at(e)) && Bytes.isUpper(s.at(q)))) {
      e++;
    }
    int after = s.at(e);
    if (blank) {
      int sep = s.at(e) == ' ' ? e + 1 : e; // contraseña temporal: x, mot de passe temporaire : x
      if (s.at(sep) != ':' && !fullWidthSeparator(s, sep) || s.at(sep + 1) == ':') {
        return p;
      }
    } else if (Bytes.isAlnum(after) || after == '_' || after == '-' && Bytes.isAlnum(s.at(e + 1))
        || after == '.' && Bytes.isAlnum(s.at(e + 1))) {
      return p; // a second part (senha_expira_em): a setting's name, not a password's
    }
    String word = new String(s.b, q, e - q, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    return POLICY_WORDS.contains(word) || STATE_WORDS.contains(word) || STATUS_WORDS.contains(word) ? p : e;
  }

  /** Whether a number follows {@code p} past a quote, blanks and one separator ({@code ="12"}, {@code : 90 jours}). */
  private static boolean numberFollows(Scan s, int p) {
    int q = p;
    if (s.at(q) == '"' || s.at(q) == '\'') {
      q++;
    }
    q = skipSpaces(s, q);
    if (s.at(q) != '=' && s.at(q) != ':') {
      return false;
    }
    q = skipSpaces(s, q + 1);
    if (s.at(q) == '"' || s.at(q) == '\'') {
      q++;
    }
    return Bytes.isDigit(s.at(q));
  }

  /**
   * Whether the value at {@code vs} after the key at {@code ks} and its {@code ": "} is the next field of a Go struct
   * printed with {@code %+v}, the key's own value empty: an exported field name and its colon
   * ({@code {Host:localhost User: Password: DB:0}}, {@code &{AccessToken: TokenType: Expiry:0001-01-01 …}}) inside
   * braces opened before the key on its line. A value there has no blank after its key's colon.
   */
  private static boolean emptyGoField(Scan s, int ks, int vs) {
    if (!Bytes.isUpper(s.at(vs)) || !(s.at(ks - 1) == ' ' || s.at(ks - 1) == '{')) {
      return false;
    }
    int e = vs + 1;
    while (e - vs < 64 && (Bytes.isAlnum(s.at(e)) || s.at(e) == '_')) {
      e++;
    }
    if (s.at(e) != ':' || s.at(e + 1) == ' ' && !Bytes.isUpper(s.at(e + 2)) && s.at(e + 2) != '}') {
      return false;
    }
    for (int p = ks - 1; p >= s.lo && ks - p < 1024 && s.b[p] != '\n'; p--) {
      if (s.b[p] == '{') {
        return true;
      }
    }
    return false;
  }

  /** After PHP's {@code ["key"]=>} of a {@code var_dump}: a {@code string(N) "x"}'s text (other types stay). */
  private static int varDumpString(Scan s, Trigger t, int p) {
    p = skipSpaces(s, p);
    if (!Bytes.startsWith(s.b, p, s.hi, "string(")) {
      return -1;
    }
    int q = p + 7 + Bytes.digitRun(s.b, p + 7, s.hi, 6);
    if (s.at(q) != ')' || s.at(q + 1) != ' ' || s.at(q + 2) != '"') {
      return -1;
    }
    int end = closingQuote(s, q + 3, '"');
    return end < 0 ? -1 : accept(s, t, q + 3, end);
  }

  /**
   * The bytes of a key's number after its key word at {@code wordEnd} (0: none): a numbered quoted password key
   * ({@code "password2"}: Azure Container Registry's second password); an ORM's numbered parameter, quoted or
   * assigned, of a secret or a user ({@code 'password_1': 'x'} of SQLAlchemy's bound parameters, EF Core's
   * {@code @__password_1='x'}, {@code 'username_1'}).
   */
  private static int numberedKey(Scan s, Trigger t, int wordEnd, int digits) {
    if (digits > 0 && digits <= 2 && t.text().endsWith("password")
        && (s.at(wordEnd + digits) == '"' || s.at(wordEnd + digits) == '\'')) {
      return digits;
    }
    if (s.at(wordEnd) != '_' || !(t.type() == DetectorType.SECRET || t.type() == DetectorType.USERNAME)) {
      return 0;
    }
    int n = Bytes.digitRun(s.b, wordEnd + 1, s.hi, 3);
    int after = s.at(wordEnd + 1 + n);
    return n >= 1 && n <= 2 && (after == '\'' || after == '"' || after == '=') ? n + 1 : 0;
  }

  /**
   * After a key that passed {@link #find}'s checks (from {@code ks}; its word ends at {@code wordEnd}; {@code cli}
   * when it is a flag, {@code --password}): its value, in whichever form follows.
   */
  private static int value(Scan s, Trigger t, int ks, int wordStart, int wordEnd, boolean cli) {
    int p = wordEnd;
    if (s.at(p) == '.' && s.at(p + 1) == '.' && s.at(p + 2) == '.') {
      while (s.at(p) == '.' && p - wordEnd < 64) {
        p++; // HikariCP's configuration dump pads a property with dots: username........"appuser"
      }
      if (s.at(p) != '"') {
        return -1;
      }
      int end = closingQuote(s, p + 1, '"');
      return end < 0 ? -1 : accept(s, t, p + 1, end);
    }
    boolean escaped = false;
    boolean quotedKey = false;
    int escapedQuote = escapedQuote(s, p);
    if (escapedQuote == 0 && reprQuote(s, p) && reprQuote(s, ks - 3)) {
      escapedQuote = 3; // \\"key\\": JSON in a JSON string in a Python repr (botocore's "Response body: b'…'")
    }
    if (escapedQuote == 2 && s.at(p + 2) == ',' && s.at(ks - 1) == '"' && s.at(ks - 2) == '\\') {
      int r = KeyedForms.escapedNamedValue(s, t, ks - 2, p + 3);
      if (r != KeyedForms.NOT_THIS_FORM) {
        return r; // {\"type\":\"password\",\"value\":\"x\"} (Keycloak's admin events, docker's json-file logs)
      }
    }
    if (escapedQuote > 0) {
      p += escapedQuote; // \" of JSON in a JSON string, \\\" of JSON in that again
      escaped = true;
    } else if (s.at(p) == '"' || s.at(p) == '\'') {
      p++;
      quotedKey = true;
    } else if ((s.at(p) == '`' && s.at(ks - 1) == '`') || (s.at(p) == ']' && s.at(ks - 1) == '[')) {
      p++; // an SQL identifier quoted by MySQL (`password` = 'x') or SQL Server ([Password] = N'x')
      if (s.at(skipSpaces(s, p)) != '=') {
        return -1; // (a column list, a table name: no value)
      }
    }
    if (quotedKey && s.at(p) == ']' && s.at(p + 1) == '=' && s.at(p + 2) == '>' && s.at(ks - 2) == '[') {
      return varDumpString(s, t, p + 3); // PHP's var_dump: ["password"]=> string(11) "x"
    }
    int vs;
    int sp = skipSpaces(s, p);
    int c = s.at(sp);
    if (t.has(Trigger.NAME_ID) && t.has(Trigger.EXACT_KEY) && c == ':' && !quotedKey && !escaped
        && !t.has(Trigger.COLON_LABEL)) {
      return -1; // login as a label of prose (Last login: Tue …, OK LOGIN: Client …): only "login": and login=
    }
    if (quotedKey && !cli && s.at(ks - 1) == s.at(p - 1)) {
      int r = KeyedForms.argumentOrSubscript(s, t, ks - 1, p);
      if (r != KeyedForms.NOT_THIS_FORM) {
        return r;
      }
    }
    if (cli && t.type() == DetectorType.SECRET && escapedQuote > 0 && escapedQuote(s, ks - escapedQuote) == escapedQuote) {
      long arg = Argv.nextEscaped(s, p, escapedQuote); // [\"--password\", \"x\"] in a JSON string (docker's json-file)
      if (arg != -1) {
        return accept(s, t, Argv.start(arg), Argv.end(arg));
      }
    } else if (cli && t.type() == DetectorType.SECRET
        && (quotedKey ? s.at(ks - 1) == s.at(p - 1) : c == '\n' || c == '\r')) {
      // a flag in a list of arguments, its value the next item: "args": ["--password", "x"], a YAML sequence's
      // "- --password" and "- x", auditd's a1="--password" a2="x"
      long arg = Argv.next(s, ks, p, quotedKey ? s.at(p - 1) : 0);
      if (arg != -1) {
        return accept(s, t, Argv.start(arg), Argv.end(arg));
      }
      if (quotedKey && Argv.auditdArgumentAt(s, p)) {
        return -1; // the next argument is a token of ours (redacting twice) or another flag: not "a2=" as a value
      }
    }
    if (s.at(p) == '>' && s.at(ks - 1) == '<' && s.tokenEnd(ks - 1) == p + 1) {
      // a token we wrote (<user>, <secret> of the mask strategy) is no XML element, also where the pass goes through
      // a match's bytes and does not skip tokens
      return -1;
    }
    int tagEnd = p;
    if (s.at(p) == ' ' && (s.at(ks - 1) == '<' || KeyedForms.namespacedElement(s, ks))) {
      tagEnd = attributesEnd(s, p); // <wsse:Password Type="…#PasswordText">x</wsse:Password>, xsi:type="…"
      if (tagEnd == p && t.type() == DetectorType.SECRET && Bytes.startsWith(s.b, p, s.hi, " value=\"")) {
        // a secret element's value attribute, <secret value="base64"/> (WildFly's server-identities, add-user.sh)
        int end = closingQuote(s, p + 8, '"');
        return end < 0 ? -1 : accept(s, t, p + 8, end);
      }
    }
    if (s.at(tagEnd) == '>' && (s.at(ks - 1) == '<' || KeyedForms.namespacedElement(s, ks))) {
      int start = tagEnd + 1;
      int limit = Math.min(s.hi, start + MAX_VALUE);
      if (Bytes.startsWith(s.b, start, limit, "<![CDATA[")) { // <password><![CDATA[x]]></password>
        int end = Bytes.indexOf(s.b, start + 9, limit, "]]>");
        return end < 0 ? -1 : accept(s, t, start + 9, end);
      }
      int end = Bytes.indexOf(s.b, start, limit, "<");
      // the element's text ends at its closing tag: WebLogic's "<User jdoe in realm … attempts.>" then the next
      // line's "<Jan 12, …>" is no element, and its line end was taken as the value (two lines became one)
      if (end < 0 || s.at(end + 1) != '/') {
        return -1;
      }
      return Bytes.indexOf(s.b, start, end, "\n") < 0 ? accept(s, t, start, end) : eachLine(s, t, start, end);
    } else if (c == '=' || (c == ':' && (s.at(sp + 1) != ':' || ldifBase64(s, quotedKey || escaped, ks, sp)))) {
      // (":=", the assignment of FreeRADIUS's users file and debug output, Cleartext-Password := "pw"; "::", LDIF's
      // base64 value, userPassword:: e1NTSEF9…, unicodePwd:: IgBI…)
      boolean assign = c == ':' && s.at(sp + 1) == '=';
      if (c == '=' && s.at(sp + 1) == ' ' && (s.at(ks - 1) == '?' || s.at(ks - 1) == '&')) {
        return -1; // an empty query parameter, GET /?user=&password= HTTP/1.1: not the protocol as its value
      }
      vs = skipSpaces(s, assign || (c == ':' && s.at(sp + 1) == ':') ? sp + 2 : sp + 1);
      if (c == ':' && vs == sp + 2 && emptyGoField(s, ks, vs)) {
        return -1; // Go's %+v of a struct whose field is empty, {Host:db User: Password: DB:0}: the next field's
      }
      if (c == '=' && vs > sp + 1 && RevealLog.keeps(t.type()) && assignmentAt(s, vs)) {
        // an empty value before the next pair, pam's "logname= uid=0 euid=0": not uid=0 as the user (a secret's key
        // still takes it: "password= a=b" may be a password)
        return -1;
      }
      if (assign) {
        radiusUsersEntry(s, ks); // alice   Cleartext-Password := "pw": the entry's user, first on its line
      }
      if (c == '=' && s.at(vs) == '>') {
        vs = skipSpaces(s, vs + 1);
      }
    } else if (sp > p && t.type() == DetectorType.SECRET && !quotedKey && !escaped
        && Bytes.unicodeQuote(s.b, sp, s.hi) > 0) {
      // (session 29) a value in another language's quotes after a blank: mot de passe « x y », Kennwort „x“
      int vq = Bytes.pastInnerBlank(s.b, sp + Bytes.unicodeQuote(s.b, sp, s.hi), s.hi);
      int limit = Math.min(s.hi, vq + MAX_VALUE);
      for (int e = vq; e < limit && s.b[e] != '\n'; e++) {
        if (Bytes.unicodeQuote(s.b, e, s.hi) > 0) {
          int ve = e > vq && s.b[e - 1] == ' ' ? e - 1 : e;
          return accept(s, t, vq, ve);
        }
      }
      return -1;
    } else if (fullWidthSeparator(s, sp)) {
      vs = skipSpaces(s, sp + 3); // (session 29) CJK text's full-width colon and equals sign, 密码：x, パスワード＝x
    } else if (c == '-' && s.at(sp + 1) == '>' && quotedKey && !escaped && s.at(ks - 1) == s.at(p - 1)) {
      vs = skipSpaces(s, sp + 2); // a Scala Map's pair, Map("sfUser" -> "x", "sfPassword" -> "y") (Spark connectors)
    } else if (sp > p && (c == '\'' || c == '"') && t.type() == DetectorType.SECRET && !quotedKey && !escaped
        && !isKubernetesObjectName(s, ks, wordEnd, sp)) {
      vs = sp;
    } else if (sp > p && (c == 'E' || c == 'e') && s.at(sp + 1) == '\'' && t.type() == DetectorType.SECRET
        && !quotedKey && !escaped) {
      vs = sp + 1; // PostgreSQL's escape string, ALTER ROLE bob PASSWORD E'x
    } else if (quotedKey && (c == '\n' || c == '\r') && s.at(ks - 2) == ' ' && s.at(ks - 3) == ')'
        && t.type() == DetectorType.SECRET) {
      return redisReply(s, t, sp); // redis-cli's CONFIG GET requirepass: 1) "requirepass" then 2) "x"
    } else if (sp > p && cli && c != '-' && c != 0 && !Bytes.isSpace(c)
        && !Bytes.startsWith(s.b, sp, s.hi, "via the CLI")) { // docker login's warning "Using --password via the CLI"
      vs = sp;
    } else if (quotedKey && (t.type() == DetectorType.SECRET && (c == '{' || c == '>' || c == 'v' || c == 'V')
        || (t.type() == DetectorType.USERNAME || t.type() == DetectorType.PERSON_NAME) && c == '>'
        || t.type() == DetectorType.USERNAME && (c == 'v' || c == 'V'))) {
      // (a user too: Windows' event XML, <Data Name="TargetUserName">alice</Data>, and a key and value pair, Spring's
      // <property name="username" value="alice"/>, .NET's <add key="DbUser" value="alice"/>)
      return KeyedForms.afterQuotedKey(s, t, ks, p, sp);
    } else if (sp > p && !quotedKey && !escaped && t.type() == DetectorType.AWS_SECRET_KEY && isAwsSecretAt(s, sp)) {
      // aws configure set aws_secret_access_key KEY, rclone's secret_access_key KEY: blank-separated, the key's shape
      return accept(s, t, sp, sp + 40);
    } else if (sp - p >= 2 && !quotedKey && !escaped && c > ' ' && KeyedForms.tableRow(s, ks, sp)) {
      return KeyedForms.tableValue(s, t, sp); // Vault's "password           Hunter2": a key, blanks, a value
    } else if (sp > p && !quotedKey && !escaped && t.type() == DetectorType.SECRET && c > ' ') {
      return KeyedForms.blankSeparated(s, t, ks, wordStart, wordEnd, sp);
    } else if (sp > p && !quotedKey && !escaped && t.type() == DetectorType.USERNAME && c > ' ') {
      return KeyedForms.indentedUser(s, t, ks, wordEnd, sp);
    } else if (!escaped && (c == ',' || c == '\n' || c == '\r' || c == '}')) {
      return KeyedForms.namedValue(s, t, ks, p, sp);
    } else {
      return -1;
    }
    int q = s.at(vs);
    if ((q == 'b' || q == 'B' || q == 'u' || q == 'U') && (s.at(vs + 1) == '\'' || s.at(vs + 1) == '"')) {
      // a Python bytes literal, b'x' (botocore's and http.client's debug dumps of headers), or Python 2's text
      // literal, u'x' (every string of a dict's repr: Ansible's loop items, Salt): the quoted value
      vs++;
      q = s.at(vs);
    } else if (c == '=' && Bytes.isAlpha(q)) {
      int literal = sqlLiteral(s, vs);
      if (literal == SQL_EXPRESSION) {
        return -1; // password = VALUES(password), crypt($2, password_hash): SQL, no value of its own
      }
      if (literal > 0) {
        vs = literal; // password = MD5('x'), crypt('x', gen_salt('bf')), N'x', E'x': the string literal
        q = s.at(vs);
      }
    }
    if (q == '\\' && s.at(vs + 1) == '\'') { // an SQL text quoted again by a log's CSV: password=\'x\'
      int end = Bytes.indexOf(s.b, vs + 2, Math.min(s.hi, vs + 2 + MAX_VALUE), "\\'");
      return end < 0 || Bytes.indexOf(s.b, vs + 2, end, "\n") >= 0 ? -1 : accept(s, t, vs + 2, end);
    }
    int open = q == '\\' ? escapedQuote(s, vs) : 0;
    boolean repr = open == 0 && escapedQuote == 3 && reprQuote(s, vs);
    if (open > 0 || repr) {
      int start = vs + (repr ? 3 : open);
      int end = start;
      int limit = Math.min(s.hi, start + MAX_VALUE);
      while (end < limit && (repr ? !reprQuote(s, end) : escapedQuote(s, end) != open)) {
        end++;
      }
      return end >= limit ? -1 : accept(s, t, start, end);
    }
    if ((q == '"' || q == '\'') && s.at(vs + 1) == q && s.at(vs + 2) == q) {
      // Grafana's password = """x#y;z""" (TOML's, Python's); TOML's literal '''x''', and either over several lines,
      // each line's text a value of its own (the line ends stay)
      int end = tripleQuoteEnd(s, vs + 3, q);
      return end < 0 ? -1 : Bytes.indexOf(s.b, vs + 3, end, "\n") < 0 ? accept(s, t, vs + 3, end)
          : eachLine(s, t, vs + 3, end);
    }
    if (q == 'R' && Bytes.startsWith(s.b, vs, s.hi, "RAW(")) {
      // Apache Camel's RAW(x) in an endpoint URI: the value as it is, & and blanks included, up to its )
      int end = Bytes.indexOf(s.b, vs + 4, Math.min(s.hi, vs + 4 + MAX_VALUE), ")");
      return end < 0 || Bytes.indexOf(s.b, vs + 4, end, "\n") >= 0 ? -1 : accept(s, t, vs + 4, end);
    }
    if (q == '(' && Bytes.isDigit(s.at(vs + 1)) && Bytes.indexOf(s.b, vs, Math.min(s.hi, vs + 12), " bit") > 0) {
      return -1; // OpenSSL's text dump header, "Private-Key: (2048 bit, 2 primes)": the key's size
    }
    if (q == '[' || q == '{') {
      int r = bracketed(s, t, ks, vs);
      if (r != NOT_BRACKETED) {
        return r;
      }
    }
    if (q == '<' && c == '=' && t.type() == DetectorType.USERNAME) {
      return angleBracketed(s, t, vs); // Dovecot's user=<alice>
    }
    if (q == '\'' && s.at(vs + 1) == '\'' && Bytes.isWord(s.at(vs + 2))) {
      // a connection string inside a single-quoted SQL or configuration string, its quotes doubled: PostgreSQL's
      // primary_conninfo = 'user=replicator password=''x'' host=…' (pg_basebackup -R, ALTER SYSTEM)
      int end = Bytes.indexOf(s.b, vs + 2, Math.min(s.hi, vs + 2 + MAX_VALUE), "''");
      return end < 0 || Bytes.indexOf(s.b, vs + 2, end, "\n") >= 0 ? -1 : accept(s, t, vs + 2, end);
    }
    if (q == '"' && s.at(vs + 1) == '{' && s.at(vs + 2) == '\\' && s.at(vs + 3) == '"'
        && t.type() == DetectorType.SECRET) {
      // a JSON document in a secret's string, escaped, is no placeholder: Keycloak's stored credential,
      // "secretData" : "{\"value\":\"<hash>\",\"salt\":\"…\"}", whole
      int end = closingQuote(s, vs + 1, q);
      return end > 0 && s.add(vs + 1, end, t.type()) ? end : -1;
    }
    if (q == '"' || q == '\'') {
      int start = vs + 1;
      int end = closingQuote(s, start, q);
      if (end < 0) {
        return -1;
      }
      if (cli && t.type() == DetectorType.USERNAME) {
        return KeyedForms.userColonPassword(s, t, start, end);
      }
      int r = accept(s, t, start, end);
      if (q == '"' && Bytes.startsWith(s.b, end + 1, s.hi, " -> \"")) {
        // Terraform's plan of a change, password = "old" -> "new": the new value too
        int next = closingQuote(s, end + 6, q);
        if (next > 0) {
          r = Math.max(r, accept(s, t, end + 6, next));
        }
      }
      return r;
    }
    if (c == ':' && (q == '\n' || q == '\r') && KeyedForms.startsLine(s, ks)) {
      // kubectl describe configmap's Data: "KEY:", a line of dashes, the value on the lines after
      int dashes = q == '\r' ? vs + 2 : vs + 1;
      int d = dashes;
      while (s.at(d) == '-' && d - dashes < 16) {
        d++;
      }
      if (d - dashes == 4 && (s.at(d) == '\n' || s.at(d) == '\r')) {
        int v = s.at(d) == '\r' ? d + 2 : d + 1;
        int end = v;
        while (end < s.hi && end - v < MAX_VALUE && s.b[end] != '\n' && s.b[end] != '\r') {
          end++;
        }
        return end == v ? -1 : accept(s, t, v, end);
      }
    }
    if (c == ':' && (q == '|' || q == '>' || q == '!' || q == '&' || q == '\n' || q == '\r')) {
      int r = YamlValues.block(s, t, ks, vs);
      if (r != YamlValues.NOT_A_BLOCK) {
        return r;
      }
    }
    if (cli && t.type() == DetectorType.USERNAME) {
      return KeyedForms.userColonPassword(s, t, vs, unquotedEnd(s, ks, vs));
    }
    int end = unquotedEnd(s, ks, vs);
    if (RevealLog.keeps(t.type())) {
      // a form body at a line's start (username=jane&password=x&remember=1): a kept type's value ends at the next
      // field, or the password would be kept in the reverse map inside the user's value; a secret's value still runs
      // to the line's end there (its own & is no field's start)
      end = formFieldEnd(s, vs, end);
    }
    if (t.type() == DetectorType.PERSON_NAME) {
      int first = vs;
      while (first < end && s.b[first] != ' ') {
        first++;
      }
      // a value cut at its first blank goes on over the name's words; one that runs to the line's end stays whole
      // (fullName: jane doe), unless it must look like a name and does not (name=Jane Doe logged in) or another key
      // follows on the line (GIT_COMMITTER_NAME=Jane Doe LOGNAME=alice)
      if (first == end || (t.has(Trigger.EXACT_KEY) && !looksLikePersonName(s, vs, end)) || nextKeyIn(s, first, end)) {
        end = nameWordsEnd(s, vs, first);
      }
    }
    if (t.type() == DetectorType.STREET_ADDRESS && s.at(end) == ' ') {
      end = addressWordsEnd(s, end);
    } else if (t.type() == DetectorType.MAC) {
      int e = vs; // an address's own bytes, also where a key at a line's start would take the line's rest
      while (e < end && (Bytes.isHex(s.b[e]) || s.b[e] == ':' || s.b[e] == '-' || s.b[e] == '.')) {
        e++;
      }
      end = e;
    } else if (t.type() == DetectorType.NATIONAL_ID || t.type() == DetectorType.BANK_ACCOUNT) {
      // a number's groups, also where a key at a line's start would take the line's rest (nino=AB 12 34 56 C,
      // aadhaar=2345 6789 0123 name=…)
      int blank = vs;
      while (blank < end && s.b[blank] != ' ') {
        blank++;
      }
      end = numberGroupsEnd(s, blank);
      while (end > vs + 1 && (s.b[end - 1] == ',' || s.b[end - 1] == ';')) {
        end--; // (a line of fields: Personnummer: 811218-9876, förnamn: …)
      }
    } else if (t.type() == DetectorType.US_SSN && s.at(end) == ' ' && SsnDetector.spaced(s, vs) > end) {
      end = SsnDetector.spaced(s, vs); // ssn=078 05 1120 in a log line
    }
    return accept(s, t, vs, end);
  }

  /**
   * An unquoted street address cut at a blank goes on over its words ({@code street=12 Rue de Rivoli city=Paris}):
   * up to 8 more, each letters, digits, {@code - ' . # /}, until another key ({@code city=}) or a delimiter.
   */
  private static int addressWordsEnd(Scan s, int end) {
    int p = end;
    for (int words = 0; words < 8 && s.at(p) == ' '; words++) {
      int w = p + 1;
      int we = w;
      while (we < s.hi && we - w < 32 && (Bytes.isAlnum(s.b[we]) || s.b[we] < 0 || s.b[we] == '-' || s.b[we] == '\''
          || s.b[we] == '.' || s.b[we] == '#' || s.b[we] == '/')) {
        we++;
      }
      int after = s.at(we);
      if (we == w || after == '=' || after == ':' || !(after == 0 || after == ' ' || after == ',' || after == ')'
          || after == '}' || after == ']' || after == ';' || after == '|' || after == '\n' || after == '\r')) {
        break;
      }
      p = we;
    }
    return p;
  }

  /** Whether {@code ks} starts a line of a protocol trace: the line's start, or after {@code C: } or {@code > }. */
  private static boolean protocolLineStart(Scan s, int ks) {
    int b = s.at(ks - 1);
    return ks == s.lo || b == '\n' || (b == ' ' && (s.at(ks - 2) == ':' && s.at(ks - 3) == 'C' || s.at(ks - 2) == '>'));
  }

  /**
   * Whether an IMAP command's tag (1-10 letters and digits with a digit among them, A1, a001, KFAB1, at a line's
   * start or after a quote) precedes {@code ks}: not {@code vault login}.
   */
  private static boolean imapTagBefore(Scan s, int ks) {
    if (s.at(ks - 1) != ' ') {
      return false;
    }
    int t = ks - 1;
    boolean digit = false;
    while (t > s.lo && ks - 1 - t < 10 && Bytes.isAlnum(s.b[t - 1])) {
      digit |= Bytes.isDigit(s.b[t - 1]);
      t--;
    }
    if (!digit) {
      return false;
    }
    int b = s.at(t - 1);
    return t < ks - 1 && (t == s.lo || b == '\n' || b == '\'' || b == ' ' && s.at(t - 2) == '>');
  }

  /** {@link #special}'s answer when no special form applies: the key's value is read as usual. */
  private static final int NOT_SPECIAL = Integer.MIN_VALUE;

  /**
   * The key words whose text makes a form of its own (htpasswd, chpasswd, passwd --stdin, Redis ACL, Apache's and
   * Windows' user commands) or rules the key out (a shell's $PWD, ${X:?}, Samba's function name, sudoers' tags, PAM's
   * service groups): their answer, or {@link #NOT_SPECIAL}. (Out of {@link #find}, so that its common path stays a
   * smaller compile.)
   */
  private static int special(Scan s, Trigger t, int ks, int wordEnd, int n1) {
    if (n1 == ' ' && wordEnd - ks == 4 && Bytes.startsWith(s.b, ks, wordEnd, "salt") && KeyedForms.startsLine(s, ks)) {
      return -1; // SaltStack's CLI, salt 'web*' cmd.run …: a target glob
    }
    if (t.type() == DetectorType.SECRET && n1 == ':' && wordEnd - ks == 7
        && (Bytes.startsWithIgnoreCase(s.b, ks - 11, ks, "image pull ")
            || Bytes.startsWithIgnoreCase(s.b, ks - 10, ks, "mountable "))) {
      return -1; // kubectl describe serviceaccount's "Image Pull Secrets:  regcred", "Mountable secrets:": names
    }
    if (t.has(Trigger.SECRET_WORD) && (s.at(ks - 1) == ',' || s.at(ks - 1) == '{')
        && CommandLineDetector.lineMentions(s, ks, "kube_secret_")) {
      return -1; // kube-state-metrics' kube_secret_info{namespace="x",secret="db-password"}: a label, the Secret's name
    }
    if (n1 == ' ' && wordEnd - ks == 4 && Bytes.startsWith(s.b, ks, wordEnd, "PASS") && protocolLineStart(s, ks)) {
      return CommandLineDetector.protocolArguments(s, wordEnd + 1, false); // POP3's PASS pw, also "C: PASS pw"
    }
    if (n1 == ' ' && wordEnd - ks == 5 && Bytes.startsWithIgnoreCase(s.b, ks, wordEnd, "login") && imapTagBefore(s, ks)) {
      return CommandLineDetector.protocolArguments(s, wordEnd + 1, true); // IMAP's a001 LOGIN user pw
    }
    if (wordEnd - ks == 8 && s.at(wordEnd) == ' ' && Bytes.startsWithIgnoreCase(s.b, ks, wordEnd, "htpasswd")) {
      return CommandLineDetector.htpasswd(s, wordEnd); // at its "passwd": no pattern of its own (see TriggerCatalog)
    }
    if (wordEnd - ks == 8 && s.at(wordEnd) <= ' ' && Bytes.startsWithIgnoreCase(s.b, ks, wordEnd, "chpasswd")) {
      return KeyedForms.piped(s, ks, wordEnd, true); // echo 'user:pw' | chpasswd
    }
    if (wordEnd - ks == 8 && s.at(wordEnd) == ':' && Bytes.startsWith(s.b, ks, wordEnd, "chpasswd")) {
      return KeyedForms.cloudInitChpasswd(s, ks, wordEnd + 1); // cloud-init's chpasswd: list: | root:pw
    }
    if (wordEnd - ks == 6 && Bytes.startsWith(s.b, wordEnd, s.hi, " --stdin") && Bytes.startsWith(s.b, ks, s.hi, "passwd")) {
      return KeyedForms.piped(s, ks, wordEnd + 8, false); // echo pw | passwd --stdin user
    }
    if (t.type() == DetectorType.USERNAME && wordEnd - ks == 4 && n1 == ' ' && s.at(ks - 1) == ' '
        && LoginLogDetector.afterApacheCode(s, ks - 1)) {
      return LoginLogDetector.apacheUser(s, wordEnd + 1); // AH01792: user alice: password mismatch
    }
    if (t.type() == DetectorType.USERNAME && wordEnd - ks == 4 && n1 == ' ' && s.at(ks - 1) == ' '
        && CommandLineDetector.afterNet(s, ks)) {
      return CommandLineDetector.netUser(s, wordEnd); // net user alice P@ssw0rd /add
    }
    if (n1 == ' ' && wordEnd - ks == 17 && s.at(ks) == '-' && (Bytes.startsWith(s.b, ks + 1, wordEnd, "createCredential")
        || Bytes.startsWith(s.b, ks + 1, wordEnd, "modifyCredential")) && CommandLineDetector.lineMentions(s, ks, "mkstore")) {
      return CommandLineDetector.mkstoreCredential(s, wordEnd); // mkstore -wrl W -createCredential DB user pw
    }
    if (s.at(ks - 1) == '"' && n1 == ':' && s.at(wordEnd + 1) == '"'
        && Bytes.startsWith(s.b, lineWordStart(s, ks), s.hi, "expect ")) {
      return -1; // expect's prompt, expect "Password:" { send "x\r" }: its answer is CommandLineDetector.expectSend's
    }
    if (n1 == ':' && ks - 7 >= s.lo && Bytes.startsWith(s.b, ks - 7, ks, "static:")) {
      // Postfix's static map, smtp_sasl_password_maps = static:USER:PASSWORD: a user key word in the user's name
      // (relay-user) must not make the password a user, which the reverse map would keep
      int end = KeyedForms.wordEnd(s, wordEnd + 1);
      return end > wordEnd + 1 && KeyedForms.userAndSecret(s, ks, wordEnd, wordEnd + 1, end) ? end : -1;
    }
    if (t.type() == DetectorType.SECRET && s.at(wordEnd + 1) == '/' && Bytes.isWord(s.at(wordEnd + 2))
        && (wordEnd - ks == 11 && s.at(wordEnd) == '=' && Bytes.startsWith(s.b, ks, wordEnd, "credentials")
            || wordEnd - ks == 16 && s.at(wordEnd) == ' ' && Bytes.startsWith(s.b, ks, wordEnd, "--auth-user-pass"))) {
      return -1; // a file that holds them: mount.cifs' -o credentials=/root/.smbcredentials, openvpn's --auth-user-pass
    }
    if (t.type() == DetectorType.SECRET && isShellPwd(s, ks, wordEnd)) {
      return -1;
    }
    if (s.at(ks - 1) == '{' && s.at(ks - 2) == '$' && s.at(wordEnd) == ':' && s.at(wordEnd + 1) == '?') {
      return -1; // ${CLIENT_SECRET:?must be set}: a shell expansion's variable and its error message
    }
    if (wordEnd - ks == 19 && s.at(wordEnd) == ':' && Bytes.startsWith(s.b, ks, wordEnd, "check_ntlm_password")) {
      return -1; // Samba's debug prefix "check_ntlm_password:  Authentication for user [x] …": a function's name
    }
    if (s.at(wordEnd) == ':' && Bytes.startsWith(s.b, wordEnd - 6, wordEnd, "PASSWD") && sudoersCommand(s, wordEnd + 1)) {
      return -1; // sudoers' NOPASSWD: ALL, PASSWD: /usr/bin/x: a tag and the commands it applies to
    }
    if (s.at(ks - 1) == '(' && s.at(wordEnd) == ':' && pamGroupFollows(s, wordEnd + 1)) {
      return -1; // pam_unix(passwd:chauthtok): a PAM service (passwd, password-auth) and its management group
    }
    return NOT_SPECIAL;
  }

  /**
   * An unquoted identity or account number cut at a blank goes on over its groups: up to 8 more, each 1–5 digits or
   * capitals, until another key or a delimiter ({@code sin=046 454 286 dob=…}, not {@code passport=X1 issued by}).
   */
  private static int numberGroupsEnd(Scan s, int end) {
    int p = end;
    for (int groups = 0; groups < 8 && s.at(p) == ' '; groups++) {
      int w = p + 1;
      int we = w;
      while (we < s.hi && we - w < 6 && (Bytes.isDigit(s.b[we]) || Bytes.isUpper(s.b[we]))) {
        we++;
      }
      int after = s.at(we);
      if (we == w || we - w > 5 || !(after == 0 || after == ' ' || after == ',' || after == ')' || after == '}'
          || after == ']' || after == ';' || after == '|' || after == '\n' || after == '\r')
          || (after == ' ' && (s.at(we + 1) == '=' || s.at(we + 1) == ':'))
          || (we - w > 1 && Bytes.digitRun(s.b, w, we, 6) == 0 && !Bytes.isDigit(s.b[we - 1]))) {
        break; // (a word of capitals is the next word, "DNI 12345678Z IBAN …"; one letter is a check letter)
      }
      p = we;
    }
    return p;
  }

  /**
   * Whether {@code [start, end)} is a device's identity: 14 to 22 digits (IMEI, IMSI, ICCID, which may end in an
   * {@code F}), 14 hex digits (MEID), or Apple's UDID (40 hex digits, or 8 and 16 joined by a dash).
   */
  private static boolean isDeviceId(Scan s, int start, int end) {
    int n = end - start;
    int digits = Bytes.digitRun(s.b, start, end, 23);
    if (digits == n || (digits == n - 1 && (s.b[end - 1] | 0x20) == 'f')) {
      return n >= 14 && n <= 22;
    }
    int hex = Bytes.hexRun(s.b, start, end, 41);
    return (hex == n && (n == 14 || n == 40)) || (n == 25 && Bytes.hexRun(s.b, start, end, 9) == 8
        && s.b[start + 8] == '-' && Bytes.hexRun(s.b, start + 9, end, 17) == 16);
  }

  /**
   * An advertising or vendor id (IDFA, IDFV, GAID: a UUID; Android's ANDROID_ID: 16 hex digits), not the zeros a device
   * with ad tracking limited reports.
   */
  private static boolean isAdvertisingId(Scan s, int start, int end) {
    int n = end - start;
    boolean uuid = n == 36 && s.b[start + 8] == '-' && s.b[start + 13] == '-' && s.b[start + 18] == '-'
        && s.b[start + 23] == '-';
    boolean hex16 = n == 16 && Bytes.hexRun(s.b, start, end, 17) == 16;
    return (uuid || hex16) && Bytes.indexOf(s.b, start, start + 8, "00000000") < 0;
  }

  /** Whether at least half of the letters and digits of {@code [start, end)} are digits. */
  private static boolean mostlyDigits(Scan s, int start, int end) {
    int digits = 0;
    int letters = 0;
    for (int p = start; p < end; p++) {
      digits += Bytes.isDigit(s.b[p]) ? 1 : 0;
      letters += Bytes.isAlpha(s.b[p]) ? 1 : 0;
    }
    return digits >= letters;
  }

  /** Whether the digits {@code [start, end)} are a card number (an issuer's length, Luhn-valid). */
  private static boolean isCardNumber(Scan s, int start, int end) {
    int n = end - start;
    if (n < 13 || n > 19) {
      return false;
    }
    byte[] d = java.util.Arrays.copyOfRange(s.b, start, end);
    return CardDetector.issuerLength(d, n) && CardDetector.luhn(d, n);
  }

  /** Whether {@code [ks, wordEnd)} is an environment variable's name: capitals, digits and {@code _}, a word before. */
  private static boolean upperEnvName(Scan s, int ks, int wordEnd) {
    if (wordEnd - ks < 6 || !Bytes.isUpper(s.b[ks])) {
      return false;
    }
    for (int p = ks; p < wordEnd; p++) {
      if (!Bytes.isUpper(s.b[p]) && !Bytes.isDigit(s.b[p]) && s.b[p] != '_') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code [start, end)} looks like a generated key: 16 to 512 bytes of base64, base64url or hex digits
   * ({@code = + / _ -} among letters and digits), with a letter and a digit, not a UUID (a correlation key, kept);
   * also after Laravel's {@code base64:} and a vendor's kind and a dot ({@code ser.}).
   */
  static boolean looksRandom(Scan s, int start, int end) {
    if (Bytes.startsWith(s.b, start, end, "base64:")) {
      start += 7;
    } else if (end - start > 4 && Bytes.isLower(s.b[start]) && (s.at(start + 3) == '.' || s.at(start + 4) == '.')
        && Bytes.isLower(s.b[start + 1]) && Bytes.isLower(s.b[start + 2])) {
      start += s.at(start + 3) == '.' ? 4 : 5; // a vendor's kind before a dot, Flagsmith's ser.<key>
    }
    if (end - start < 16 || end - start > 512) {
      return false;
    }
    boolean digit = false;
    boolean letter = false;
    for (int p = start; p < end; p++) {
      int c = s.b[p];
      digit |= Bytes.isDigit(c);
      letter |= Bytes.isAlpha(c);
      if (!Bytes.isAlnum(c) && c != '=' && c != '+' && c != '/' && c != '_' && c != '-') {
        return false;
      }
    }
    boolean uuid = end - start == 36 && s.b[start + 8] == '-' && s.b[start + 13] == '-' && s.b[start + 18] == '-'
        && s.b[start + 23] == '-';
    return digit && letter && !uuid && Bytes.indexOf(s.b, start, end, "//") < 0;
  }

  /**
   * Whether {@code [start, end)}, a value under an identity or account number's key, looks like one: 4 to 40 bytes of
   * letters, digits and the separators {@code - . /} and blank, beginning and ending with a letter or digit, with at
   * least four digits ({@code QQ123456C}, {@code 1 85 05 78 006 084 36}, {@code 123.456.789-09}, {@code C03005988};
   * not {@code unknown}, {@code true}, {@code N/A}, a count of 3 digits).
   */
  static boolean isIdentifierValue(Scan s, int start, int end) {
    if (end - start < 4 || end - start > 40 || !Bytes.isAlnum(s.b[start]) || !Bytes.isAlnum(s.b[end - 1])) {
      return false;
    }
    int digits = 0;
    for (int p = start; p < end; p++) {
      int c = s.b[p];
      if (Bytes.isDigit(c)) {
        digits++;
      } else if (!Bytes.isAlpha(c) && c != '-' && c != '.' && c != '/' && c != ' ') {
        return false;
      }
    }
    return digits >= 4;
  }

  /** What a {@code …DisplayName} key may name other than a person (Entra ID, Azure, Okta, Keycloak objects). */
  private static final String[] THING_DISPLAY_NAMES = {"app", "application", "resource", "service", "serviceprincipal",
      "device", "group", "role", "policy", "tenant", "org", "organization", "team", "channel", "site", "product",
      "plan", "client", "package", "module", "provider", "idp", "realm", "workspace", "project", "subscription"};

  /**
   * Whether the key's part before its key word, {@code [from, to)}, ends with one of {@code words} (lower case), its
   * separators ({@code . _ -}) ignored and the words' first letters as a camel-case boundary or after a separator.
   */
  private static boolean keyPrefixEndsWith(Scan s, int from, int to, String... words) {
    int e = to;
    while (e > from && (s.b[e - 1] == '.' || s.b[e - 1] == '_' || s.b[e - 1] == '-')) {
      e--;
    }
    for (String w : words) {
      int b = e - w.length();
      if (b >= from && Bytes.startsWithIgnoreCase(s.b, b, e, w)
          && (b == from || !Bytes.isAlpha(s.b[b - 1]) || Bytes.isUpper(s.b[b]) && !Bytes.isUpper(s.b[b - 1]))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasDigit(Scan s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (Bytes.isDigit(s.b[p])) {
        return true;
      }
    }
    return false;
  }

  static boolean hasLetter(Scan s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (Bytes.isAlpha(s.b[p]) || s.b[p] < 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a blank, a word and {@code =} (another key) come in {@code [from, to)}. */
  private static boolean nextKeyIn(Scan s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (s.b[p] == ' ') {
        int w = p + 1;
        while (w < to && (Bytes.isWord(s.b[w]) || s.b[w] == '.' || s.b[w] == '-')) {
          w++;
        }
        if (w > p + 1 && w < to && s.b[w] == '=') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The end of an unquoted person's name whose first word ends at {@code end}: the words after it, one blank apart,
   * each capitalised (or a surname particle before one), up to four in all, as toString() dumps write them
   * ({@code Customer(id=42, name=Jane Doe, email=…)}, Go's {@code Name:Jane Doe}, NLog's {@code Name=Jane Doe,}); a
   * word that is the next key ({@code Email=}, {@code Phone:}) ends the name before it.
   */
  private static int nameWordsEnd(Scan s, int vs, int end) {
    int words = 1;
    int p = end;
    while (words < 4 && s.at(p) == ' ') {
      int w = p + 1;
      int c = s.at(w);
      int we = w;
      while (we < s.hi && we - w < 32 && (Bytes.isAlpha(s.b[we]) || s.b[we] < 0 || s.b[we] == '-' || s.b[we] == '\'')) {
        we++;
      }
      int after = s.at(we);
      if (we == w || after == '=' || after == ':' || !(Bytes.isUpper(c) || c >= 0x80 || isSurnameParticle(s, w, we))) {
        break;
      }
      if (!(after == 0 || after == ' ' || after == ',' || after == ')' || after == '}' || after == ']' || after == ';'
          || after == '|' || after == '\n' || after == '\r' || after == '&' || after == '"')) {
        break;
      }
      words++;
      p = we;
    }
    return p;
  }

  private static final int NOT_BRACKETED = Integer.MIN_VALUE;

  /**
   * SQL Server's JDBC and ODBC quoting of a connection string's value, {@code ;password={Str0ng;Pw};}, {@code
   * ;PWD={x}}: the text between the braces, in a {@code ;}-separated string (a {@code ;} before the key or after the
   * value), when it holds no quote, colon, brace or blank (a JSON object, a template {@code {{ x }}} or {@code {X}},
   * Spring's {@code {noop}x} are not this) and {@code ;}, a quote or the line's end follows; else not bracketed.
   */
  private static int bracedLiteral(Scan s, Trigger t, int ks, int vs) {
    int close = vs + 1;
    while (close < s.hi && close - vs <= MAX_VALUE) {
      int c = s.b[close];
      if (c == '}') {
        break;
      }
      if (c == '"' || c == '\'' || c == ':' || c == '{' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        return NOT_BRACKETED;
      }
      close++;
    }
    int after = s.at(close + 1);
    if (s.at(close) != '}' || close == vs + 1 || !(after == ';' || s.at(ks - 1) == ';')
        || !(after == ';' || after == '"' || after == '\'' || after == '\n' || after == '\r' || after == 0)) {
      return NOT_BRACKETED;
    }
    return accept(s, t, vs + 1, close);
  }

  /**
   * A JSON list of strings pretty-printed, one element per line after the line of its {@code [} ({@code vault
   * operator init -format=json}'s {@code "unseal_keys_b64": [}, then {@code "x",} lines): each element, up to the
   * {@code ]}; -1 when an element is no string.
   */
  private static int prettyList(Scan s, Trigger t, int from) {
    int r = -1;
    int p = from;
    for (int k = 0; k < 64; k++) {
      while (p < s.hi && p - from < MAX_VALUE && Bytes.isSpace(s.b[p])) {
        p++;
      }
      int q = s.at(p);
      if (q == ']') {
        return r;
      }
      int ce = q == '"' ? closingQuote(s, p + 1, q) : -1;
      if (ce < 0) {
        return r;
      }
      if (ce > p + 1 && !isMask(s, p + 1, ce) && accept(s, t, p + 1, ce) > 0) {
        r = ce + 1;
      }
      p = skipSpaces(s, ce + 1);
      if (s.at(p) != ',') {
        return r;
      }
      p++;
    }
    return r;
  }

  /**
   * A value in brackets or an object of one {@code "value"}: Spring's request details and Go's header maps write a
   * key's values as a list, {@code password:[Hunter2]}, {@code X-Api-Key:[0123…]}, {@code "X-Auth-Token":["abc…"]}
   * (one value or several: all of it); Spring Boot's {@code /actuator/env} puts it one level down,
   * {@code "DB_PASSWORD":{"value":"…","origin":…}}. Nested structures, empty lists and masks ({@code [PROTECTED]},
   * {@code [REDACTED]}, {@code [hidden]}) stay; anything else in braces is no value of this key.
   *
   * @return the end of the value recorded, -1, or {@link #NOT_BRACKETED} when it is neither form
   */
  private static int bracketed(Scan s, Trigger t, int ks, int vs) {
    int in = skipSpaces(s, vs + 1);
    if (s.at(vs) == '{') {
      while ((s.at(in) == '\n' || s.at(in) == '\r') && in - vs < 256) {
        in = skipSpaces(s, in + 1); // pretty-printed: "MAIL_PASSWORD": {, then "value": "x" on the next line
      }
      // "value": Spring Boot's actuator; "name" of a user object: Winlogbeat's and ECS's "user":{"name":"alice"}
      int field = Bytes.startsWith(s.b, in, s.hi, "\"value\"") ? 7
          : t.type() == DetectorType.USERNAME && Bytes.startsWith(s.b, in, s.hi, "\"name\"") ? 6 : 0;
      if (field == 0) {
        return bracedLiteral(s, t, ks, vs);
      }
      int colon = skipSpaces(s, in + field);
      int vq = s.at(skipSpaces(s, colon + 1));
      if (s.at(colon) != ':' || vq != '"') {
        return -1;
      }
      int start = skipSpaces(s, colon + 1) + 1;
      int end = closingQuote(s, start, vq);
      return end < 0 ? -1 : accept(s, t, start, end);
    }
    if (s.at(in) == '\n' || s.at(in) == '\r') {
      return prettyList(s, t, in);
    }
    int close = in;
    while (close < s.hi && close - vs < MAX_VALUE && s.b[close] != ']' && s.b[close] != '\n') {
      if (s.b[close] == '[' || s.b[close] == '{') {
        return -1;
      }
      close++;
    }
    if (s.at(close) != ']') {
      return -1;
    }
    int start = in;
    int end = close;
    while (end > start && (s.b[end - 1] == ' ' || s.b[end - 1] == '\t')) {
      end--;
    }
    int q = s.at(start);
    if (q == '"' || q == '\'') { // ["a"] or ["a", "b"]: each quoted element
      int r = -1;
      int e = start;
      while (e < end && s.b[e] == q) {
        int ce = closingQuote(s, e + 1, q);
        if (ce < 0 || ce >= end) {
          return r;
        }
        if (ce > e + 1 && !isMask(s, e + 1, ce) && accept(s, t, e + 1, ce) > 0) {
          r = close + 1;
        }
        e = skipSpaces(s, ce + 1);
        if (s.at(e) != ',') {
          break;
        }
        e = skipSpaces(s, e + 1);
      }
      return r;
    }
    if (end <= start || isMask(s, start, end)) {
      return -1;
    }
    int r = accept(s, t, start, end);
    return r < 0 ? -1 : close + 1;
  }

  /** Whether the value is a mask of {@link #MASKS} in brackets, parentheses or full-width parentheses. */
  private static boolean bracketedMask(Scan s, int start, int end) {
    int open = (s.b[start] & 0xFF) == 0xEF ? (s.at(start + 1) == 0xBC && s.at(start + 2) == 0x88 ? 3 : 0) : 1;
    int close = end - 1;
    int closeLen = s.b[close] == ')' || s.b[close] == ']' ? 1
        : end - start >= 3 && s.at(end - 3) == 0xEF && s.at(end - 2) == 0xBC && s.at(end - 1) == 0x89 ? 3 : 0;
    if (closeLen == 0 && (s.at(end) == ')' || s.at(end) == ']')) {
      return open > 0 && end - start > open && isMask(s, start + open, end); // the value stopped at its bracket
    }
    return open > 0 && closeLen > 0 && end - start > open + closeLen && isMask(s, start + open, end - closeLen);
  }

  private static final String[] MASKS =
      {"protected", "redacted", "filtered", "hidden", "masked", "secure", "local", "unknown",
          // (session 29) the same in other languages: [OCULTA], [VERBORGEN], [MASQUÉ], [NASCOSTA], [СКРЫТО]
          "oculta", "oculto", "verborgen", "geschützt", "geschuetzt", "maskiert", "masqué", "masque", "caché",
          "cache", "nascosta", "nascosto", "protegido", "protegida", "verborgen", "ukryte", "skryto", "скрыто",
          "gizli", "redactado", "redactada", "oculto", "piilotettu", "piilotettu", "dold", "skjult", "숨김", "已隱藏",
          "已隐藏", "隐藏", "隱藏", "非表示", "伏せ字", "مخفية", "مخفي", "מוסתר", "מוסתרת", "κρυφός", "κρυφό", "ẩn",
          "tersembunyi", "disembunyikan"};

  /**
   * Whether the value is a mask another program wrote in its place ({@code PROTECTED} of Spring Security), or
   * PostgreSQL's {@code [local]}/{@code [unknown]} (no user, no host).
   */
  private static boolean isMask(Scan s, int start, int end) {
    for (byte[] m : MASK_BYTES) {
      if (end - start == m.length && Bytes.equalsFolded(s.b, start, m)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #MASKS} in UTF-8, each also in the spellings ASCII folding does not join (MASQUÉ). */
  private static final byte[][] MASK_BYTES = java.util.Arrays.stream(MASKS)
      .flatMap(m -> LocalizedKeys.spellings(m).stream()).distinct()
      .map(m -> m.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);


  /**
   * A user name in angle brackets after {@code =}, Dovecot's login lines ({@code imap-login: Login: user=<alice>,
   * method=PLAIN, rip=…}, {@code auth failed … user=<alice>}; its default {@code login_log_format_elements}): the
   * name inside, when a {@code >} closes it before a blank; {@code <>} (no user given) stays, and so does what a
   * redaction wrote there, {@code user=<<user:1a2b3c4d>>} (a {@code <} starts no name).
   */
  private static int angleBracketed(Scan s, Trigger t, int vs) {
    if (s.tokenEnd(vs) > vs) {
      return -1; // user=<user:1a2b3c4d>: a token of an earlier redaction
    }
    int start = vs + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] != '>' && s.b[end] != '<' && (s.b[end] & 0xFF) > ' ') {
      end++;
    }
    if (end == start || s.at(end) != '>') {
      return -1;
    }
    int at = Bytes.indexOf(s.b, start, end, "@");
    if (at > start && Bytes.indexOf(s.b, at, end, ".") > at) {
      return -1; // user=<alice@example.com>: an e-mail address, the e-mail detector's (one token wherever it is)
    }
    int r = accept(s, t, start, end);
    return r < 0 ? -1 : end + 1;
  }

  private static final int SQL_EXPRESSION = -2;

  private static final java.util.Set<String> STATUS_WORDS = java.util.Set.of("success", "successful", "succeeded",
      "failed", "failure", "fail", "ok", "error", "denied", "required", "disabled", "enabled", "pending", "expired",
      "invalid", "unknown", "anonymous", "anonymoususer", "guest", "system", "none", "empty");

  private static final String[] STATE_LEADS = {"not ", "is ", "was ", "nicht ", "ist ", "non ", "no ", "est "};

  private static final java.util.Set<String> STATE_WORDS = java.util.Set.of("refreshed", "expired", "revoked",
      "rotated", "changed", "updated", "reset", "missing", "required", "invalid", "valid", "accepted", "rejected",
      "configured", "unset", "present", "absent", "generated", "created", "deleted", "verified", "mismatch",
      "unexpected", // (containerd's "failed to fetch oauth token: unexpected status: 401")
      // (session 29) the same in localized messages (Passwort: abgelaufen, mot de passe : expiré, senha: expirada)
      "abgelaufen", "geändert", "geaendert", "zurückgesetzt", "gesetzt", "falsch", "ungültig", "ungueltig",
      "erforderlich", "fehlt", "gültig", "korrekt", "gesperrt", "expiré", "modifié", "réinitialisé", "incorrect",
      "invalide", "requis", "obligatoire", "manquant", "défini", "caducada", "expirada", "cambiada", "incorrecta",
      "inválida", "requerida", "obligatoria", "alterada", "incorreta", "obrigatória", "definida", "scaduta",
      "cambiata", "errata", "verlopen", "gewijzigd", "onjuist", "ongeldig", "verplicht",
      // a policy's words after its colon (Criteri password: lunghezza minima 12)
      "lunghezza", "longitud", "longueur", "comprimento", "mindestens", "minimum", "minimal", "minimo", "mínimo",
      "minima", "lengte", "länge",
      // sent, not set (Reimpostazione password: inviata, 管理员密码：未设置)
      "inviata", "inviato", "enviada", "enviado", "envoyé", "envoyée", "gesendet", "verschickt", "verzonden",
      "未设置", "未設置", "未設定", "미설정");

  /**
   * Whether a secret key's value is prose about it, not it: {@code token: refreshed}, {@code Invalid token:
   * expired}, {@code password: changed}, {@code Secret: not configured} (a state word, alone or after {@code not},
   * {@code is}, {@code was}). A password that is such a word is left, the price of not replacing these lines' words.
   */
  private static boolean isStateWord(Scan s, int start, int end) {
    int w = start;
    for (String lead : STATE_LEADS) {
      if (Bytes.startsWithIgnoreCase(s.b, start, end, lead)) {
        w = start + lead.length();
      }
    }
    int e = w;
    while (e < end && (Bytes.isAlpha(s.b[e]) || s.b[e] < 0)) {
      e++;
    }
    return e == end && e - w >= 3 && e - w <= 16 && STATE_WORDS.contains(
        new String(s.b, w, e - w, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT));
  }

  /** A user's name as an identifier's value: see {@link Trigger#NAME_ID}. */
  static boolean isNameId(Scan s, int start, int end) {
    if (end - start > 64 || end - start < 2 || (s.b[start] == '0' && (s.b[start + 1] | 0x20) == 'x')) {
      return false;
    }
    boolean letter = false;
    boolean asciiLetter = false;
    boolean nonHex = false;
    for (int p = start; p < end; p++) {
      int c = s.b[p];
      if (c == ' ' || c == ':' || c == '\t') {
        return false;
      }
      letter |= Bytes.isAlpha(c) || c < 0;
      asciiLetter |= Bytes.isAlpha(c);
      nonHex |= !(Bytes.isHex(c) || c == '-');
    }
    if (!asciiLetter && Bytes.isDigit(s.b[start])) {
      return false; // (session 29) a count and its CJK counter word, 사용자: 913명, 5件: no name
    }
    return letter && nonHex && !isClassName(s, start, end) && !isPrefixedId(s, start, end)
        && !(end - start <= 16 && STATUS_WORDS.contains(new String(s.b, start, end - start,
            java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * A record's id rather than a login: a short kind, a separator and digits ({@code u_2048}, {@code U-88301}); a kind
   * and an opaque id of capitals and digits ({@code usr_01HRXC9Z2K}, a ULID); a GraphQL global id, base64 of
   * {@code User:…} ({@code VXNlcjoy…}).
   */
  private static boolean isPrefixedId(Scan s, int start, int end) {
    if (Bytes.startsWith(s.b, start, end, "VXNlcjo")) {
      return true;
    }
    int p = start;
    while (p < end && p - start <= 5 && Bytes.isAlpha(s.b[p])) {
      p++;
    }
    if (p == start || p - start > 5 || p + 1 >= end || (s.b[p] != '_' && s.b[p] != '-')) {
      return false;
    }
    int tail = p + 1;
    int digits = 0;
    for (int q = tail; q < end; q++) {
      int c = s.b[q];
      if (Bytes.isDigit(c)) {
        digits++;
      } else if (!Bytes.isUpper(c)) {
        return false;
      }
    }
    return digits == end - tail || (end - tail >= 10 && digits >= 2);
  }

  /**
   * A Java class's qualified name, {@code org.springframework.security.core.userdetails.User} (Spring Security's
   * {@code Principal=…User [Username=…]}): three dotted parts or more, the packages lower-case, the last capitalised.
   */
  private static boolean isClassName(Scan s, int start, int end) {
    int lastDot = -1;
    int dots = 0;
    for (int p = start; p < end; p++) {
      if (s.b[p] == '.') {
        dots++;
        lastDot = p;
      }
    }
    return dots >= 2 && Bytes.isLower(s.b[start]) && lastDot + 1 < end && Bytes.isUpper(s.b[lastDot + 1]);
  }

  /**
   * Whether a value is a Java object's {@code toString()}, {@code org.springframework….AnonymousAuthenticationToken@9055c2bc:
   * Principal: …} (Spring Security's "anonymous token: '…'"): a class name, {@code @} and a hash, no credential of its
   * own (its members are keys of their own, looked at as the pass goes on).
   */
  private static boolean isObjectString(Scan s, int start, int end) {
    int p = start;
    int dots = 0;
    while (p < end && p - start < 160 && (Bytes.isAlnum(s.b[p]) || s.b[p] == '.' || s.b[p] == '$' || s.b[p] == '_')) {
      dots += s.b[p] == '.' ? 1 : 0;
      p++;
    }
    return dots >= 2 && Bytes.isLower(s.b[start]) && s.at(p) == '@' && Bytes.hexRun(s.b, p + 1, end, 17) >= 4;
  }

  /**
   * After an element's name, at the blank before its attributes: the {@code >} that ends its start tag (quoted values
   * skipped), on the same line and within 1 KiB; {@code p} itself (no {@code >} there) for a self-closing or cut tag.
   */
  private static int attributesEnd(Scan s, int p) {
    int limit = Math.min(s.hi, p + 1024);
    for (int q = p; q < limit; q++) {
      int c = s.b[q];
      if (c == '"' || c == '\'') {
        int close = closingQuote(s, q + 1, c);
        if (close < 0) {
          return p;
        }
        q = close;
      } else if (c == '>') {
        return s.b[q - 1] == '/' ? p : q;
      } else if (c == '\n' || c == '<') {
        return p;
      }
    }
    return p;
  }

  private static boolean isIdentifier(Scan s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!Bytes.isAlnum(s.b[p]) && s.b[p] != '_') {
        return false;
      }
    }
    return true;
  }

  /**
   * After {@code key =}, at a letter: where an SQL string literal that is the value starts (at its quote): a prefixed
   * literal ({@code N'x'} of SQL Server, {@code E'x'} of PostgreSQL) or a function's first argument
   * ({@code MD5('x')}, {@code crypt('x', gen_salt('bf'))}, {@code ENCRYPT('x', …)}); {@link #SQL_EXPRESSION} for a
   * function of no literal ({@code VALUES(password)}, {@code crypt($2, password_hash)}, {@code MD5(?)}); else 0.
   */
  private static int sqlLiteral(Scan s, int vs) {
    int q = s.at(vs + 1);
    if ((q == '\'') && (s.at(vs) == 'N' || s.at(vs) == 'E' || s.at(vs) == 'e' || s.at(vs) == 'n')) {
      return closingQuote(s, vs + 2, '\'') > vs + 2 ? vs + 1 : 0; // (not a password N'importe…)
    }
    int p = vs;
    boolean upper = true;
    while (p - vs < 32 && (Bytes.isAlnum(s.at(p)) || s.at(p) == '_')) {
      upper &= !Bytes.isLower(s.at(p));
      p++;
    }
    if (s.at(p) != '(' || p - vs < 3) {
      return 0;
    }
    int a = skipSpaces(s, p + 1);
    int c = s.at(a);
    if (c == '\'') {
      return closingQuote(s, a + 1, '\'') > a + 1 ? a : 0;
    }
    boolean sqlName = upper || Bytes.startsWith(s.b, vs, p, "crypt") || Bytes.startsWith(s.b, vs, p, "md5")
        || Bytes.startsWith(s.b, vs, p, "sha");
    int e = a;
    while (e - a < 64 && (Bytes.isAlnum(s.at(e)) || s.at(e) == '_' || s.at(e) == '$' || s.at(e) == ':' || s.at(e) == '?')) {
      e++;
    }
    // (an unquoted argument, ?, $2 or :name, then , or ): no value here; a password like Hunter(x) is not all capitals)
    return sqlName && e > a && (s.at(e) == ')' || s.at(e) == ',') ? SQL_EXPRESSION : 0;
  }

  /** Whether {@code \x22} (nginx's escape of a quote in its access log) ends just before {@code p}. */
  private static boolean afterHexQuote(Scan s, int p) {
    return s.at(p - 1) == '2' && s.at(p - 2) == '2' && s.at(p - 3) == 'x' && s.at(p - 4) == '\\';
  }

  /**
   * Whether {@code p} starts <code>&#92;&#92;"</code>, two backslashes and a quote after no third: an escaped quote
   * whose backslash was doubled again by a Python {@code repr} (in JSON alone it would end a string after an escaped
   * backslash, so the key's both sides must have it).
   */
  private static boolean reprQuote(Scan s, int p) {
    return s.at(p) == '\\' && s.at(p + 1) == '\\' && s.at(p + 2) == '"' && s.at(p - 1) != '\\';
  }

  /**
   * The length of the escaped quote at {@code p}: an odd run of backslashes and a {@code "} (<code>&#92;"</code> of
   * JSON inside a JSON string, <code>&#92;&#92;&#92;"</code> of JSON inside that again, as log pipelines nest them),
   * or nginx's <code>&#92;x22</code>; else 0.
   */
  static int escapedQuote(Scan s, int p) {
    if (s.at(p) == '\\' && s.at(p + 1) == 'x' && s.at(p + 2) == '2' && s.at(p + 3) == '2') {
      return 4; // nginx writes a logged request body's quotes as \x22 (log_format without escape=json)
    }
    int n = 0;
    while (s.at(p + n) == '\\' && n < 15) {
      n++;
    }
    return n % 2 == 1 && s.at(p + n) == '"' ? n + 1 : 0;
  }

  /** Whether a sudoers command list starts at {@code p} (after blanks): {@code ALL}, a path, or another tag. */
  private static boolean sudoersCommand(Scan s, int p) {
    int c = s.at(skipSpaces(s, p));
    int q = skipSpaces(s, p);
    return c == '/' || (Bytes.startsWith(s.b, q, s.hi, "ALL") && !Bytes.isWord(s.at(q + 3)))
        || (Bytes.isUpper(c) && Bytes.isUpper(s.at(q + 1)) && s.at(KeyedForms.wordEnd(s, q) - 1) == ':');
  }

  /**
   * Whether the {@code ::} at {@code sp} is LDIF's: the key at its line's start, a blank and a base64 value (not a
   * C++ or Rust path).
   */
  private static boolean ldifBase64(Scan s, boolean quoted, int ks, int sp) {
    return !quoted && (ks == s.lo || s.b[ks - 1] == '\n') && s.at(sp + 2) == ' '
        && Base64SecretDetector.isBase64(s.at(sp + 3));
  }

  /** A card's security code after its key and one blank: three or four digits, a word of their own; or -1. */
  private static int cardCode(Scan s, Trigger t, int start) {
    int end = start;
    while (Bytes.isDigit(s.at(end)) && end - start < 5) {
      end++;
    }
    int n = s.at(end);
    return end - start >= 3 && end - start <= 4 && !Bytes.isWord(n) && !(n == '.' || n == '-' || n == '/' || n == ':')
        ? accept(s, t, start, end) : -1;
  }

  /** Whether the key at {@code ks} is the {@code secret} of a Secrets Manager ARN ({@code …:secret:NAME}). */
  static boolean inSecretsManagerArn(Scan s, int ks) {
    return s.at(ks - 1) == ':' && Bytes.indexOf(s.b, Math.max(s.lo, ks - 48), ks, ":secretsmanager:") >= 0;
  }

  static int accept(Scan s, Trigger t, int start, int end) {
    if (end <= start || isPlaceholder(s, start, end)) {
      return -1;
    }
    if (t.type() != DetectorType.SECRET) {
      end = fieldEnd(s, start, end);
    }
    if (s.at(end) == ' ' && s.at(end + 1) == '=' && s.at(end + 2) == ' ' && Bytes.isAlpha(s.b[start])) {
      return -1; // the next pair's key: Cisco ASA's "reason = Invalid password : server = 10.1.1.50 : user = x"
    }
    if ((t.has(Trigger.BASE64_USER_PASSWORD) && !AuthHeaderDetector.isBase64UserPassword(s.b, start, end))
        || (t.has(Trigger.LONG_VALUE) && end - start < Trigger.LONG)
        || (t.has(Trigger.PATH_NAMES_IT) && namesASecret(s, start, end))
        || isByteCount(s, start, end) || isKubernetesObjectRef(s, t, start, end)
        || (t.has(Trigger.PLURAL) && startsWithCount(s, start, end)) || isGoPathError(s, start)
        || (t.has(Trigger.COLON_PAIR) && Bytes.indexOf(s.b, start + 1, end - 1, ":") < 0)
        || (t.has(Trigger.RANDOM_VALUE) && !looksRandom(s, start, end))
        || (t.has(Trigger.PIN_DIGITS) && (end - start < 4 || end - start > 8
            || Bytes.digitRun(s.b, start, end, 9) != end - start))
        || namesOrPointsAt(s, t, start, end)
        || (t.type() == DetectorType.SECRET && (isSentenceStart(s, start, end) || isValidationMessage(s, start, end)
            || isGraphqlType(s, start, end) || isFetchMode(s, start, end) || isPostmanToken(s, start, end)
            || isCodeExpression(s, start, end)))) {
      return -1; // names, sizes, references, counts and prose, not values (see each check)
    }
    DetectorType type = t.type();
    switch (type) {
      case US_SSN:
        int e = SsnDetector.dashed(s, start);
        if (e != end && SsnDetector.bare(s, start) != end && SsnDetector.spaced(s, start) != end) {
          return -1;
        }
        break;
      case IBAN:
        if (!IbanDetector.isValue(s, start, end)) {
          return -1;
        }
        break;
      case USERNAME:
        if (isSystemAccount(s, start, end) || (end - start <= 2 && s.b[start] == '-' && s.b[end - 1] == '-')) {
          return -1; // (Windows' events write "-" for no user, Nextcloud "--")
        }
        if (end > start && s.b[end - 1] == '(') {
          return -1; // a call, MongoDB's userId: UUID('…'), no name
        }
        if (Bytes.isUpper(s.at(start)) && Bytes.isUpper(s.at(start + 1))) {
          int p = start + 2;
          while (p < end && (Bytes.isUpper(s.b[p]) || s.b[p] == '_')) {
            p++;
          }
          if (s.at(p) == '=') {
            return -1; // the next pair, sudo's "ec2-user : TTY=pts/0 ; …" after a built-in account's "-user"
          }
        }
        if (s.at(start - 1) == ':' && Bytes.isAlpha(s.at(start - 2))
            && (Bytes.digitRun(s.b, start, end, end - start + 1) == end - start
                || Bytes.indexOf(s.b, start, end, ":") > 0)) {
          return -1; // a key's namespace, Redis' "user:1001", "user:profile:42": an id or a path, not a name
        }
        if (t.has(Trigger.COLON_LABEL)) {
          if (holdsPasswordWord(s, start, end)) {
            // (session 29) a chat's speaker label, 用户：我的密码是x ("my password is x"): a secret, never a user the
            // reverse map would keep
            type = DetectorType.SECRET;
            break;
          }
          int before = start - 1;
          while (before > s.lo && s.b[before] == ' ') {
            before--;
          }
          if ((s.at(before) == ':' || s.at(before) == 0x9A && s.at(before - 1) == 0xBC) && s.at(end) == ' '
              && (Bytes.isAlpha(s.at(end + 1)) || s.at(end + 1) >= 0x80)) {
            return -1; // a speaker's sentence, utilisateur : mon mot de passe …, usuário: Oi tudo bem: no login
          }
        }
        if (t.has(Trigger.NAME_ID) && !isNameId(s, start, end)) {
          return -1;
        }
        if ((end - start <= 2 && Bytes.digitRun(s.b, start, end, 3) == end - start)
            || (end - start == 5 && Bytes.startsWith(s.b, start, end, "email"))
            || (s.at(start - 6) == ':' && Bytes.startsWithIgnoreCase(s.b, start - 5, start, "user:"))) {
          return -1; // Google's account index (authuser=0), GitHub's scope user:email, a SCIM URN's …:User:nationalId
        }
        if (s.b[start] == '-' || (end - start == 8 && Bytes.startsWith(s.b, start, end, "Security")
            && Bytes.startsWith(s.b, end, s.hi, " ID:"))) {
          return -1; // FreeRADIUS' default value, %{User-Name:-None}; Windows' "User: Security ID:" (the next label)
        }
        if (s.at(start - 6) == ';' && (Bytes.startsWith(s.b, start, end, "phone") || Bytes.startsWith(s.b, start, end, "ip")
            || Bytes.startsWith(s.b, start, end, "dialstring"))) {
          return -1; // a SIP URI's parameter, sip:+14155552671@carrier;user=phone: the number's kind
        }
        if (end - start >= 32 && looksRandom(s, start, end) && Bytes.indexOf(s.b, start, end, "-") < 0) {
          type = DetectorType.SECRET; // an API key as the user of basic auth (BambooHR's user=<key> password=x)
        } else if (t.has(Trigger.DIGITS_ARE_ACCOUNT) && end - start >= 6
            && Bytes.digitRun(s.b, start, end, 20) == end - start && !isCardNumber(s, start, end)) {
          type = DetectorType.BANK_ACCOUNT; // (a card's number is the card detector's, which wins over a user)
        }
        break;
      case PERSON_NAME:
        if (t.has(Trigger.EXACT_KEY) && (!looksLikePersonName(s, start, end) || namesSoftware(s, start))) {
          return -1;
        }
        break;
      case PHONE:
        if (!looksLikePhoneValue(s, start, end)) {
          return -1;
        }
        break;
      case BIRTH_DATE:
        if (end - start > 32 || !hasDigit(s, start, end)) {
          return -1; // a date has a digit: not "unknown", not a format's name
        }
        break;
      case STREET_ADDRESS:
        if (end - start < 3 || !hasLetter(s, start, end)) {
          return -1;
        }
        break;
      case MAC:
        if (!MacDetector.isValue(s, start, end)) {
          return -1;
        }
        break;
      case DEVICE_ID:
        if (!isDeviceId(s, start, end)
            && !(TriggerCatalog.AD_ID_KEYS.contains(t.text()) && isAdvertisingId(s, start, end))) {
          return -1;
        }
        break;
      case NATIONAL_ID:
      case BANK_ACCOUNT:
        if (!isIdentifierValue(s, start, end) || (type == DetectorType.BANK_ACCOUNT && !mostlyDigits(s, start, end))) {
          return -1; // (a bank account's number is mostly digits: GoCardless' record id BA000789MNOPQR is none)
        }
        break;
      case SECRET:
      case AWS_SECRET_KEY:
        if (end - start == 1 && (s.b[start] == '0' || (s.b[start] == '1' && start - 15 >= s.lo
            && Bytes.startsWithIgnoreCase(s.b, start - 15, start, "usingpassword=\"")))) {
          // a flag, MongoDB's projection { password: 0 } (the field left out), Asterisk's UsingPassword="1": not a
          // one-digit password
          return -1;
        }
        if (Bytes.startsWith(s.b, start, end, "pk_live_") || Bytes.startsWith(s.b, start, end, "pk_test_")) {
          return -1; // (session 30) Stripe's publishable key, public by design, under a key that names a secret
        }
        if (isCredentialCmdlet(s, start, end)) {
          return -1; // $pw = ConvertTo-SecureString 'x' …: the cmdlet's argument is the secret (LoginLogDetector)
        }
        if (Bytes.startsWith(s.b, start, end, "-----BEGIN ") || Bytes.startsWithIgnoreCase(s.b, start, end, "bearer ")
            || Bytes.startsWithIgnoreCase(s.b, start, end, "basic ")) {
          return -1; // the PEM and Authorization detectors take these
        }
        if (end - start >= 64 && Bytes.startsWith(s.b, start, end, "LS0tLS1CRUdJTi")
            && Base64SecretDetector.holdsPemPrivateKey(s.b, start, end)) {
          return -1; // base64 of a PEM private key (a kubeconfig's client-key-data): Base64SecretDetector names it
        }
        if (isYesOrNo(s, start, end) || isObjectString(s, start, end) || isStateWord(s, start, end)) {
          return -1;
        }
        if (t.has(Trigger.AFTER_SLASH)) {
          int slash = Bytes.indexOf(s.b, start, end, "/");
          if (slash >= 0) {
            start = slash + 1;
            if (start == end) {
              return -1;
            }
          }
        }
        break;
      default:
        break;
    }
    return s.add(start, end, type) ? end : -1;
  }

  /**
   * Objects whose {@code name} is a product's, not a person's: error trackers' and RUM's contexts ({@code "os":
   * {"name": "Mac OS X"}}, {@code "browser"}, {@code "runtime"}, Sentry's {@code "sdk"}, Bugsnag's {@code "notifier"}),
   * and the like.
   */
  private static final java.util.Set<String> SOFTWARE_OBJECTS = java.util.Set.of("os", "browser", "runtime", "sdk",
      "notifier", "client", "app", "application", "framework", "library", "package", "plugin", "engine", "platform",
      "agent", "service", "server", "database", "integration", "module", "product", "vendor", "environment");

  /** Whether the JSON object that holds a {@code name} value at {@code start} is one of {@link #SOFTWARE_OBJECTS}. */
  private static boolean namesSoftware(Scan s, int start) {
    String key = WebArtifactDetector.enclosingKey(s, start);
    return key != null && SOFTWARE_OBJECTS.contains(key.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A GraphQL operation's declared variable type, {@code mutation Login($email: String!, $password: String!)}: a
   * type name of letters (in brackets, with {@code !}) after a {@code $}-named key, not the variable's value; a
   * built-in scalar with {@code !} after any key (a schema's {@code password: String!}).
   */
  static boolean isGraphqlType(Scan s, int start, int end) {
    int p = start;
    if (s.b[p] == '[') {
      p++;
    }
    if (p >= end || !Bytes.isUpper(s.b[p])) {
      return false;
    }
    int name = p;
    while (p < end && (Bytes.isAlpha(s.b[p]) || s.b[p] == '_')) {
      p++; // (String, ID, CreateUserInput: a password has digits)
    }
    String type = new String(s.b, name, p - name, java.nio.charset.StandardCharsets.ISO_8859_1);
    while (p < end && (s.b[p] == '!' || s.b[p] == ']')) {
      p++;
    }
    if (p != end) {
      return false;
    }
    if (GRAPHQL_SCALARS.contains(type) && p > name + type.length()) {
      return true; // a schema's field, input LoginInput { password: String! }
    }
    int k = start - 1;
    while (k > s.lo && s.b[k] == ' ') {
      k--;
    }
    if (s.at(k) != ':') {
      return false;
    }
    k--;
    while (k > s.lo && start - k < 64 && (Bytes.isAlnum(s.b[k]) || s.b[k] == '_')) {
      k--;
    }
    return s.at(k) == '$';
  }

  private static final java.util.Set<String> GRAPHQL_SCALARS = java.util.Set.of("String", "Int", "Float", "Boolean",
      "ID");

  /** What a script's expression starts at: a response or request, Postman's and Bruno's APIs, the environment. */
  private static final String[] SCRIPT_OBJECTS = {"res.", "req.", "response.", "request.", "pm.", "bru.",
      "process.env.", "this."};

  /**
   * A script's expression, not a value: a call ({@code CryptoJS.HmacSHA256(pm.request.body.toString(), key)} of a
   * Postman pre-request script: a dotted name, {@code (}, and an inner call up to its {@code )}), or a property path
   * of a response or a client's API ({@code accessToken: res.body.access_token} of Bruno's post-response vars).
   */
  private static boolean isCodeExpression(Scan s, int start, int end) {
    int p = start;
    while (p < end && (Bytes.isAlnum(s.b[p]) || s.b[p] == '_' || s.b[p] == '$' || s.b[p] == '.')) {
      p++;
    }
    if (p > start && p < end && s.b[p] == '(' && Bytes.isAlpha(s.b[start]) && Bytes.indexOf(s.b, start, p, ".") > 0
        && s.b[end - 1] == '(' && s.at(end) == ')') {
      return true; // (the value ends at the first ")": x.y(a.b(), so it ends in "(" there)
    }
    if (p != end) {
      return false;
    }
    for (String o : SCRIPT_OBJECTS) {
      if (end - start > o.length() && Bytes.startsWith(s.b, start, end, o) && Bytes.isAlpha(s.b[start + o.length()])) {
        return true;
      }
    }
    return false;
  }

  /** The Fetch API's credentials mode, {@code "credentials": "include"} (devtools' "Copy as fetch"): no secret. */
  private static boolean isFetchMode(Scan s, int start, int end) {
    boolean mode = (end - start == 7 && Bytes.startsWith(s.b, start, end, "include"))
        || (end - start == 4 && Bytes.startsWith(s.b, start, end, "omit"))
        || (end - start == 11 && Bytes.startsWith(s.b, start, end, "same-origin"));
    return mode && start >= s.lo + 16 && Bytes.indexOf(s.b, start - 16, start, "credentials") >= 0;
  }

  /** Postman's {@code Postman-Token} header: a UUID against caching, sent with every request, no credential. */
  private static boolean isPostmanToken(Scan s, int start, int end) {
    return end - start == 36 && start >= s.lo + 16
        && Bytes.indexOfIgnoreCase(s.b, start - 16, start, "postman-token") >= 0;
  }

  /**
   * A yes or a no, not a password: MySQL's {@code Access denied for user 'u'@'h' (using password: YES)}, {@code Using
   * password: NO} of its tools, their translations ({@code (verwendetes Passwort: JA)}, {@code (Usando clave: SI)},
   * {@code (был использован пароль: ДА)}), a setting under a head-first key ({@code mot_de_passe_affiche: non},
   * {@code WACHTWOORD_TONEN=nee}). ASCII letters in either case.
   */
  static boolean isYesOrNo(Scan s, int start, int end) {
    return end - start <= 9 && (Bytes.isAlpha(s.b[start]) || s.b[start] < 0) && YES_NO.contains(
        new String(s.b, start, end - start, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT));
  }

  private static final java.util.Set<String> YES_NO = java.util.Set.of("yes", "no", "ja", "nein", "si", "sí", "oui",
      "non", "sim", "não", "nao", "tak", "nie", "ano", "ne", "evet", "hayır", "hayir", "да", "нет", "igen", "nem",
      "nee", "nej", "nei", "joo", "نعم", "لا", "כן", "לא", "ναι", "όχι", "có", "không", "ya", "tidak",
      "kyllä", "ei", "はい", "いいえ", "是", "否", "예", "아니오");

  static int unquotedEnd(Scan s, int keyStart, int vs) {
    // a flag (-Dkey=value, --key=value) ends at a blank even at the start of a line: the next flag follows
    boolean lineMode = s.at(keyStart) != '-' && keyStartsLine(s, keyStart);
    // VAR=value cmd args: the value of a shell variable assignment ends at its first blank when a command follows
    boolean envPrefix = lineMode && s.at(vs - 1) == '=' && CommandLineDetector.isShellName(s, keyStart, vs - 1);
    int p = vs;
    int limit = Math.min(s.hi, vs + MAX_VALUE);
    while (p < limit) {
      int c = s.b[p] & 0xFF;
      if (c == '\n' || c == '\r' || c >= 0xE3 && cjkDelimiter(s, p)) {
        break;
      }
      if (lineMode) {
        if (c == '#' && p > vs && Bytes.isSpace(s.b[p - 1])) {
          break;
        }
        if (envPrefix && (c == ' ' || c == '\t')) {
          if (CommandLineDetector.commandFollows(s, p)) {
            // a shell's "X=a; cmd" and a cookie header's "SID=a; theme=dark": the semicolon separates, it is no part
            // of the value
            return s.b[p - 1] == ';' && p - 1 > vs ? p - 1 : p;
          }
          envPrefix = false; // only the first blank: "KEY=a passphrase with words" keeps the rest of its line
        }
      } else if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '&' || c == '"' || c == '\''
          || c == '}' || c == ']' || c == ')' || c == '<'
          || (c == '\\' && (s.at(p + 1) == '"' || s.at(p + 1) == 'n' || s.at(p + 1) == 'r'))
          || (c == '[' && s.at(p + 1) == '\\')) { // (Apache HttpClient's wire log ends a line "[\r][\n]")
        break;
      }
      p++;
    }
    while (p > vs && Bytes.isSpace(s.b[p - 1])) {
      p--;
    }
    return p;
  }

  /**
   * AWS Secrets Manager's {@code SecretId}: a name with a {@code /} or an ARN as the value's one word
   * ({@code prod/db-credentials}, {@code arn:aws:secretsmanager:…}), not a credential.
   */
  private static boolean namesASecret(Scan s, int start, int end) {
    for (int p = start; p < end; p++) {
      if (Bytes.isSpace(s.b[p])) {
        return false; // more than one word: a line's rest, not a name
      }
    }
    return Bytes.indexOf(s.b, start, end, "/") >= 0 || Bytes.startsWith(s.b, start, end, "arn:");
  }

  private static final java.util.Set<String> SENTENCE_STARTS = java.util.Set.of("A", "An", "The", "This", "That",
      "No", "Not", "Invalid", "Unable", "Failed", "Error", "Could", "Cannot", "Missing", "Expired", "Malformed", "Bad",
      "Unknown", "Empty", "Permission",
      // (session 29) articles and such words of German, French, Spanish, Italian, Portuguese and Dutch messages
      "Der", "Die", "Das", "Ein", "Eine", "Kein", "Keine", "Le", "La", "Les", "Un", "Une", "Aucun", "El", "Los",
      "Las", "Il", "Lo", "Gli", "Uno", "Het", "De", "Een", "Geen", "Os", "As", "Um", "Uma");

  /**
   * Prose after a key word and its colon in a message, Spring Security's {@code Failed to validate the token: An
   * error occurred while attempting to decode the Jwt}, {@code Invalid token: The token has expired}: a capitalised
   * article or such word, then a blank and a lower-case word.
   */
  private static boolean isSentenceStart(Scan s, int start, int end) {
    return end - start <= 10 && s.at(end) == ' ' && Bytes.isLower(s.at(end + 1)) && s.at(start - 1) == ' '
        && s.at(start - 2) == ':' && SENTENCE_STARTS.contains(
            new String(s.b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /** Phrases of frameworks' validation messages (Laravel, Django REST, Rails, ASP.NET Core, marshmallow, Joi). */
  private static final String[] VALIDATION_PHRASES = {"field is required", "is required", "must be", "must not",
      "should be", "should have", "at least", "too short", "too long", "too common", "can't be blank",
      "cannot be blank", "missing data", "minimum length", "maximum length", "doesn't match", "do not match",
      "is invalid", "not valid", "not strong", "characters",
      // (session 29) German, French, Spanish, Portuguese, Italian and Dutch messages (Het wachtwoord moet minimaal 12
      // tekens bevatten)
      "mindestens", "zeichen", "au moins", "caractères", "al menos", "caracteres", "pelo menos", "almeno",
      "caratteri", "minimaal", "tekens", "muss ", "doit ", "debe ", "deve ", "moet "};

  /**
   * Whether a secret key's value is a framework's validation message about the field, not its value: four words or
   * more, one of {@link #VALIDATION_PHRASES} among them ({@code {"password": ["This field is required."]}},
   * {@code "Password":["The Password field is required."]}, {@code ['Shorter than minimum length 8.']}).
   */
  private static boolean isValidationMessage(Scan s, int start, int end) {
    if (end - start < 12 || end - start > 200) {
      return false;
    }
    int blanks = 0;
    for (int p = start; p < end; p++) {
      if (s.b[p] == ' ') {
        blanks++;
      }
    }
    if (blanks < 3) {
      return false;
    }
    for (String phrase : VALIDATION_PHRASES) {
      if (Bytes.indexOfIgnoreCase(s.b, start, end, phrase) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static final String[] GO_PATH_OPS = {"open ", "read ", "write ", "stat ", "lstat ", "mkdir ", "remove ",
      "rename ", "readlink ", "chmod ", "chown "};

  /**
   * Go's {@code *os.PathError} after a key word in an error chain, {@code failed to read secrets: open
   * /var/run/secrets/token: permission denied}: an operation and a path, prose, not a value.
   */
  private static boolean isGoPathError(Scan s, int start) {
    if (!Bytes.isLower(s.at(start))) {
      return false;
    }
    for (String op : GO_PATH_OPS) {
      if (Bytes.startsWith(s.b, start, s.hi, op) && s.at(start + op.length()) == '/') {
        return true;
      }
    }
    return false;
  }

  /** Whether the value is a number, alone or as its first word. */
  private static boolean startsWithCount(Scan s, int start, int end) {
    int n = Bytes.digitRun(s.b, start, end, end - start + 1);
    return n > 0 && (start + n == end || s.b[start + n] == ' ');
  }

  /** {@code kubectl describe secret}'s sizes, {@code password:  12 bytes}: how long a value is, not the value. */
  private static boolean isByteCount(Scan s, int start, int end) {
    int p = start;
    while (p < end && Bytes.isDigit(s.b[p])) {
      p++;
    }
    if (p - start == 3 && p == end && s.at(end) == ' ' && Bytes.isUpper(s.at(end + 1)) && s.b[start] >= '1'
        && s.b[start] <= '5') {
      return true; // an HTTP status and its reason: Go's oauth2 "cannot fetch token: 400 Bad Request"
    }
    return p > start && end - p == 6 && Bytes.startsWith(s.b, p, end, " bytes");
  }

  /**
   * A Kubernetes object reference in a klog structured line, {@code secret="kube-system/bootstrap-token-abcdef"}
   * (kube-controller-manager, cert-manager, external-secrets): the Secret's namespace and name, quoted, on a line
   * that starts with klog's header ({@code I0112 10:11:12.123456}); its value stays, as {@code secret "x" not found}.
   */
  private static boolean isKubernetesObjectRef(Scan s, Trigger t, int start, int end) {
    if (t.type() != DetectorType.SECRET || s.at(start - 1) != '"' || s.at(start - 2) != '=' || s.at(end) != '"') {
      return false;
    }
    int slash = -1;
    for (int p = start; p < end; p++) {
      int c = s.b[p];
      if (c == '/') {
        if (slash >= 0) {
          return false;
        }
        slash = p;
      } else if (!(Bytes.isLower(c) || Bytes.isDigit(c) || c == '-' || c == '.')) {
        return false;
      }
    }
    if (slash <= start || slash >= end - 1) {
      return false;
    }
    int ls = start;
    while (ls > s.lo && start - ls < 4096 && s.b[ls - 1] != '\n') {
      ls--;
    }
    int c = s.at(ls);
    return (c == 'I' || c == 'W' || c == 'E' || c == 'F') && Bytes.isDigit(s.at(ls + 1)) && Bytes.isDigit(s.at(ls + 4))
        && s.at(ls + 5) == ' ' && s.at(ls + 8) == ':' && s.at(ls + 11) == ':';
  }

  /**
   * An element's text over several lines (OpenVPN's inline {@code <auth-user-pass>} block, the user and the password
   * on lines of their own; a pretty-printed {@code <password>}): each line's text without its indent, so that the
   * lines stay lines; returns the end of the last, or -1.
   */
  private static int eachLine(Scan s, Trigger t, int start, int end) {
    int r = -1;
    int p = start;
    while (p < end) {
      int eol = p;
      while (eol < end && s.b[eol] != '\n') {
        eol++;
      }
      int a = skipSpaces(s, p);
      int b = eol;
      while (b > a && (s.b[b - 1] == ' ' || s.b[b - 1] == '\t' || s.b[b - 1] == '\r')) {
        b--;
      }
      if (b > a && a < eol) {
        r = Math.max(r, accept(s, t, a, b));
      }
      p = eol + 1;
    }
    return r;
  }

  /** The second item of a redis-cli reply on the line after {@code sp} ({@code 2) "x"}), as the key's value. */
  private static int redisReply(Scan s, Trigger t, int sp) {
    int line = s.at(sp) == '\r' ? sp + 2 : sp + 1;
    int p = skipSpaces(s, line);
    if (s.at(p) != '2' || s.at(p + 1) != ')' || s.at(p + 2) != ' ' || s.at(p + 3) != '"') {
      return -1;
    }
    int end = closingQuote(s, p + 4, '"');
    return end < 0 ? -1 : accept(s, t, p + 4, end);
  }

  /** Whether {@code name=} starts at {@code p}: a letter or {@code _}, then letters, digits, {@code _ . -}. */
  private static boolean assignmentAt(Scan s, int p) {
    int c = s.at(p);
    if (!Bytes.isAlpha(c) && c != '_') {
      return false;
    }
    int n = p + 1;
    while (n - p <= 64 && (Bytes.isAlnum(s.at(n)) || s.at(n) == '_' || s.at(n) == '.' || s.at(n) == '-')) {
      n++;
    }
    return s.at(n) == '=' && s.at(n + 1) != '=';
  }

  /** The first {@code &} in {@code [vs, end)} that a form field's name and {@code =} follow, else {@code end}. */
  private static int formFieldEnd(Scan s, int vs, int end) {
    for (int p = vs; p < end; p++) {
      // (also " password=": Ansible's free-form "user: name=u password=x"; ":password=": GlassFish's asadmin
      // --property user=u:password=x:url=…)
      if (s.b[p] == '&' || s.b[p] == ' ' || s.b[p] == ':' || s.b[p] == ';') {
        int n = p + 1;
        while (n < end && n - p <= 64 && (Bytes.isAlnum(s.b[n]) || s.b[n] == '_' || s.b[n] == '-' || s.b[n] == '.'
            || s.b[n] == '[' || s.b[n] == ']')) {
          n++;
        }
        if (n > p + 1 && n < end && s.b[n] == '=') {
          return p;
        }
      }
    }
    return end;
  }

  static boolean keyStartsLine(Scan s, int keyStart) {
    int p = keyStart - 1;
    while (p >= s.lo && (s.b[p] == ' ' || s.b[p] == '\t')) {
      p--;
    }
    if (p >= s.lo + 6 && Bytes.startsWith(s.b, p - 5, s.hi, "export") && s.b[p + 1] == ' ') {
      p -= 6;
      while (p >= s.lo && (s.b[p] == ' ' || s.b[p] == '\t')) {
        p--;
      }
    }
    return p < s.lo || s.b[p] == '\n';
  }

  static int closingQuote(Scan s, int start, int q) {
    int limit = Math.min(s.hi, start + MAX_VALUE);
    for (int p = start; p < limit; p++) {
      int c = s.b[p];
      if (c == '\\') {
        p++;
      } else if (c == q && q == '\'' && p > start && p + 1 < limit && s.b[p + 1] == '\'') {
        p++; // SQL's and YAML's doubled quote inside a single-quoted value: PASSWORD 'it''s'
      } else if (c == q) {
        return p;
      } else if (c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Where the three quotes {@code q} that close a value opened with them start (in a {@code """} string a backslash
   * escapes the byte after it), within {@link #MAX_VALUE} bytes; -1 if none.
   */
  private static int tripleQuoteEnd(Scan s, int start, int q) {
    int limit = Math.min(s.hi, start + MAX_VALUE) - 2;
    for (int p = start; p < limit; p++) {
      int c = s.b[p];
      if (c == '\\' && q == '"') {
        p++;
      } else if (c == q && s.b[p + 1] == q && s.b[p + 2] == q) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Words that run together with {@code pass} or {@code token} in well-known keys: keytool's {@code -storepass},
   * {@code -keypass}, Docker's {@code identitytoken}, {@code registrytoken} (recognised here, at the short word's
   * pattern, rather than by patterns of their own, whose common byte pairs would slow the scan down).
   */
  static final String[] RUN_TOGETHER = {"store", "key", "identity", "registry", "admin", "root", "db", "auth", "priv",
    "user", "smtp", "mail", "pg"};

  private static boolean runTogether(Scan s, int keyStart, int wordStart) {
    for (String w : RUN_TOGETHER) {
      if (wordStart - w.length() >= keyStart && Bytes.startsWithIgnoreCase(s.b, wordStart - w.length(), wordStart, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean boundaryBefore(Scan s, int wordStart) {
    int p = s.at(wordStart - 1);
    int w = s.at(wordStart);
    return p == '.' || p == '_' || p == '-' || (Bytes.isUpper(w) && (Bytes.isLower(p) || Bytes.isDigit(p)));
  }

  /** What Kubernetes (kubectl, kubelet events, API errors) says after an object's quoted name. */
  private static final String[] KUBERNETES_OUTCOMES = {"created", "deleted", "configured", "unchanged", "patched",
      "replaced", "labeled", "annotated", "not found", "already exists"};

  /**
   * Kubernetes names an object by its kind, a blank and the quoted name, then what happened to it:
   * {@code Secret "db-credentials" created}, {@code secret "db-credentials" not found} (kubectl, kubelet events),
   * not a key and its value. Only a name Kubernetes allows (lower-case letters, digits, {@code -} and {@code .})
   * followed by one of {@link #KUBERNETES_OUTCOMES}: {@code client secret "S3cr3t!Value" rejected} and
   * {@code using secret "hunter2-prod"} are secrets.
   */
  private static boolean isKubernetesObjectName(Scan s, int ks, int wordEnd, int quote) {
    if (wordEnd - ks == 6 && s.at(quote) == '\'' && Bytes.startsWith(s.b, ks - 3, s.hi, "in secret '")
        && CommandLineDetector.lineMentions(s, ks, "<set to the key '")) {
      return true; // kubectl describe pod's env: "<set to the key 'password' in secret 'billing-db'>", a reference
    }
    int n = wordEnd - ks;
    if ((n != 6 && n != 7) || !Bytes.startsWithIgnoreCase(s.b, ks, s.hi, n == 6 ? "secret" : "secrets")
        || s.at(quote) != '"') {
      return false; // (kubectl's errors name the resource in the plural: secrets "x" not found, is forbidden)
    }
    int p = quote + 1;
    while (p - quote <= 253 && (Bytes.isLower(s.at(p)) || Bytes.isDigit(s.at(p)) || s.at(p) == '-' || s.at(p) == '.')) {
      p++;
    }
    if (p == quote + 1 || s.at(p) != '"' || s.at(p + 1) != ' ') {
      return false;
    }
    for (String outcome : KUBERNETES_OUTCOMES) {
      int after = p + 2 + outcome.length();
      if (Bytes.startsWith(s.b, p + 2, s.hi, outcome) && !Bytes.isWord(s.at(after))) {
        return true;
      }
    }
    return false;
  }

  /** Whether an AWS secret access key's shape starts at {@code p}: exactly 40 of {@code A-Z a-z 0-9 / +}, alone. */
  static boolean isAwsSecretAt(Scan s, int p) {
    for (int i = p; i < p + 40; i++) {
      int c = s.at(i);
      if (!Bytes.isAlnum(c) && c != '/' && c != '+') {
        return false;
      }
    }
    int after = s.at(p + 40);
    return !Bytes.isAlnum(after) && after != '/' && after != '+' && after != '=';
  }

  /** {@link #isAwsSecretAt} and mixed: a capital, a small letter and a digit, {@code /} or {@code +} (no hex hash). */
  static boolean isMixedAwsSecretAt(Scan s, int p) {
    if (!isAwsSecretAt(s, p)) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean other = false;
    for (int i = p; i < p + 40; i++) {
      int c = s.b[i];
      upper |= Bytes.isUpper(c);
      lower |= Bytes.isLower(c);
      other |= Bytes.isDigit(c) || c == '/' || c == '+';
    }
    return upper && lower && other;
  }

  /** {@code PWD=/home/x} in sudo and shell logs is the working directory, not a password. */
  private static boolean isShellPwd(Scan s, int ks, int wordEnd) {
    return wordEnd - ks == 3 && Bytes.startsWith(s.b, ks, s.hi, "PWD") && s.at(wordEnd) == '='
        && s.at(wordEnd + 1) == '/';
  }

  /**
   * Whether {@code p} holds a delimiter of CJK text, which ends an unquoted value as a blank or comma does: the
   * ideographic space, comma and full stop (U+3000-3002), the full-width comma and semicolon (U+FF0C, U+FF1B).
   */
  static boolean cjkDelimiter(Scan s, int p) {
    int c = s.at(p);
    return c == 0xE3 && s.at(p + 1) == 0x80 && s.at(p + 2) <= 0x82 && s.at(p + 2) >= 0x80
        || c == 0xEF && s.at(p + 1) == 0xBC && (s.at(p + 2) == 0x8C || s.at(p + 2) == 0x9B);
  }

  /** Words for password in the catalog's languages, UTF-8 (ASCII letters compared in either case). */
  private static final byte[][] PASSWORD_WORDS = java.util.stream.Stream.of("password", "passwort", "kennwort",
      "passwd", "密码", "密碼", "パスワード", "비밀번호", "пароль", "Пароль", "senha", "contraseña", "contrasena",
      "mot de passe", "wachtwoord", "hasło", "haslo", "heslo", "şifre", "sifre", "lösenord", "salasana", "jelszó")
      .map(w -> w.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);

  /** Whether {@code [start, end)} holds a word for password ({@link #PASSWORD_WORDS}). */
  private static boolean holdsPasswordWord(Scan s, int start, int end) {
    for (byte[] w : PASSWORD_WORDS) {
      for (int p = start; p + w.length <= end; p++) {
        if (Bytes.equalsFolded(s.b, p, w)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * (session 29) The end of a value's first field when the value runs on into the line's next {@code key: value}
   * ({@code Personnummer: 811218-9876, förnamn: Åsa}, {@code PESEL=90051412381;Imie=Jan}, {@code usuario: hperez |
   * IP: …}): a key taking the rest of its line (a configuration file's form) took the next fields too, and its
   * value's shape check then refused all of it. A secret's value keeps its line (a password may hold such text).
   */
  private static int fieldEnd(Scan s, int start, int end) {
    for (int d = start + 1; d < end && d - start <= 80; d++) {
      int c = s.b[d];
      if (c != ',' && c != ';' && c != '|') {
        continue;
      }
      int k = d + 1;
      while (k < end && s.b[k] == ' ') {
        k++;
      }
      int w = k;
      while (w < end && w - k < 48 && (Bytes.isAlnum(s.b[w]) || s.b[w] < 0 || s.b[w] == '_' || s.b[w] == '-'
          || s.b[w] == '.' || s.b[w] == ' ' && w > k && Bytes.isAlpha(s.at(w + 1)))) {
        w++;
      }
      if (w > k && w < end && (s.b[w] == ':' || s.b[w] == '=' || fullWidthSeparator(s, w))) {
        int e = d;
        while (e > start && s.b[e - 1] == ' ') {
          e--;
        }
        return e > start ? e : end;
      }
    }
    return end;
  }

  /** Whether {@code p} holds a full-width colon (U+FF1A) or equals sign (U+FF1D), as CJK text writes them. */
  static boolean fullWidthSeparator(Scan s, int p) {
    return s.at(p) == 0xEF && s.at(p + 1) == 0xBC && (s.at(p + 2) == 0x9A || s.at(p + 2) == 0x9D);
  }

  /** Whether a key may start after {@code c}: a line, a blank, a query or list separator, a brace, a quote. */
  private static boolean opensAKey(byte c) {
    return c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '?' || c == '&' || c == ';' || c == ','
        || c == '{' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '$'; // ($pw = 'x' of PowerShell)
  }

  static boolean isKeyChar(byte c) {
    return Bytes.isWord(c) || c == '.' || c == '-';
  }

  /**
   * Past the blanks at {@code p}, at most 64: keys are padded to line up their {@code =} (Terraform's plan output and
   * {@code terraform fmt} pad a name to the block's longest, 10-30 blanks are common; 8 let such values through).
   */
  static int skipSpaces(Scan s, int p) {
    int n = 0;
    while (n < 64 && (s.at(p) == ' ' || s.at(p) == '\t')) {
      p++;
      n++;
    }
    return p;
  }

  /**
   * Session 24's values that are no values (see each check), behind the bytes they start or end with: every
   * candidate value passes here, most of them after two comparisons.
   */
  private static boolean namesOrPointsAt(Scan s, Trigger t, int start, int end) {
    int first = s.b[start];
    int after = s.at(end);
    return (first == '/' && isKeyFilePath(s, start, end))
        || (after == '"' && hclBlockLabel(s, start, end))
        || (after == ' ' && (kindBeforeName(s, start, end) || passwordSource(s, start, end)))
        || (end - start == 36 && t.type() == DetectorType.USERNAME && isUuid(s, start, end));
  }

  /**
   * An absolute path to a key or certificate file, {@code --kubelet-client-key=/etc/kubernetes/pki/x.key},
   * {@code client_key: /etc/ssl/private/client.key}: where the key is, not the key.
   */
  private static boolean isKeyFilePath(Scan s, int start, int end) {
    if (s.b[start] != '/' || end - start < 6 || Bytes.indexOf(s.b, start, end, " ") >= 0) {
      return false;
    }
    for (String x : KEY_FILE_EXTENSIONS) {
      if (Bytes.startsWith(s.b, end - x.length(), end, x)) {
        return true;
      }
    }
    return false;
  }

  /** An HCL block's label, {@code credentials "app.terraform.io" {} of the Terraform CLI's configuration. */
  private static boolean hclBlockLabel(Scan s, int start, int end) {
    return s.at(start - 1) == '"' && s.at(end) == '"' && s.at(end + 1) == ' ' && s.at(end + 2) == '{'
        && (s.at(end + 3) == '\n' || s.at(end + 3) == '\r' || s.at(end + 3) == 0);
  }

  /**
   * A kind before a quoted object name, kubelet's {@code volume "db-password" : secret "orders-db-password" not found}
   * (the volume's name holds the key word; its value is the Secret's name, not a secret).
   */
  private static boolean kindBeforeName(Scan s, int start, int end) {
    int n = end - start;
    return s.at(end) == ' ' && s.at(end + 1) == '"' && ((n == 6 && Bytes.startsWith(s.b, start, end, "secret"))
        || (n == 9 && Bytes.startsWith(s.b, start, end, "configmap")));
  }

  /** keytool's {@code -storepass:env NAME} and {@code -keypass:file PATH}: where the password comes from. */
  private static boolean passwordSource(Scan s, int start, int end) {
    int n = end - start;
    return s.at(start - 1) == ':' && s.at(end) == ' ' && ((n == 3 && Bytes.startsWith(s.b, start, end, "env"))
        || (n == 4 && Bytes.startsWith(s.b, start, end, "file")));
  }

  /** A UUID (8-4-4-4-12 hex digits): an application's or object's id, as {@code az login -u <appId>}, no person's. */
  static boolean isUuid(Scan s, int start, int end) {
    if (end - start != 36) {
      return false;
    }
    for (int p = start; p < end; p++) {
      int k = p - start;
      boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
      if (dash ? s.b[p] != '-' : !Bytes.isHex(s.b[p])) {
        return false;
      }
    }
    return true;
  }

  private static final String[] KEY_FILE_EXTENSIONS = {".key", ".pem", ".crt", ".p12", ".pfx", ".jks", ".keystore"};

  /** A braced base64 ciphertext (16 bytes or more, a digit, padded or Jenkins' own prefix) or {@code {cipher}…}. */
  private static boolean isBracedCiphertext(Scan s, int start, int end) {
    if (Bytes.startsWith(s.b, start, end, "{cipher}")) {
      return end - start > 8;
    }
    int in = start + 1;
    int out = end - 1;
    if (s.b[out] != '}' || out - in < 16) {
      return false;
    }
    boolean digit = false;
    for (int p = in; p < out; p++) {
      int c = s.b[p];
      if (!(Bytes.isAlnum(c) || c == '+' || c == '/' || c == '=')) {
        return false;
      }
      digit |= Bytes.isDigit(c);
    }
    return digit && (s.b[out - 1] == '=' || Bytes.startsWith(s.b, in, out, "AQAAAB"));
  }

  /**
   * Where a secret lives, not the secret: Bank-Vaults' {@code vault:secret/data/db#password}, vals' {@code ref+…},
   * 1Password's {@code op://…}, {@code awssm://…}, Boundary's {@code env://X} and {@code file://…}, Terraform's and
   * Python's {@code env("X")}, PyYAML's {@code !ENV ${X}}; a call ({@code passwordPrompt()}, MongoDB's shell).
   */
  private static boolean isSecretReference(Scan s, int start, int end) {
    int c = s.b[start];
    // (the first bytes of SECRET_REFERENCES)
    if (c == 'v' || c == 'r' || c == 'o' || c == 'a' || c == 'e' || c == 'f' || c == '!' || c == '#') {
      for (String r : SECRET_REFERENCES) {
        if (Bytes.startsWith(s.b, start, end, r) && end - start > r.length()) {
          return true;
        }
      }
    }
    if (end - start < 2) {
      return false;
    }
    int call = s.b[end - 1] == ')' && s.b[end - 2] == '(' ? end - 2 : s.b[end - 1] == '(' && s.at(end) == ')' ? end - 1 : -1;
    if (call > start && Bytes.isAlpha(s.b[start])) {
      for (int p = start; p < call; p++) {
        if (!(Bytes.isAlnum(s.b[p]) || s.b[p] == '_' || s.b[p] == '.')) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The first non-blank byte of the line of {@code p}. */
  private static int lineWordStart(Scan s, int p) {
    int ls = p;
    while (ls > s.lo && p - ls < 1024 && s.b[ls - 1] != '\n') {
      ls--;
    }
    while (ls < p && (s.b[ls] == ' ' || s.b[ls] == '\t')) {
      ls++;
    }
    return ls;
  }

  /**
   * Whether the key word ending at {@code wordEnd} (after a {@code /} at {@code ks - 1}) ends a quoted URL followed by
   * a colon, as Go's net/http errors quote theirs: {@code Get "https://host/v1/token": dial tcp …}.
   */
  private static boolean quotedUrlEnds(Scan s, int ks, int wordEnd) {
    if (s.at(wordEnd) != '"' || s.at(wordEnd + 1) != ':') {
      return false;
    }
    int q = ks - 1;
    while (q > s.lo && ks - q < 2048 && s.b[q] != '"' && s.b[q] != '\n' && s.b[q] != ' ') {
      q--;
    }
    return s.at(q) == '"' && Bytes.indexOf(s.b, q + 1, ks, "://") > q;
  }

  private static boolean allStars(Scan s, int start, int end) {
    for (int p = start; p < end; p++) {
      if (s.b[p] != '*') {
        return false;
      }
    }
    return true;
  }

  private static final String[] SECRET_REFERENCES = {
    "vault:secret/", "ref+", "op://", "awssm://", "env://", "file://", "!ENV ", "env(\"", "env('", "#{ENV["};

  static boolean isPlaceholder(Scan s, int start, int end) {
    int len = end - start;
    int c = s.b[start];
    if (len > 1 && (s.b[end - 1] == ',' || s.b[end - 1] == ';') && isPlaceholder(s, start, end - 1)) {
      return true; // a JavaScript object's member, password: undefined, (util.inspect); Password=********;
    }
    if (c == '@' && len > 2 && (s.b[start + 1] == '_' && s.b[start + 2] == '_'
        || s.b[start + 1] == 'p' && Bytes.digitRun(s.b, start + 2, end, 6) == len - 2)) {
      return true; // EF Core's and ADO.NET's parameters in a command's SQL, [Password] = @__password_1, @p3
    }
    if (c == '*' && len > 6 && s.b[start + 1] == '*' && s.b[start + 2] == '*' && s.b[start + 3] == '*') {
      int p = start + 4;
      while (p < end && s.b[p] == '*') {
        p++;
      }
      if (p + 1 < end && s.b[p] == ' ' && s.b[p + 1] == '(' && s.b[end - 1] == ')') {
        return true; // (session 29) a mask and a note on it, SAP's "Kennwort    : ******** (gespeichert)"
      }
    }
    if ((c == '(' || c == '[' || (c & 0xFF) == 0xEF) && bracketedMask(s, start, end)) {
      return true; // (session 29) (oculta), [REDACTADO], [masqué], (숨김), （已隱藏）
    }
    if (c == '?' && len > 1 && s.b[start + 1] == '|') {
      return true; // p6spy's prepared statement and its bound copy, password=?|select … password='x'
    }
    if (c == '\'' && Bytes.startsWithIgnoreCase(s.b, start, end, "'[filtered]'")) {
      return true; // Sentry's scrubbed value inside a repr, "password": "'[Filtered]'"
    }
    if (c == '(' && (Bytes.startsWith(s.b, start, s.hi, "(sensitive value)")
        || Bytes.startsWith(s.b, start, s.hi, "(sensitive)") || Bytes.startsWith(s.b, start, s.hi, "(known after apply)"))) {
      return true; // Terraform's plan: password = (sensitive value), (sensitive), (known after apply)
    }
    if (c == '(' && (Bytes.startsWith(s.b, start, s.hi, "(protected)") || Bytes.startsWith(s.b, start, s.hi, "(hidden)")
        || Bytes.startsWith(s.b, start, s.hi, "(redacted)"))) {
      return true; // npm config list's _authToken = (protected), and other tools' masks
    }
    if (c == '{' && len > 6 && (Bytes.startsWith(s.b, start, end, "{noop}") || isBracedCiphertext(s, start, end))) {
      // Spring Security's {noop}password: the password itself, not a template; Jenkins' {AQAAAB…=}, Maven's
      // {…=}, Spring Cloud Config's {cipher}…: a secret encrypted with a key that is often beside it
      return false;
    }
    if (isSecretReference(s, start, end) || (c == 'A' && Bytes.startsWith(s.b, start, end, "AutoGenerate"))) {
      return true; // (ASP.NET's machineKey default, AutoGenerate,IsolateApps)
    }
    if (c == '$' && len > 3 && s.b[start + 1] == 'M' && s.b[start + 2] == '$') {
      return false; // F5 BIG-IP's encrypted values, password $M$…: a secret, not a $X variable
    }
    if (c == '*' && (allStars(s, start, end) || (end - start > 10 && s.b[end - 1] == ')'
        && Bytes.startsWith(s.b, end - 10, end, "(redacted)") && allStars(s, start, end - 10)))) {
      return true; // a glob or a mask: salt '*' test.ping, ****, Spark's *********(redacted)
    }
    if (c == 'V' && len == 35 && Bytes.startsWith(s.b, start, end, "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER")) {
      return true; // Ansible's mask of a no_log module parameter
    }
    if (c == 'T' && len == 5 && Bytes.startsWith(s.b, start, end, "Token") && s.at(end) == ' ' && s.at(end + 1) == '{') {
      return true; // Hadoop's Token { kind: YARN_CLIENT_TOKEN, service: … } (spark-submit's "client token:"), a description
    }
    if (c == '$' || c == '{' || c == '[' || c == '<' || c == '%') {
      if (c == '<' && len > 9 && Bytes.startsWith(s.b, start, end, "<![CDATA[")) {
        return false;
      }
      if (c == '[' && len > 5 && Bytes.startsWith(s.b, start, end, "[md5]")) {
        return false; // Bacula's Password = "[md5]<hex>": the director's password as it sends it
      }
      return true; // ${X}, $X, {{ x }}, JSON structures, tags and tokens, %X%
    }
    if ((len == 1 && (c == '?' || c == '-')) || (len == 2 && c == '?' && (s.b[start + 1] == ',' || s.b[start + 1] == ')'))
        || (c == ':' && len > 1 && Bytes.isAlpha(s.b[start + 1]) && isIdentifier(s, start + 1, end))) {
      // an SQL statement's parameters: password = ?, password = :password (JPA, Spring's named); "password=?," at a
      // line's end, as Hibernate's format_sql writes a SET list; a lone "-" (none; a shell's empty ${X:-} default)
      return true;
    }
    if (len <= 9) {
      String v = new String(s.b, start, len, java.nio.charset.StandardCharsets.ISO_8859_1)
          .toLowerCase(java.util.Locale.ROOT);
      switch (v) {
        case "null":
        case "true":
        case "false":
        case "none":
        case "nil":
        case "undefined":
        case "redacted":
        case "[redacted]":
        case "(null)":
        case "<none>":
        case "n/a":
        case "await": // JavaScript's const user = await User.findOne(…) in a stack trace's source line
          return true;
        default:
          break;
      }
    }
    boolean masked = len >= 3;
    for (int i = start; i < end && masked; i++) {
      masked = s.b[i] == '*';
    }
    return masked;
  }

  private static final String[] PAM_GROUPS = {"auth)", "account)", "session)", "password)", "chauthtok)"};

  /**
   * The user of a FreeRADIUS users file's entry, {@code alice   Cleartext-Password := "pw"}: the line's first word,
   * blanks, then the key ({@code DEFAULT}, the entry for everyone, stays).
   */
  private static void radiusUsersEntry(Scan s, int ks) {
    int p = ks;
    while (p > s.lo && (s.b[p - 1] == ' ' || s.b[p - 1] == '\t')) {
      p--;
    }
    int end = p;
    while (p > s.lo && ks - p < 128 && (s.b[p - 1] & 0xFF) > ' ') {
      p--;
    }
    if (end == ks || p == end || (p > s.lo && s.b[p - 1] != '\n') || p < s.floor()
        || (end - p == 7 && Bytes.startsWith(s.b, p, end, "DEFAULT")) || isSystemAccount(s, p, end)
        || (s.b[p] == '(' && s.b[end - 1] == ')')) {
      return; // (FreeRADIUS -X's request number, "(5)   User-Name := …", is no entry's user)
    }
    s.add(p, end, DetectorType.USERNAME);
  }

  /** PowerShell's cmdlets that make or read a credential, as the value of a variable ({@code $pw = …}). */
  private static final String[] CREDENTIAL_CMDLETS = {"convertto-securestring", "(convertto-securestring",
      "read-host", "(read-host", "get-credential", "(get-credential"}; // lower case: startsWithIgnoreCase's form

  private static boolean isCredentialCmdlet(Scan s, int start, int end) {
    for (String c : CREDENTIAL_CMDLETS) {
      if (end - start == c.length() && Bytes.startsWithIgnoreCase(s.b, start, end, c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean pamGroupFollows(Scan s, int p) {
    for (String g : PAM_GROUPS) {
      if (Bytes.startsWith(s.b, p, s.hi, g)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A phone key's value that is a number: 6 to 15 digits with at most a leading {@code +}, blanks, dashes, dots,
   * slashes and parentheses ({@code "phone": "0301234567"}, {@code mobile=+4915112345678}, {@code tel: (030) 123 456});
   * the shape detector does not take bare digit runs, a phone key names them.
   */
  private static boolean looksLikePhoneValue(Scan s, int start, int end) {
    int digits = 0;
    for (int p = start; p < end; p++) {
      int c = s.b[p];
      if (Bytes.isDigit(c)) {
        digits++;
      } else if (!(c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || (c == '+' && p == start))) {
        return false;
      }
    }
    return digits >= 6 && digits <= 15;
  }

  /**
   * Whether a user slot's value is an account every installation has under the same name, which identifies nobody
   * and tells a support engineer which part acted: a built-in account ({@link #isBuiltInAccount}), a token's fixed
   * user ({@link #isTokenUser}), or a bracketed placeholder ({@code [unknown]}).
   */
  static boolean isSystemAccount(Scan s, int start, int end) {
    return Bytes.startsWith(s.b, start, end, "[") || isBuiltInAccount(s, start, end)
        || (end - start >= 3 && end - start <= 17 && isTokenUser(s, start, end));
  }

  /**
   * The accounts that an operating system, a package, a cloud image or a database creates under a fixed name, the
   * same at every customer (session 31). Before, only {@code root}, {@code nobody} and {@code System} stayed, so
   * {@code user=postgres} became {@code <user:…>} while {@code user=root} stayed, and a support engineer could not
   * tell the database's superuser or an sshd scan's {@code admin} from a person's login. A name a customer chose
   * ({@code svc_backup}, {@code replicator}, {@code keycloak} as a database role) is not here and still goes. Matched
   * whole, in any case of its ASCII letters (Windows and SQL Server do not tell {@code SA} from {@code sa}, Oracle's
   * {@code SYS} is {@code sys} in a connect string). Lower case here; docs/redaction.md lists them.
   */
  private static final String[] BUILT_IN_ACCOUNTS = {
      // Linux: Debian's base-passwd and Red Hat's setup, and the system users of the daemons a node runs
      "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data",
      "backup", "list", "irc", "gnats", "nobody", "nfsnobody", "adm", "operator", "shutdown", "halt", "ftp", "_apt",
      "systemd-network", "systemd-resolve", "systemd-timesync", "systemd-coredump", "systemd-oom", "messagebus",
      "dbus", "syslog", "sshd", "polkitd", "chrony", "_chrony", "ntp", "rpc", "rpcuser", "sssd", "tss", "uuidd",
      "tcpdump", "postfix", "dovecot", "dovenull", "nginx", "apache", "tomcat", "mysql", "postgres", "redis",
      "neo4j", "mongodb", "mongod", "memcache", "memcached", "haproxy", "squid", "named", "dnsmasq", "unbound",
      "rabbitmq", "zookeeper", "kafka", "cassandra", "elasticsearch", "logstash", "prometheus", "nagios", "zabbix",
      "ceph", "etcd", "git", "gitlab-runner", "jenkins", "influxdb", "clickhouse", "telegraf",
      // the default users of cloud and VM images (AWS, Azure, Oracle Cloud, Ubuntu, Debian, CentOS, Fedora CoreOS)
      "ubuntu", "ec2-user", "centos", "debian", "fedora", "admin", "azureuser", "opc", "cloud-user", "core",
      "vagrant",
      // Windows' built-in accounts and service identities
      "system", "administrator", "guest", "defaultaccount", "gast", "administrador", "administrateur", "invitado",
      "convidado", "wdagutilityaccount", "krbtgt", "localsystem",
      "localservice", "networkservice", "local service", "network service",
      // databases' and search engines' built-in users and roles: SQL Server, Oracle, MySQL, Elasticsearch,
      // RabbitMQ's guest (above), Amazon RDS, Cloud SQL, Azure Database for PostgreSQL
      "sa", "dbsnmp", "sysman", "outln", "xdb", "mysql.sys", "mysql.session", "mysql.infoschema", "debian-sys-maint",
      "elastic", "kibana", "kibana_system", "logstash_system", "beats_system", "apm_system", "remote_monitoring_user",
      "rdsadmin", "cloudsqladmin", "azure_superuser", "azure_pg_admin",
      // Kubernetes' built-in identities (a node's own, system:node:NAME, holds the node's name and is not here)
      "kubernetes-admin", "system:anonymous", "system:kube-scheduler", "system:kube-controller-manager",
      "system:kube-proxy", "system:apiserver"};

  private static final String[][] BUILT_IN_BY_LENGTH = byLength(BUILT_IN_ACCOUNTS);

  private static String[][] byLength(String[] names) {
    int longest = 0;
    for (String n : names) {
      longest = Math.max(longest, n.length());
    }
    String[][] byLength = new String[longest + 1][];
    for (int len = 0; len <= longest; len++) {
      final int l = len;
      byLength[len] = java.util.Arrays.stream(names).filter(n -> n.length() == l).toArray(String[]::new);
    }
    return byLength;
  }

  /**
   * Whether {@code [start, end)} is one of {@link #BUILT_IN_ACCOUNTS}, in any case; also as {@code ps} and
   * {@code top} cut a longer name to seven bytes and a {@code +} ({@code systemd+}, {@code message+}).
   */
  static boolean isBuiltInAccount(Scan s, int start, int end) {
    int len = end - start;
    if (len <= 0 || len >= BUILT_IN_BY_LENGTH.length) {
      return false;
    }
    for (String a : BUILT_IN_BY_LENGTH[len]) {
      if (Bytes.startsWithIgnoreCase(s.b, start, end, a)) {
        return true;
      }
    }
    if (len == 8 && s.b[end - 1] == '+') {
      for (String cut : BUILT_IN_CUT) {
        if (Bytes.startsWithIgnoreCase(s.b, start, end - 1, cut)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first seven bytes of the built-in accounts longer than eight, as {@code ps} prints them before a {@code +}. */
  private static final String[] BUILT_IN_CUT = java.util.Arrays.stream(BUILT_IN_ACCOUNTS).filter(n -> n.length() > 8)
      .map(n -> n.substring(0, 7)).distinct().toArray(String[]::new);

  /**
   * The fixed user names that go with a token in a URL's userinfo or a registry login, the same for every customer
   * and telling which kind of credential follows: GitLab's {@code oauth2} and {@code gitlab-ci-token}, GitHub Apps'
   * {@code x-access-token}, Bitbucket's {@code x-token-auth}, {@code x-oauth-basic}, Amazon ECR's {@code AWS}, Google
   * registries' {@code _json_key} and {@code oauth2accesstoken}.
   */
  private static final String[] TOKEN_USERS = {"oauth2", "gitlab-ci-token", "x-access-token", "x-token-auth",
      "x-oauth-basic", "AWS", "_json_key", "oauth2accesstoken",
      // (session 26) PyPI's API-token user; RFC 5321's postmaster (Postfix's orig_to=<postmaster>)
      "__token__", "postmaster",
      // (session 28) Django's user of a request without a login; Redis 6's built-in user (rediss://default:pw@…)
      "AnonymousUser", "default"};

  static boolean isTokenUser(Scan s, int start, int end) {
    for (String u : TOKEN_USERS) {
      if (u.length() == end - start && Bytes.startsWith(s.b, start, end, u)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two to four words, each starting with an upper-case or non-ASCII letter, except a surname particle between the
   * first and the last word ({@code Jan de Vries}, {@code Ludwig van der Berg}, {@code Ana da Silva}).
   */
  static boolean looksLikePersonName(Scan s, int start, int end) {
    if (end - start > 64) {
      return false;
    }
    // a form body's + for a blank (billing_details[name]=Tomasz+Nowak), where the value holds no blank
    int blank = s.at(start - 1) == '=' && Bytes.indexOf(s.b, start, end, " ") < 0 ? '+' : ' ';
    int words = 0;
    int p = start;
    while (p < end) {
      int c = s.b[p] & 0xFF;
      if (words > 0 && Bytes.isLower(c)) {
        int w = p;
        while (w < end && s.b[w] != blank) {
          w++;
        }
        if (w == end || !isSurnameParticle(s, p, w)) {
          return false;
        }
        p = w + 1;
        continue;
      }
      int escaped = c == '\\' ? Bytes.letterAt(s.b, p, end) : 0; // a JSON-escaped letter (of Jürgen)
      if (!(Bytes.isUpper(c) || c >= 0x80 || escaped > 0)) {
        return false;
      }
      words++;
      p += Math.max(1, escaped);
      while (p < end && s.b[p] != blank) {
        int d = s.b[p] & 0xFF;
        int n = d == '\\' ? Bytes.letterAt(s.b, p, end) : 0;
        // (a comma ends the first word of Active Directory's "Surname, Given" display names: "Doe, Jane")
        if (!(Bytes.isAlpha(d) || d >= 0x80 || n > 0 || d == '-' || d == '\'' || d == '.'
            || (d == ',' && words == 1 && p + 1 < end && s.b[p + 1] == blank))) {
          return false;
        }
        p += Math.max(1, n);
      }
      if (p < end) {
        p++;
      }
    }
    return words >= 2 && words <= 4 && !DistinguishedNameDetector.holdsNoPersonWord(s, start, end);
  }

  private static final java.util.List<String> SURNAME_PARTICLES =
      java.util.List.of("de", "da", "das", "do", "dos", "di", "del", "della", "der", "den", "van", "von", "la", "le",
          "du", "ter", "ten", "bin", "al", "y");

  static boolean isSurnameParticle(Scan s, int from, int to) {
    for (String w : SURNAME_PARTICLES) {
      if (to - from == w.length() && Bytes.startsWith(s.b, from, to, w)) {
        return true;
      }
    }
    return false;
  }
}
