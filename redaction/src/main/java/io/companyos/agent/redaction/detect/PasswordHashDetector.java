package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.List;

/**
 * Password hashes, which can be cracked offline, recognised by their scheme prefix:
 *
 * <ul>
 *   <li>modular crypt format ({@code /etc/shadow}, htpasswd, passlib): {@code $1$ $2a$ $2b$ $2x$ $2y$ $5$ $6$ $7$
 *       $y$ $gy$ $P$ $H$ $apr1$ $md5$ $sha1$ $argon2id$ $argon2i$ $argon2d$ $scrypt$ $pbkdf2…$}, then
 *       {@code $}-separated fields of {@code [A-Za-z0-9./+=,-]} whose last (the hash) has at least 16 characters;
 *       the {@code $} must not follow a letter or digit ({@code Foo$1$2} is a Java class);
 *   <li>Django {@code pbkdf2_sha256$…}, {@code pbkdf2_sha1$…}, {@code argon2$argon2id$…} (a {@code bcrypt$$2b$…}
 *       hash is found at its {@code $2b$});
 *   <li>Django's legacy {@code sha1$salt$} + 40 hex digits and {@code md5$salt$} + 32 (the salt alphanumeric or
 *       empty);
 *   <li>PostgreSQL {@code SCRAM-SHA-256$4096:salt$stored:server} and {@code md5} followed by exactly 32 hex digits;
 *   <li>ASP.NET Core Identity's v3 hashes, {@code AQAAAAEAACcQAAAAE…} (see {@link #aspNetIdentity});
 *   <li>LDAP and Dovecot {@code {SCHEME}value}: {@code {SSHA} {SSHA256/384/512} {SHA} {SHA256/384/512} {SMD5} {MD5}
 *       {CRYPT} {MD5-CRYPT} {SHA256-CRYPT} {SHA512-CRYPT} {BLF-CRYPT} {BCRYPT} {PBKDF2…} {ARGON2…} {CRAM-MD5}}, any
 *       case, with a value of at least 8 characters, and {@code {PLAIN}} / {@code {CLEARTEXT}}, whose value is the
 *       password itself.
 * </ul>
 *
 * The whole hash is replaced, its scheme included; what stands before it (the user of a shadow or htpasswd line)
 * and after it (the shadow line's ageing fields after {@code :}) is kept.
 */
final class PasswordHashDetector {
  /** How the value after a prefix is read. */
  enum Shape {
    /** {@code $id$field$…$hash}. */
    CRYPT,
    /** {@code SCRAM-SHA-256$iterations:salt$storedKey:serverKey}. */
    SCRAM,
    /** {@code md5} and 32 hex digits. */
    PG_MD5,
    /** {@code {SCHEME}value}. */
    BRACED,
    /** Django's legacy {@code sha1$salt$} and 40 hex digits, {@code md5$salt$} and 32 (the salt may be empty). */
    DJANGO_LEGACY,
    /** MySQL's {@code mysql_native_password} hash: {@code *} and 40 upper-case hex digits. */
    MYSQL_NATIVE,
    /** ASP.NET Core Identity's v3 hash: base64 of a format byte, the PRF, the iterations, a 16-byte salt, the key. */
    ASPNET_IDENTITY
  }

  /**
   * A prefix (exact case unless braced) and how its value is read.
   *
   * @param trigger the last part of {@code text} the keyword filter looks for (not {@code arg} of {@code args},
   *     nor {@code scr} of {@code describe})
   */
  record Scheme(String text, Shape shape, String trigger) {
    Scheme(String text, Shape shape) {
      this(text, shape, text);
    }
  }

  static final List<Scheme> SCHEMES;

  static {
    List<Scheme> l = new java.util.ArrayList<>();
    // ($8$ and $9$: Cisco's type 8 PBKDF2-SHA-256 and type 9 scrypt secrets, enable secret 9 $9$salt$hash)
    for (String id : List.of("$1$", "$5$", "$6$", "$7$", "$8$", "$9$", "$y$", "$gy$", "$P$", "$H$", "$apr1$")) {
      l.add(new Scheme(id, Shape.CRYPT));
    }
    // the others by a later part of the prefix whose second and third letters are rare in logs (the keyword
    // filter's first test: 'ar' of $argon2, 'sc' of $scrypt, 'sh' of $sha1 are not)
    String[][] later = {{"$2a$", "2a$"}, {"$2b$", "2b$"}, {"$2x$", "2x$"}, {"$2y$", "2y$"}, {"$md5$", "d5$"},
        {"$sha1$", "a1$"}, {"$argon2id$", "gon2id$"}, {"$argon2i$", "gon2i$"}, {"$argon2d$", "gon2d$"},
        {"$scrypt$", "rypt$"}, {"$pbkdf2", "bkdf2"}, {"pbkdf2_sha256$", "ha256$"}, {"pbkdf2_sha1$", "a1$"},
        {"argon2$argon2", "2$argon2"}};
    for (String[] c : later) {
      l.add(new Scheme(c[0], Shape.CRYPT, c[1]));
    }
    l.add(new Scheme("SCRAM-SHA-256$", Shape.SCRAM, "56$"));
    l.add(new Scheme("md5", Shape.PG_MD5));
    l.add(new Scheme("sha1$", Shape.DJANGO_LEGACY, "a1$"));
    l.add(new Scheme("md5$", Shape.DJANGO_LEGACY, "d5$"));
    // {SCHEME}: by the scheme's last two letters and its closing brace
    for (String name : List.of("SSHA", "SSHA256", "SSHA384", "SSHA512", "SHA", "SHA256", "SHA384", "SHA512", "SMD5",
        "MD5", "CRYPT", "MD5-CRYPT", "SHA256-CRYPT", "SHA512-CRYPT", "BLF-CRYPT", "BCRYPT", "PBKDF2", "PBKDF2-SHA1",
        "PBKDF2-SHA256", "PBKDF2-SHA512", "PBKDF2_SHA256", "PBKDF2_SHA512", "ARGON2", "ARGON2I", "ARGON2ID",
        "CRAM-MD5", "PLAIN", "CLEARTEXT")) {
      String text = "{" + name + "}";
      l.add(new Scheme(text, Shape.BRACED, text.substring(text.length() - 3)));
    }
    // MySQL's native hash in a table's cell (SELECT user, authentication_string FROM mysql.user); under its keys
    // (authentication_string, IDENTIFIED BY PASSWORD '*…') the key-value detector's. Not by the star alone: a
    // pattern of two bytes passes the keyword filter at every third byte after them
    l.add(new Scheme("| *", Shape.MYSQL_NATIVE));
    // (session 26) ASP.NET Core Identity's PasswordHash (EF Core's logged parameters, a dump of AspNetUsers):
    // AQAAAA{E|I|A}A…AAAAE…, the v3 format's fixed bytes in base64 ("aqa": 46 places per 64 MiB of make-logs)
    l.add(new Scheme("AQAAAA", Shape.ASPNET_IDENTITY));
    SCHEMES = List.copyOf(l);
  }

  private static final int MAX = 1024;

  private PasswordHashDetector() {}

  /** At the last byte of {@code SCHEMES.get(index)}'s text. */
  static int find(Scan s, int last, int index) {
    Scheme scheme = SCHEMES.get(index);
    int start = last - scheme.text().length() + 1;
    int floor = s.floor(); // (before the hash's own match, which may start behind the scan's cursor)
    int end = hash(s, start, last, scheme);
    if (end >= 0) {
      accountBefore(s, scheme.shape() == Shape.MYSQL_NATIVE ? last : start, floor);
    }
    return end;
  }

  private static int hash(Scan s, int start, int last, Scheme scheme) {
    switch (scheme.shape()) {
      case CRYPT:
        return crypt(s, start, last, scheme.text());
      case SCRAM:
        return scram(s, start, last);
      case PG_MD5:
        return pgMd5(s, start, last);
      case BRACED:
        return braced(s, start, last, scheme.text());
      case DJANGO_LEGACY:
        return djangoLegacy(s, start, last, scheme.text());
      case MYSQL_NATIVE:
        return mysqlNative(s, last);
      case ASPNET_IDENTITY:
        return aspNetIdentity(s, start, last);
      default:
        throw new IllegalStateException("unhandled shape " + scheme.shape());
    }
  }

  /**
   * The account that starts a password file's line before its hash: {@code /etc/shadow}'s
   * {@code jdoe:$6$…:19000:0:99999:7:::} (also locked, {@code jdoe:!$6$…}), htpasswd's {@code jdoe:$apr1$…} and
   * {@code jdoe:{SHA}…}, Pgpool's {@code jdoe:md5…}: a login name from the line's start to the colon, as a user, unless
   * it is a built-in account ({@code root:$6$…}, {@code postgres:md5…} stay) or names the field
   * ({@code password_hash:$2b$…}). Before session 31 the user stayed and only the hash went.
   */
  private static void accountBefore(Scan s, int hashStart, int floor) {
    int colon = hashStart - 1;
    while (s.at(colon) == '!' && hashStart - colon < 3) {
      colon--;
    }
    if (s.at(colon) != ':') {
      return;
    }
    int p = colon;
    while (p > floor && colon - p < 32 && (Bytes.isAlnum(s.b[p - 1]) || s.b[p - 1] == '.' || s.b[p - 1] == '_'
        || s.b[p - 1] == '-')) {
      p--;
    }
    if (p == colon || !(p == s.lo || s.at(p - 1) == '\n') || !(Bytes.isAlpha(s.b[p]) || s.b[p] == '_')
        || KeyValueDetector.isSystemAccount(s, p, colon) || namesTheField(s, p, colon)) {
      return;
    }
    s.add(p, colon, DetectorType.USERNAME);
  }

  /** Whether a line's first word before a hash is its field's name ({@code hash}, {@code password_digest}). */
  private static boolean namesTheField(Scan s, int start, int end) {
    for (String w : FIELD_WORDS) {
      if (Bytes.indexOfIgnoreCase(s.b, start, end, w) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static final String[] FIELD_WORDS = {"pass", "pwd", "hash", "secret", "crypt", "digest", "verifier"};

  /**
   * At {@code AQAAAA}: ASP.NET Core Identity's v3 hash, base64 of 0x01, the PRF (0-2: SHA-1, SHA-256, SHA-512), the
   * iteration count and the salt's length 16, each a big-endian int (so {@code AQAAAA}, {@code A}/{@code E}/{@code
   * I}, {@code A}, four characters of the count, {@code AAAAE}), then salt and key: 60 characters or more in all.
   */
  private static int aspNetIdentity(Scan s, int start, int last) {
    int prf = s.at(last + 1);
    if (Bytes.isAlnum(s.at(start - 1)) || !(prf == 'A' || prf == 'E' || prf == 'I') || s.at(last + 2) != 'A'
        || !Bytes.startsWith(s.b, last + 7, s.hi, "AAAAE")) {
      return -1;
    }
    int end = start;
    while (end < s.hi && end - start < MAX && (Bytes.isAlnum(s.b[end]) || s.b[end] == '+' || s.b[end] == '/'
        || s.b[end] == '=')) {
      end++;
    }
    return end - start >= 60 && s.add(start, end, DetectorType.PASSWORD_HASH) ? end : -1;
  }

  private static boolean isCryptChar(int c) {
    return Bytes.isAlnum(c) || c == '.' || c == '/' || c == '+' || c == '=' || c == ',' || c == '-';
  }

  private static int crypt(Scan s, int start, int last, String text) {
    if (!Bytes.startsWith(s.b, start, s.hi, text) || Bytes.isAlnum(s.at(start - 1))) {
      return -1;
    }
    int limit = Math.min(s.hi, start + MAX);
    int p = last + 1;
    if (text.charAt(text.length() - 1) != '$') {
      // $pbkdf2-sha256$, argon2$argon2id$: the rest of the scheme name up to its $
      while (p < limit && (Bytes.isAlnum(s.b[p]) || s.b[p] == '-' || s.b[p] == '_')) {
        p++;
      }
      if (s.at(p) != '$') {
        return -1;
      }
      p++;
    }
    int fieldStart = p;
    int lastField = 0;
    int fields = 0;
    while (p < limit) {
      int c = s.b[p];
      if (c == '$') {
        lastField = p - fieldStart;
        fields++;
        fieldStart = p + 1;
      } else if (c == '\\' && Bytes.slashAt(s.b, p, limit) == 2) {
        p++; // JSON's escaped slash (PHP's json_encode writes every / so): the hash goes on
      } else if (!isCryptChar(c)) {
        break;
      }
      p++;
    }
    if (p > fieldStart) {
      int comma = Bytes.indexOf(s.b, fieldStart, p, ",");
      if (comma >= 0) {
        p = comma; // the hash itself holds no comma (argon2's parameters do, before it): a CSV row's separator
      }
      lastField = p - fieldStart;
      fields++;
    } else {
      p--; // a trailing $ is not part of the hash
    }
    if (fields == 0 || lastField < 16) {
      return -1;
    }
    return s.add(start, p, DetectorType.PASSWORD_HASH) ? p : -1;
  }

  private static int scram(Scan s, int start, int last) {
    if (!Bytes.startsWith(s.b, start, s.hi, "SCRAM-SHA-256$") || Bytes.isAlnum(s.at(start - 1))) {
      return -1;
    }
    int limit = Math.min(s.hi, start + MAX);
    int p = last + 1;
    while (p < limit && (isCryptChar(s.b[p]) || s.b[p] == ':' || s.b[p] == '$')) {
      p++;
    }
    return p - last > 40 && s.add(start, p, DetectorType.PASSWORD_HASH) ? p : -1;
  }

  private static int mysqlNative(Scan s, int start) {
    int before = s.at(start - 1);
    int end = start + 41;
    for (int p = start + 1; p < end; p++) {
      int c = s.at(p);
      if (!Bytes.isDigit(c) && (c < 'A' || c > 'F')) {
        return -1;
      }
    }
    if (Bytes.isWord(before) || before == '*' || Bytes.isWord(s.at(end))) {
      return -1;
    }
    return s.add(start, end, DetectorType.PASSWORD_HASH) ? end : -1;
  }

  private static int pgMd5(Scan s, int start, int last) {
    if (!Bytes.startsWith(s.b, start, s.hi, "md5") || Bytes.isWord(s.at(start - 1))
        || Bytes.hexRun(s.b, last + 1, s.hi, 33) != 32 || Bytes.isWord(s.at(last + 33))) {
      return -1;
    }
    int end = last + 33;
    return s.add(start, end, DetectorType.PASSWORD_HASH) ? end : -1;
  }

  /**
   * {@code sha1$salt$hex} (40 lower-case hex digits) or {@code md5$salt$hex} (32): an alphanumeric salt of at most
   * 64 characters, possibly empty (Django's unsalted {@code sha1$$…}); not after a word byte, {@code $} or
   * {@code _} ({@code $sha1$}, {@code pbkdf2_sha1$} are other schemes), nothing of a word after the digest.
   */
  private static int djangoLegacy(Scan s, int start, int last, String text) {
    int before = s.at(start - 1);
    if (!Bytes.startsWith(s.b, start, s.hi, text) || Bytes.isWord(before) || before == '$') {
      return -1;
    }
    int p = last + 1;
    while (p < s.hi && p - last <= 64 && Bytes.isAlnum(s.b[p])) {
      p++;
    }
    if (s.at(p) != '$') {
      return -1;
    }
    int digest = text.charAt(0) == 's' ? 40 : 32;
    int h = p + 1;
    int e = h;
    while (e < s.hi && e - h <= digest && (Bytes.isDigit(s.b[e]) || (s.b[e] >= 'a' && s.b[e] <= 'f'))) {
      e++;
    }
    if (e - h != digest || Bytes.isWord(s.at(e))) {
      return -1;
    }
    return s.add(start, e, DetectorType.PASSWORD_HASH) ? e : -1;
  }

  private static int braced(Scan s, int start, int last, String text) {
    if (!Bytes.startsWithIgnoreCase(s.b, start, s.hi, text.toLowerCase(java.util.Locale.ROOT))
        || Bytes.isWord(s.at(start - 1))) {
      return -1;
    }
    int p = last + 1;
    int valueStart = p;
    int limit = Math.min(s.hi, start + MAX);
    while (p < limit && s.b[p] > ' ' && s.b[p] != '"' && s.b[p] != '\'' && s.b[p] != ',' && s.b[p] != ';'
        && s.b[p] != ')' && s.b[p] != ']' && s.b[p] != '}' && s.b[p] != '<' && s.b[p] != '\\'
        && (s.b[p] != ':' || !Bytes.isDigit(s.at(p + 1)))) {
      p++;
    }
    boolean plain = "{PLAIN}".equals(text) || "{CLEARTEXT}".equals(text);
    if (p - valueStart < (plain ? 1 : 8)) {
      return -1;
    }
    return s.add(start, p, DetectorType.PASSWORD_HASH) ? p : -1;
  }
}
