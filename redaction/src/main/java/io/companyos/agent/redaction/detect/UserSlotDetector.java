package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * User names in structural slots of system logs: sshd {@code Invalid user X from},
 * {@code Failed password for X from}, {@code Accepted publickey for X from}, Neo4j
 * {@code authenticated as X}, pam
 * {@code session opened for user X}, systemd {@code of user X}, PostgreSQL {@code for user "X"}, RabbitMQ
 * {@code user 'X'}, sshd {@code Disconnected from user X ADDRESS port}, Windows {@code Account Name: X}, sudo
 * {@code sudo:  X : TTY=}, pam {@code by X(uid=1001)} and {@code ; logname=X … ruser=X}, su {@code (to T) X on},
 * ssh's and scp's {@code X@10.1.2.3} and {@code X@[2001:db8::5]}, and home directories {@code /home/X/},
 * {@code C:\Users\X\}, {@code /Users/X/}. {@code root} stays.
 */
final class UserSlotDetector {
  /** A trigger flag: the user name must be followed by an address and {@code port}. */
  static final int NEEDS_PORT = 1;

  private UserSlotDetector() {}

  /**
   * At the {@code @} of {@code ssh jdoe@10.1.2.3}, {@code scp f jdoe@[2001:db8::5]:/srv} or {@code jdoe@[192.0.2.1]}
   * (which no e-mail domain follows: {@link EmailDetector} takes the others): the login name before an IPv4 address,
   * or an IPv4 or IPv6 address in brackets, as a user; the address is its own detector's. The name: letters (of any
   * script, also JSON-escaped), digits, {@code . _ -}, from a letter or {@code _}, at most 32 bytes, after a blank, a
   * quote, {@code [ ( < = ,} or the start of the text; {@code root}, {@code nobody} and {@code git} (git over ssh)
   * stay. Returns {@code at} when it took one, else -1.
   */
  static int beforeAddress(Scan s, int at) {
    int address = addressEnd(s, at + 1);
    if (address < 0) {
      return -1;
    }
    // (as before a host name: only where a port or a path follows, an authority's place)
    if (((s.at(address) == ':' && Bytes.isDigit(s.at(address + 1))) || s.at(address) == '/')
        && passwordBeforeAddress(s, at) >= 0) {
      return at;
    }
    int floor = s.floor();
    int st = nameStart(s, at, MAX_LOGIN, LOGIN); // also jürgen@10.1.2.3
    int scanned = st;
    st = Bytes.pastEscape(s.b, st, floor, at);
    // an escaped non-letter before the name (<code>&#92;u201c</code>, a quote) counts as a quote
    int before = st != scanned ? '"' : s.at(st - 1);
    // (past ASCII, only letters were stepped over: a UTF-8 lead byte or a JSON escape's backslash is one's start)
    boolean letter = Bytes.isAlpha(s.b[st]) || s.b[st] == '_' || s.b[st] < 0 || s.b[st] == '\\';
    boolean sipUri = before == ':' && (Bytes.startsWithIgnoreCase(s.b, st - 4, st, "sip:")
        || Bytes.startsWithIgnoreCase(s.b, st - 5, st, "sips:")); // SIP's Contact: sip:alice@10.8.3.77:5062
    if (at - st > MAX_LOGIN || st == at || !letter || (isLoginChar(before) && !sipUri)
        || !(before == 0 || before == ' ' || before == '\t' || before == '\n' || before == '"' || before == '\''
            || before == '[' || before == '(' || before == '<' || before == '=' || before == ','
            || before == '/' || sipUri)) { // (pgbouncer's client prefix, app/alice@192.0.2.10:50123)
      return -1;
    }
    if (EmailDetector.isCallId(s, st)) {
      return -1; // SIP's Call-ID: 3c26700b5a1f@10.0.0.5, a random id at a host
    }
    if (KeyValueDetector.isSystemAccount(s, st, at)) { // (git@github.com's git among them)
      return -1;
    }
    return s.add(st, at, DetectorType.USERNAME) ? at : -1;
  }

  /**
   * A URL's userinfo without its scheme before an address ({@code Connect to jdoe:Pw-1!@10.0.0.5:443 failed},
   * {@code mongosh admin:pw@[2001:db8::5]/app}), as {@link EmailDetector} takes it before a host name: the password
   * from the colon after a login name (at a blank, a quote, {@code =} or the line's start) to the {@code @}, the login
   * as a user unless it is a built-in account; not after a scheme without slashes ({@code sip:alice@…}, whose user is
   * no password). Returns {@code at} when it took one, else -1.
   */
  private static int passwordBeforeAddress(Scan s, int at) {
    int floor = s.floor();
    for (int p = at - 1; p > floor && at - p <= 128; p--) {
      int c = s.b[p];
      if (c <= ' ' || c == '"' || c == '\'' || c == '/' || c == '@') {
        return -1;
      }
      int user = c == ':' && p + 1 < at ? EmailDetector.userBeforeColon(s, p) : -1;
      if (user >= 0 && isUriScheme(s, user, p)) {
        return -1;
      }
      if (user >= 0) {
        if (!KeyValueDetector.isSystemAccount(s, user, p)) {
          s.add(user, p, DetectorType.USERNAME);
        }
        return s.add(p + 1, at, DetectorType.SECRET) ? at : -1;
      }
    }
    return -1;
  }

  private static final String[] SCHEMES_WITHOUT_SLASHES = {"sip", "sips", "mailto", "xmpp", "tel", "im", "pres"};

  /**
   * (session 31) After a configured keyword that stands as a Windows domain ({@code HOOLI\\kmensah},
   * {@code HOOLI\\\\kmensah} as a shell or JSON escapes it): the account after the backslash, unless a built-in
   * one. A {@code \\} between words is as often a path, but the customer's own name before it says it is an account.
   */
  static void afterDomainKeyword(Scan s, int keyword, int backslash) {
    int before = s.at(keyword - 1);
    if (before == '\\' || before == '/' || before == ':' || Bytes.isWord(before)) {
      return; // a path's folder (C:\\acme\\reports), not a domain
    }
    int start = s.at(backslash + 1) == '\\' ? backslash + 2 : backslash + 1;
    int end = start;
    while (end < s.hi && end - start < 64 && isLoginChar(s.b[end])) {
      end++;
    }
    if (end > start && Bytes.isAlpha(s.b[start]) && !KeyValueDetector.isSystemAccount(s, start, end)) {
      s.add(start, end, DetectorType.USERNAME);
    }
  }

  /**
   * At an {@code @} that no address follows: PostgreSQL's {@code user@database} log prefix, an ssh target on a host
   * without a dot, a Matrix id (one call from the scanner's loop: a call more there cost 5 % in memory).
   */
  static int beforeName(Scan s, int at) {
    int r = postgresPrefix(s, at);
    r = r >= 0 ? r : beforeSshHost(s, at);
    return r >= 0 ? r : matrixId(s, at);
  }

  /**
   * (session 31) At the {@code @} of an ssh, scp, rsync or sftp target whose host is a name without a dot
   * ({@code ssh deploy_bot@web-prod-03 uptime}, {@code rsync -az ./dist/ deploy@web-prod-04:/srv/}; a dotted name is
   * an e-mail address's shape, which {@link EmailDetector} takes whole): the login, on a line that names one of those
   * commands, after a blank or a quote; built-in accounts stay ({@code git@gitlab:…}). Returns {@code at}, or -1.
   */
  static int beforeSshHost(Scan s, int at) {
    if (!isLoginChar(s.at(at - 1)) || !Bytes.isAlpha(s.at(at + 1))) {
      return -1; // (JSON logs' "@timestamp", "@version": ~100,000 per 64 MiB of make-logs)
    }
    int h = at + 1;
    while (h < s.hi && h - at <= 64 && (Bytes.isAlnum(s.b[h]) || s.b[h] == '-' || s.b[h] == '_')) {
      h++;
    }
    int next = s.at(h);
    if (!(next == ':' || next == ' ' || next == '\'' || next == '"' || next == '\n' || next == '\r' || next == 0)) {
      return -1;
    }
    if (next == ' ' && Bytes.isUpper(s.at(h + 1))) {
      return -1; // PostgreSQL's "[4242] app@orders LOG:  …", its user@database prefix (postgresPrefix's)
    }
    int st = nameStart(s, at, MAX_LOGIN, LOGIN);
    int before = s.at(st - 1);
    boolean prompt = isPrompt(s, st, h);
    if (st == at || !Bytes.isAlpha(s.b[st])
        || !(prompt || ((before == ' ' || before == '\'' || before == '"' || st == s.lo)
            && namesSshCommand(s, st)))
        || KeyValueDetector.isSystemAccount(s, st, at)) {
      return -1;
    }
    return s.add(st, at, DetectorType.USERNAME) ? at : -1;
  }

  /**
   * Whether a shell's prompt starts the line at the login {@code st}, its host ending at {@code h}: Red Hat's
   * {@code [jdoe@db03 ~]$ } and Debian's {@code jdoe@web01:~/src$ } (also {@code #} for root's).
   */
  private static boolean isPrompt(Scan s, int st, int h) {
    boolean bracket = s.at(st - 1) == '[';
    int ls = bracket ? st - 1 : st;
    if (!(ls == s.lo || s.at(ls - 1) == '\n')) {
      return false;
    }
    int p = h + 1;
    if (bracket ? s.at(h) != ' ' : s.at(h) != ':') {
      return false;
    }
    while (p < s.hi && p - h < 256 && s.b[p] > ' ' && s.b[p] != ']' && s.b[p] != '$' && s.b[p] != '#') {
      p++;
    }
    if (bracket) {
      if (s.at(p) != ']') {
        return false;
      }
      p++;
    }
    return (s.at(p) == '$' || s.at(p) == '#') && (s.at(p + 1) == ' ' || s.at(p + 1) == '\n');
  }

  /**
   * Whether the line before {@code to} names ssh, scp, sftp, rsync or ProxyJump as a word: only at word starts of s, r
   * and p ({@link CommandLineDetector#lineMentions} tries every word at every byte, 3 % in memory here).
   */
  private static boolean namesSshCommand(Scan s, int to) {
    for (int i = CommandLineDetector.lineStartWithin(s, to, 256); i < to - 4; i++) {
      int c = s.b[i] | 0x20;
      if ((c == 's' || c == 'r' || c == 'p') && (i == s.lo || !Bytes.isWord(s.b[i - 1]))
          && (Bytes.startsWithIgnoreCase(s.b, i, to, "ssh ") || Bytes.startsWithIgnoreCase(s.b, i, to, "scp ")
              || Bytes.startsWithIgnoreCase(s.b, i, to, "sftp ") || Bytes.startsWithIgnoreCase(s.b, i, to, "rsync ")
              || Bytes.startsWithIgnoreCase(s.b, i, to, "proxyjump "))) {
        return true;
      }
    }
    return false;
  }

  /** The URI schemes written without {@code //} before a user and an address: SIP's, mail's, XMPP's. */
  private static boolean isUriScheme(Scan s, int start, int end) {
    for (String scheme : SCHEMES_WITHOUT_SLASHES) {
      if (end - start == scheme.length() && Bytes.startsWithIgnoreCase(s.b, start, end, scheme)) {
        return true;
      }
    }
    return false;
  }

  /**
   * At the {@code @} of PostgreSQL's {@code log_line_prefix} {@code %u@%d} (Debian's default is
   * {@code '%m [%p] %q%u@%d '}: {@code 2026-11-27 10:00:00 UTC [4242] jane@billing LOG:  …}, on every line of a
   * session): after the process id's {@code ] } the user, after the {@code @} the database, a blank and a severity
   * word with its colon. The user (not {@code postgres}, the superuser, nor {@code [unknown]}) as a user name, like
   * {@code user=jane} in the same log; the database stays. Returns {@code at} when it took one, else -1.
   */
  static int postgresPrefix(Scan s, int at) {
    int st = nameStart(s, at, 64, PG_ROLE);
    if (st == at || s.at(st - 1) != ' ' || s.at(st - 2) != ']') {
      return -1;
    }
    int p = at + 1;
    if (Bytes.startsWith(s.b, p, s.hi, "[unknown]")) {
      p += 9; // (session 31) a replication connection's: replicator@[unknown] LOG:  replication connection …
    }
    while (p - at <= 64 && (isPgName(s.at(p)) || s.at(p) >= 0x80)) {
      p++;
    }
    if (s.at(p) == '/' && p > at + 1) { // %u@%d/%a: the application name after the database
      while (p - at <= 128 && s.at(p) > ' ') {
        p++;
      }
    }
    int w = p + 1;
    while (Bytes.isUpper(s.at(w)) || Bytes.isDigit(s.at(w))) {
      w++;
    }
    if (p == at + 1 || s.at(p) != ' ' || w - p < 4 || s.at(w) != ':'
        || KeyValueDetector.isSystemAccount(s, st, at)) {
      return -1;
    }
    return s.add(st, at, DetectorType.USERNAME) ? at : -1;
  }

  /** Which ASCII bytes {@link #nameStart} takes: a login's, a PostgreSQL role's, a name's but {@code @}. */
  private static final int LOGIN = 0;
  private static final int PG_ROLE = 1;
  private static final int NAME_NOT_AT = 2;

  /**
   * The start of the name that ends at {@code end}: back over the ASCII bytes of {@code kind} and over letters of
   * any script, also JSON-escaped ({@link Bytes#letterBefore}), while at most {@code max} bytes are taken. (A kind,
   * not a predicate: the call per byte stays direct in C1's code, which runs the detectors.)
   */
  private static int nameStart(Scan s, int end, int max, int kind) {
    int floor = s.floor();
    int st = end;
    while (st > floor && end - st <= max) {
      int c = s.b[st - 1];
      boolean ascii = kind == LOGIN ? isLoginChar(c) : kind == PG_ROLE ? isPgName(c) : isNameChar(c) && c != '@';
      if (ascii) {
        st--;
      } else {
        int n = Bytes.letterBefore(s.b, st, floor, end);
        if (n == 0) {
          break;
        }
        st -= n;
      }
    }
    return st;
  }

  private static boolean isPgName(int c) {
    return Bytes.isWord(c) || c == '-' || c == '.' || c == '$';
  }

  private static final int MAX_LOGIN = 32;

  private static boolean isLoginChar(int c) {
    return Bytes.isAlnum(c) || c == '.' || c == '_' || c == '-';
  }

  /** Whether an IPv4 address, or an IPv4 or IPv6 address in brackets, starts at {@code p}. */
  private static boolean addressAt(Scan s, int p) {
    return addressEnd(s, p) >= 0;
  }

  /** The end of an IPv4 address, or of an IPv4 or IPv6 address in brackets (past the bracket), at {@code p}; or -1. */
  private static int addressEnd(Scan s, int p) {
    boolean bracket = s.at(p) == '[';
    int q = bracket ? p + 1 : p;
    int end = Bytes.isDigit(s.at(q)) ? Ipv4Detector.parse(s, q, s.scratch) : -1;
    if (end >= 0) {
      int next = s.at(end);
      return bracket ? (next == ']' ? end + 1 : -1)
          : !Bytes.isWord(next) && !(next == '.' && Bytes.isDigit(s.at(end + 1))) ? end : -1;
    }
    if (!bracket) {
      return -1;
    }
    int colons = 0;
    int e = q;
    while (e - q < 46 && (Bytes.isHex(s.at(e)) || s.at(e) == ':' || s.at(e) == '.')) {
      colons += s.at(e) == ':' ? 1 : 0;
      e++;
    }
    return colons >= 2 && s.at(e) == ']' ? e + 1 : -1;
  }

  /** After {@code invalid user }, {@code for user }, {@code of user }, …: the next word. */
  static int afterPhrase(Scan s, int last, boolean needsFrom, boolean needsPort) {
    int p = last + 1;
    if (s.at(last) == ':') { // Windows' "Account Name:" and its tabs, also JSON-escaped (\t\t in a Message field)
      int n = 0;
      while (n++ < 8 && (s.at(p) == ' ' || s.at(p) == '\t' || (s.at(p) == '\\' && s.at(p + 1) == 't'))) {
        p += s.at(p) == '\\' ? 2 : 1;
      }
    }
    if (s.at(p) >= 0x80 && Bytes.unicodeQuote(s.b, p, s.hi) > 0) {
      return unicodeQuoted(s, p); // (session 29) localized messages' quotes: für Benutzer »jdoe«, l'utilisateur « jdoe »
    }
    int open = isQuote(s.at(last)) ? last : isQuote(s.at(p)) ? p : -1; // the phrase's quote (user 'x') or the value's
    // a JSON-escaped quote (\" in a JSON log's message) as a quote, its backslash before the closing one too
    boolean escaped = open < 0 && s.at(p) == '\\' && isQuote(s.at(p + 1));
    if (escaped) {
      open = p + 1;
    }
    // a name in brackets or parentheses: Samba's "Authentication for user [bob] -> [bob] FAILED", Tomcat's
    // "Username [bob] NOT successfully authenticated" (the phrase's own bracket), PostgreSQL's "user name (bob)"
    int lastByte = s.at(last);
    int bracketAt = open >= 0 || escaped ? -1 : lastByte == '[' || lastByte == '(' ? last : s.at(p) == '[' ? p : -1;
    int closer = bracketAt < 0 ? 0 : s.at(bracketAt) == '[' ? ']' : ')';
    int start = open == p || bracketAt == p ? p + 1 : escaped ? p + 2 : p;
    // a quote doubled by a CSV field around the message (PostgreSQL's csvlog: "… for user ""kate""")
    boolean doubled = open >= 0 && !escaped && s.at(start) == s.at(open) && s.at(start + 1) != s.at(open);
    if (doubled) {
      start++;
    }
    int end = wordEnd(s, start);
    if (end - start == 9 && s.at(end) == ':' && Bytes.startsWith(s.b, start, end, "unix-user")) {
      start = end + 1; // polkit's "authenticated as unix-user:alice": the name after the kind
      end = wordEnd(s, start);
    }
    if (((open >= 0 && !escaped) || s.at(last) == ':') && s.at(end) == '\\') {
      // a Windows account in quotes, domain and user (SQL Server's "Login failed for user 'CORP\alice'."), or after
      // a label's colon (Account Name: CORP\alice; session 31: the domain went and the user stayed): all of it
      int user = wordEnd(s, end + 1);
      int e = s.at(end + 1);
      boolean escape = (e == 'r' || e == 'n' || e == 't') && (s.at(end + 2) == '\\' || Bytes.isUpper(s.at(end + 2)));
      if (user > end + 2 && !escape) { // (not a JSON escape after the name: jdoe\r\n\tAccount Domain)
        end = user;
      }
    }
    if (end - start == 2 && Bytes.startsWith(s.b, start, end, "NT") && (Bytes.startsWith(s.b, end, s.hi, " AUTHORITY\\")
        || Bytes.startsWith(s.b, end, s.hi, " SERVICE\\"))) {
      return -1; // Windows' own accounts, NT AUTHORITY\SYSTEM, NT SERVICE\MSSQLSERVER
    }
    while (end > start && s.at(end - 1) == '.') {
      end--;
    }
    int close = escaped && s.at(end) == '\\' ? end + 1 : end;
    if (end == start || (open >= 0 && s.at(close) != s.at(open)) || (doubled && s.at(close + 1) != s.at(open))
        || (bracketAt >= 0 && s.at(end) != closer)
        || (end - start == 1 && s.at(start) == '-')
        || (open < 0 && s.at(end) == '=' && s.at(end + 1) > ' ')) {
      // (a DN after the phrase, "Failed to authenticate user CN=Jane Doe,OU=…": the DN's names are the DN rule's)
      return -1;
    }
    int after = open >= 0 || bracketAt >= 0 ? close + 1 : end; // past the closing quote or bracket
    if (needsFrom && !Bytes.startsWith(s.b, after, s.hi, " from ")) {
      return -1;
    }
    if (needsPort && (s.at(after) != ' ' || !portFollows(s, after + 1))) {
      return -1; // sshd's "Disconnected from user U ADDRESS port N", not "loaded from user settings"
    }
    if (Bytes.startsWith(s.b, start, s.hi, "invalid ")
        || KeyValueDetector.isSystemAccount(s, start, end)
        || (s.at(end) == ' ' && KeyValueDetector.isSystemAccount(s, start, wordEnd(s, end + 1))) // NETWORK SERVICE
        || (open < 0 && bracketAt < 0 && isNoName(s, start, end) && !Bytes.startsWith(s.b, after, s.hi, " from "))) {
      return -1;
    }
    if (closer == ']' && Bytes.startsWith(s.b, after, s.hi, " -> [")) { // Samba's mapped name: [bob] -> [BOB]
      int mapped = after + 5;
      int mappedEnd = wordEnd(s, mapped);
      if (mappedEnd > mapped && s.at(mappedEnd) == ']' && !KeyValueDetector.isSystemAccount(s, mapped, mappedEnd)) {
        s.add(mapped, mappedEnd, DetectorType.USERNAME);
      }
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * After a phrase that names a user when a fixed text follows the user's name: sshd's Kerberos
   * {@code Authorized to x, krb5 principal …} ({@code , krb5 principal}), doas' {@code doas: x ran command}
   * ({@code  ran command}), pluto's {@code XAUTH: User x: } ({@code :}). Elsewhere the phrase is prose
   * ({@code not authorized to perform}).
   */
  static int wordBetween(Scan s, int last, String phrase) {
    int start = last + 1;
    int end = wordEnd(s, start);
    String follows = phrase.charAt(0) == 'a' ? ", krb5 principal " : phrase.charAt(0) == 'd' ? " ran command " : ": ";
    if (end == start || !Bytes.startsWith(s.b, end, s.hi, follows) || isNoName(s, start, end)
        || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * At the quote of auditd's enriched {@code ID="x"} (upper case) in a user-management record ({@code ADD_USER},
   * {@code DEL_USER}, {@code USER_MGMT}, {@code ADD_GROUP}, …: {@code op=add-user id=1001 … ID="bob"}): the account
   * the record is about. An HTML or XML {@code id="…"} stays.
   */
  static int auditId(Scan s, int last) {
    if (s.b[last - 2] != 'D' || s.b[last - 3] != 'I' || s.at(last - 4) != ' ') {
      return -1;
    }
    int line = CommandLineDetector.lineStartWithin(s, last, 2048);
    if (Bytes.indexOf(s.b, line, last, "_USER msg=audit(") < 0 && Bytes.indexOf(s.b, line, last, "USER_MGMT msg=audit(") < 0
        && Bytes.indexOf(s.b, line, last, "_GROUP msg=audit(") < 0) {
      return -1;
    }
    int start = last + 1;
    int end = KeyValueDetector.closingQuote(s, start, '"');
    if (end <= start || KeyValueDetector.isSystemAccount(s, start, end) || Bytes.startsWith(s.b, start, end, "unknown")
        || Bytes.digitRun(s.b, start, end, end - start + 1) == end - start) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * After {@code /_security/user/} (Elasticsearch's security API, also {@code /_xpack/security/user/}): the user in the
   * path ({@code PUT /_security/user/jdoe/_password}); the API's own names ({@code _has_privileges}) stay.
   */
  static int pathUser(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end - start < 128 && (Bytes.isWord(s.at(end)) || s.at(end) == '.' || s.at(end) == '-' || s.at(end) == '@'
        || s.at(end) == '%')) {
      end++;
    }
    int n = s.at(end);
    if (end == start || s.at(start) == '_' || !(n == 0 || n == '/' || n == '?' || n == ' ' || n == '"' || n == '\''
        || n == '\n' || n == '\r' || n == '#' || n == '&') || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * At the {@code (} of MongoDB's shell helpers that name a user first: {@code db.updateUser("x", …)},
   * {@code dropUser}, {@code getUser}, {@code grantRolesToUser}, {@code revokeRolesFromUser},
   * {@code changeUserPassword("x", "pw")} (its password too).
   */
  static int mongoUserCall(Scan s, int last) {
    int q = s.at(last + 1);
    if (q != '"' && q != '\'') {
      return -1;
    }
    int start = last + 2;
    int end = KeyValueDetector.closingQuote(s, start, q);
    if (end <= start || KeyValueDetector.isPlaceholder(s, start, end) || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    s.add(start, end, DetectorType.USERNAME);
    if (s.b[last - 1] == 'd' && s.at(end + 1) == ',') { // changeUserPassword("x", "pw")
      int p = KeyValueDetector.skipSpaces(s, end + 2);
      int pq = s.at(p);
      int pe = pq == '"' || pq == '\'' ? KeyValueDetector.closingQuote(s, p + 1, pq) : -1;
      if (pe > p + 1 && !KeyValueDetector.isPlaceholder(s, p + 1, pe)) {
        s.add(p + 1, pe, DetectorType.SECRET);
        return pe;
      }
    }
    return end;
  }

  /** At the blank of {@code sudo: }: {@code sudo:    USER : TTY=…} or {@code USER : 3 incorrect password attempts}. */
  static int sudo(Scan s, int last) {
    if (Bytes.isWord(s.at(last - 6))) {
      return -1;
    }
    return sudoUser(s, last + 1);
  }

  /**
   * At the {@code /} of an IAM user's ARN, {@code arn:aws:iam::123456789012:user/NAME} (also of its MFA device,
   * {@code :mfa/NAME}, named after the user by the console; CloudTrail's
   * {@code userIdentity.arn}, policy errors; also {@code arn:aws-cn}, {@code arn:aws-us-gov}): the name, with its path
   * ({@code user/ops/alice}).
   */
  static int iamUserArn(Scan s, int last, int textLength) {
    int colon = last - textLength + 1;
    int digits = colon - 12;
    if (digits < s.floor() + 7 || s.b[digits - 1] != ':' || s.b[digits - 2] != ':') {
      return -1;
    }
    for (int i = digits; i < colon; i++) {
      if (!Bytes.isDigit(s.b[i])) {
        return -1;
      }
    }
    if (!Bytes.startsWith(s.b, digits - 5, s.hi, "iam::")) {
      return -1;
    }
    int start = last + 1;
    int end = start;
    while (end - start < 512 && (Bytes.isAlnum(s.at(end)) || isIamNameChar(s.at(end)))) {
      end++;
    }
    while (end > start && s.b[end - 1] == '/') {
      end--;
    }
    return end > start && s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * An AWS role session's name, the login of a person behind SSO or federation: at the {@code /} after
   * {@code assumed-role} ({@code arn:aws:sts::123456789012:assumed-role/DevOps/alice}: after the role's name) and at
   * the {@code A} of a role's unique id before its session ({@code "principalId":"AROA3XFRBF535PLBIFPI4:alice"}).
   */
  static int roleSession(Scan s, int last) {
    int p;
    if (s.b[last] == '/') {
      p = last + 1;
      while (p < s.hi && p - last < 128 && (Bytes.isAlnum(s.b[p]) || isIamNameChar(s.b[p])) && s.b[p] != '/') {
        p++;
      }
      if (s.at(p) != '/' || p == last + 1) {
        return -1;
      }
    } else {
      int id = last - 3; // AROA…
      if (!Bytes.startsWith(s.b, id, s.hi, "AROA") || Bytes.isAlnum(s.at(id - 1))) {
        return -1;
      }
      p = last + 1;
      while (p < s.hi && p - last < 32 && (Bytes.isUpper(s.b[p]) || Bytes.isDigit(s.b[p]))) {
        p++;
      }
      if (p - last < 13 || s.at(p) != ':') {
        return -1;
      }
    }
    int start = p + 1;
    int end = start;
    while (end < s.hi && end - start < 64 && (Bytes.isAlnum(s.b[end]) || (isIamNameChar(s.b[end]) && s.b[end] != '/'))) {
      end++;
    }
    return end - start < 2 || KeyValueDetector.isSystemAccount(s, start, end) || s.at(start) == '<'
        || !s.add(start, end, DetectorType.USERNAME) ? -1 : end;
  }

  private static boolean isIamNameChar(int c) {
    return c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '_' || c == '-' || c == '/';
  }

  /** At the {@code [} of {@code sudo[}: journald's and rsyslog's {@code sudo[29001]:  USER : TTY=…}. */
  static int sudoWithPid(Scan s, int last) {
    if (Bytes.isWord(s.at(last - 5))) {
      return -1;
    }
    int p = last + 1;
    while (p - last <= 10 && Bytes.isDigit(s.at(p))) {
      p++;
    }
    if (p == last + 1 || s.at(p) != ']' || s.at(p + 1) != ':' || s.at(p + 2) != ' ') {
      return -1;
    }
    return sudoUser(s, p + 3);
  }

  private static int sudoUser(Scan s, int start) {
    int n = 0;
    while (n++ < 16 && s.at(start) == ' ') {
      start++;
    }
    int end = wordEnd(s, start);
    if (end == start || !Bytes.startsWith(s.b, end, s.hi, " : ")
        || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * After {@code postgres: } of a PostgreSQL backend's process title in {@code ps} and {@code top -c}
   * ({@code postgres: 16/main: app_rw orders 10.0.0.5(50122) idle}, without the cluster's name
   * {@code postgres: app_rw orders [local] SELECT}): the user before the database and the client's address in
   * parentheses or {@code [local]}; a background process's title ({@code postgres: 16/main: checkpointer}) has none,
   * and {@code postgres} itself stays. Returns the user's end, or -1.
   */
  static int postgresBackend(Scan s, int last) {
    int p = last + 1;
    int w = p;
    while (w < s.hi && w - p < 64 && s.b[w] > ' ' && s.b[w] != ':') {
      w++;
    }
    if (s.at(w) == ':' && s.at(w + 1) == ' ') { // the cluster's name (16/main)
      p = w + 2;
    }
    int user = p;
    int userEnd = wordEnd(s, user);
    if (userEnd == user || s.at(userEnd) != ' ') {
      return -1;
    }
    int db = userEnd + 1;
    int dbEnd = wordEnd(s, db);
    if (dbEnd == db || s.at(dbEnd) != ' ') {
      return -1;
    }
    int client = dbEnd + 1;
    if (!Bytes.startsWith(s.b, client, s.hi, "[local]")) {
      int c = client;
      while (c < s.hi && c - client < 256 && (Bytes.isAlnum(s.b[c]) || s.b[c] == '.' || s.b[c] == ':'
          || s.b[c] == '-' || s.b[c] == '<' || s.b[c] == '>' || s.b[c] == '_')) {
        c++;
      }
      if (c == client || s.at(c) != '(' || !Bytes.isDigit(s.at(c + 1))) {
        return -1;
      }
    }
    if (KeyValueDetector.isSystemAccount(s, user, userEnd)) {
      return -1;
    }
    return s.add(user, userEnd, DetectorType.USERNAME) ? userEnd : -1;
  }

  /**
   * At the {@code =} of {@code ) gid=} in {@code id}'s output ({@code uid=1001(jdoe) gid=1001(jdoe)
   * groups=1001(jdoe),27(sudo)}, also after {@code euid=} and in {@code ps}' and {@code stat}'s forms): the user in
   * the parentheses after {@code uid=N}, and the same name as a group on the line (its own group); other groups stay
   * ({@code sudo}, {@code docker}), and so does a built-in account. Returns the end of the line's last name taken, or
   * -1.
   */
  static int idOutput(Scan s, int last) {
    int close = last - 5;
    int open = close - 1;
    while (open > s.lo && close - open <= 64 && s.b[open] != '(' && s.b[open] > ' ') {
      open--;
    }
    int d = open;
    while (d > s.lo && Bytes.isDigit(s.b[d - 1])) {
      d--;
    }
    if (s.at(open) != '(' || d == open || !Bytes.startsWith(s.b, d - 4, s.hi, "uid=") || close == open + 1
        || KeyValueDetector.isSystemAccount(s, open + 1, close)) {
      return -1;
    }
    int len = close - open - 1;
    int r = s.add(open + 1, close, DetectorType.USERNAME) ? close : -1;
    for (int p = last + 1; p < s.hi && s.b[p] != '\n' && p - last < 4096; p++) {
      if (s.b[p] == '(' && s.at(p + len + 1) == ')' && java.util.Arrays.equals(s.b, p + 1, p + 1 + len, s.b, open + 1,
          close) && s.add(p + 1, p + 1 + len, DetectorType.USERNAME)) {
        r = p + 1 + len;
      }
    }
    return r;
  }

  /** At the {@code =} of {@code (uid=}: pam's {@code by USER(uid=1001)}, {@code for user USER(uid=…)}. */
  static int beforeUid(Scan s, int last) {
    int paren = last - 4;
    int floor = s.floor();
    int start = nameStart(s, paren, 63, NAME_NOT_AT);
    start = Bytes.pastEscape(s.b, start, floor, paren);
    if (start == paren || !Bytes.isDigit(s.at(last + 1)) || KeyValueDetector.isSystemAccount(s, start, paren)
        || (paren - start == 5 && Bytes.startsWith(s.b, start, paren, "LOGIN"))) { // pam's "by LOGIN(uid=0)": login
      return -1;
    }
    return s.add(start, paren, DetectorType.USERNAME) ? paren : -1;
  }

  /** At the blank of {@code (to }: su's {@code (to TARGET) USER on TTY}; {@code root} stays. */
  static int su(Scan s, int last) {
    int start = last + 1;
    int end = wordEnd(s, start);
    if (end == start || s.at(end) != ')' || s.at(end + 1) != ' ') {
      return -1;
    }
    int userStart = end + 2;
    int userEnd = wordEnd(s, userStart);
    if (userEnd == userStart || !Bytes.startsWith(s.b, userEnd, s.hi, " on ")) {
      return -1;
    }
    int r = -1;
    if (!KeyValueDetector.isSystemAccount(s, start, end) && s.add(start, end, DetectorType.USERNAME)) {
      r = end;
    }
    if (!KeyValueDetector.isSystemAccount(s, userStart, userEnd) && s.add(userStart, userEnd, DetectorType.USERNAME)) {
      r = userEnd;
    }
    return r;
  }

  /** At the {@code =} of {@code ; logname=}: pam's failure line, {@code logname=U uid=… ruser=U rhost=…}. */
  static int pamLogname(Scan s, int last) {
    int r = -1;
    int end = wordEnd(s, last + 1);
    if (end > last + 1 && !KeyValueDetector.isSystemAccount(s, last + 1, end)
        && s.add(last + 1, end, DetectorType.USERNAME)) {
      r = end;
    }
    int limit = Math.min(s.hi, last + 256);
    for (int p = last + 1; p < limit && s.b[p] != '\n'; p++) {
      if (s.b[p] == ' ' && Bytes.startsWith(s.b, p + 1, limit, "ruser=")) {
        int vs = p + 7;
        int ve = wordEnd(s, vs);
        if (ve > vs && !KeyValueDetector.isSystemAccount(s, vs, ve) && s.add(vs, ve, DetectorType.USERNAME)) {
          r = ve;
        }
        break;
      }
    }
    return r;
  }

  /** The end of the user name at {@code start}: ASCII name bytes and letters of any script ({@code jürgen}). */
  static int wordEnd(Scan s, int start) {
    int end = start;
    while (end - start < 64) {
      if (isNameChar(s.at(end))) {
        end++;
      } else {
        int n = end < s.hi ? Bytes.letterAt(s.b, end, s.hi) : 0;
        if (n == 0) {
          break;
        }
        end += n;
      }
    }
    return end;
  }

  /** An address and {@code port } from {@code p}: {@code 10.9.0.7 port }, {@code 2001:db8::7 port }. */
  private static boolean portFollows(Scan s, int p) {
    int e = p;
    while (e - p < 46 && (Bytes.isHex(s.at(e)) || s.at(e) == '.' || s.at(e) == ':')) {
      e++;
    }
    return e > p && Bytes.startsWith(s.b, e, s.hi, " port ");
  }

  /**
   * Words that follow {@code invalid user}, {@code for user} in error messages, not names: "Invalid user credentials",
   * "invalid user or password", "Invalid user name or password", "for user account …". (In quotes or brackets a
   * name is a name, and so is one before sshd's " from ": "Invalid user name from 203.0.113.9", a guess.)
   */
  private static final String[] NO_NAMES = {"credentials", "credential", "or", "and", "name", "id", "input", "data",
      "session", "token", "password", "account", "object", "type", "format", "specified", "provided",
      // (session 22) prose after "for user": Dovecot's "(mailbox for user is full)", "… for user failed", "for user
      // notifications", "for user settings"
      "is", "was", "has", "had", "not", "failed", "does", "did", "with", "the", "a", "an", "to", "in", "on",
      "notifications", "settings", "accounts", "management", "unknown",
      // (session 29) the same after the localized phrases (für Benutzer, pour l'utilisateur, para el usuario, …)
      "mit", "der", "die", "das", "den", "dem", "des", "und", "oder", "ist", "wurde", "nicht", "ohne", "von", "im",
      "ein", "eine", "unbekannt", "de", "du", "la", "le", "les", "et", "est", "non", "inconnu", "avec", "el", "los",
      "del", "y", "con", "no", "desconocido", "da", "do", "com", "e", "o", "il", "lo", "per", "sconosciuto", "het",
      "een", "met", "niet", "onbekend"};

  private static boolean isNoName(Scan s, int start, int end) {
    for (String w : NO_NAMES) {
      if (end - start == w.length() && Bytes.startsWithIgnoreCase(s.b, start, end, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A name between quotes of other languages at {@code p}: guillemets either way ({@code »jdoe«} of German
   * PostgreSQL, {@code « jdoe »} of French, with a blank or a no-break space inside), typographic quotes
   * ({@code „jdoe“}, {@code “jdoe”}, {@code ‚jdoe‘}), CJK corner brackets ({@code 「jdoe」}).
   */
  private static int unicodeQuoted(Scan s, int p) {
    int start = Bytes.pastInnerBlank(s.b, p + Bytes.unicodeQuote(s.b, p, s.hi), s.hi);
    int end = wordEnd(s, start);
    int close = Bytes.pastInnerBlank(s.b, end, s.hi);
    if (end == start || Bytes.unicodeQuote(s.b, close, s.hi) == 0 || isNoName(s, start, end)
        || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * At the end of a pattern that begins with the quote closing a user's name: MySQL's account {@code 'user'@'host'}
   * in its messages, which it translates ({@code Benutzer 'x'@'h' hat keine Zugriffsberechtigung}, {@code Acceso
   * negado para usuario: 'x'@'h'}, {@code Доступ закрыт для пользователя 'x'@'h'}), and in grants and statements;
   * PostgreSQL's Korean and Turkish authentication failures ({@code "x" 사용자의 …}, {@code "x" kullanıcısı …}): the
   * quoted name before the pattern.
   */
  static int quotedBefore(Scan s, int last, int patternLength) {
    int close = last - patternLength + 1;
    int quote = s.at(close);
    int start = close;
    while (start > s.lo && close - start < 64 && s.at(start - 1) != quote && s.b[start - 1] != '\n') {
      start--;
    }
    if (start == close || s.at(start - 1) != quote || Bytes.isWord(s.at(start - 2)) || wordEnd(s, start) != close
        || KeyValueDetector.isSystemAccount(s, start, close)) {
      return -1;
    }
    return s.add(start, close, DetectorType.USERNAME) ? close : -1;
  }

  /** A quote around a name: also the backquote of MySQL's and Cypher's identifiers ({@code to user `janedoe`}). */
  private static boolean isQuote(int c) {
    return c == '"' || c == '\'' || c == '`';
  }

  /** After {@code /home/}. */
  static int home(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    int prev = s.at(first - 1);
    if (Bytes.isWord(prev) || prev == '.' || prev == '/' || Bytes.startsWith(s.b, last + 1, s.hi, "runner/")) {
      return -1; // (GitHub-hosted runners' fixed user, the same on every runner)
    }
    return segment(s, last + 1, '/');
  }

  /**
   * At the last byte of {@code pts/} or {@code tty} in the output of {@code who}, {@code w} and {@code last}
   * ({@code jane     pts/0        192.0.2.10       Mon Nov 25 10:11   still logged in}, {@code bob      tty1 …}): the
   * login name that starts the line, blanks before the terminal. Not {@code sudo}'s {@code TTY=pts/0} (no blank
   * before it) nor {@code last}'s {@code reboot   system boot} lines; {@code root} and the other fixed names stay.
   */
  static int terminalUser(Scan s, int last, int patternLength) {
    int t = last - patternLength + 1;
    if (patternLength == 6) { // :notty, of lastb's ssh:notty
      t -= 3;
      if (!Bytes.startsWith(s.b, t, s.hi, "ssh")) {
        return -1;
      }
    }
    boolean ttyNumber = Bytes.isDigit(s.at(last + 1)) || (s.at(last + 1) == 'S' && Bytes.isDigit(s.at(last + 2)));
    if (patternLength == 3 && !ttyNumber) {
      return -1; // tty1, ttyS0
    }
    if (s.at(t - 1) != ' ') {
      return -1;
    }
    int end = t - 1;
    while (end > s.lo && s.b[end - 1] == ' ') {
      end--;
    }
    int start = end;
    while (start > s.lo && end - start <= MAX_LOGIN && isLoginChar(s.b[start - 1])) {
      start--;
    }
    if (start == end || end - start > MAX_LOGIN || (start > s.lo && s.b[start - 1] != '\n')
        || !(Bytes.isAlpha(s.b[start]) || s.b[start] == '_') || KeyValueDetector.isSystemAccount(s, start, end)
        || (end - start == 6 && Bytes.startsWith(s.b, start, end, "reboot"))) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * After the key type and the {@code AAAA} that starts every OpenSSH public key ({@code ssh-ed25519 AAAAC3Nz…
   * jane@laptop} in {@code authorized_keys} or a cloud-init user's keys): the comment at the line's end when it is
   * {@code user@host} — the user a {@code user}, the host a {@code host} (an e-mail address the e-mail detector's).
   * The key itself is public and stays, as do other comments.
   */
  static int sshKeyComment(Scan s, int last) {
    int p = last + 1;
    while (p < s.hi && p - last < 16384 && (Bytes.isAlnum(s.b[p]) || s.b[p] == '+' || s.b[p] == '/')) {
      p++;
    }
    while (s.at(p) == '=') {
      p++;
    }
    if (p - last < 16 || s.at(p) != ' ') {
      return -1;
    }
    int start = p + 1;
    int end = start;
    int at = -1;
    while (end < s.hi && end - start < 256 && !Bytes.isSpace(s.b[end]) && s.b[end] != '"' && s.b[end] != '\'') {
      at = s.b[end] == '@' && at < 0 ? end : at;
      end++;
    }
    if (at <= start || at >= end - 1 || !(end >= s.hi || Bytes.isSpace(s.b[end]) || s.b[end] == '"'
        || s.b[end] == '\'')) {
      return -1;
    }
    for (int q = at + 1; q < end; q++) {
      if (s.b[q] == '.') {
        return s.enabled(DetectorType.EMAIL) ? EmailDetector.find(s, at) : -1;
      }
    }
    if (!KeyValueDetector.isSystemAccount(s, start, at)) {
      s.add(start, at, DetectorType.USERNAME);
    }
    return s.add(at + 1, end, DetectorType.HOSTNAME) ? end : -1;
  }

  /**
   * At the {@code _} of {@code HIER_} in Squid's native access log ({@code … GET http://example.com/ jane
   * HIER_DIRECT/192.0.2.20 text/html}): the field before it, the authenticated user (ident or proxy
   * authentication), when it is not {@code -}. Only on a line with a Squid result code ({@code TCP_MISS/200},
   * {@code TCP_DENIED/407}, {@code NONE_NONE/000}, {@code UDP_…}).
   */
  static int squidUser(Scan s, int last) {
    int h = last - 4;
    if (s.at(h - 1) != ' ') {
      return -1;
    }
    int end = h - 1;
    while (end > s.lo && s.b[end - 1] == ' ') {
      end--;
    }
    int start = end;
    while (start > s.lo && end - start <= MAX_LOGIN * 4 && !Bytes.isSpace(s.b[start - 1])) {
      start--;
    }
    if (start == end || (end - start == 1 && s.b[start] == '-') || start == s.lo || s.b[start - 1] != ' '
        || !CommandLineDetector.lineMentions(s, start, "tcp_", "none", "udp_")
        || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    for (int p = start; p < end; p++) {
      if (s.b[p] == '/' || s.b[p] == ':' || s.b[p] == '"') {
        return -1; // a URL, not a user: not Squid's native format
      }
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** After {@code C:\Users\} or its JSON-escaped form. */
  static int windowsHome(Scan s, int last) {
    int start = last + 1;
    int end = segmentEnd(s, start, '\\');
    for (String shared : SHARED_PROFILES) {
      if (end - start == shared.length() && Bytes.startsWithIgnoreCase(s.b, start, end, shared)) {
        return -1;
      }
    }
    return segment(s, start, '\\');
  }

  /** The profile folders under {@code C:\Users\} that belong to no user. */
  private static final String[] SHARED_PROFILES = {"public", "default", "all users", "default user"};

  /** After {@code /Users/} (exact case, at the root of a path). */
  static int macHome(Scan s, int last) {
    int first = last - 6;
    if (!Bytes.startsWith(s.b, first, s.hi, "/Users/")) {
      return -1;
    }
    int prev = s.at(first - 1);
    if (Bytes.isWord(prev) || prev == '.' || prev == '/' || prev == '-') {
      return -1;
    }
    int start = last + 1;
    if (Bytes.startsWith(s.b, start, s.hi, "Shared/")) {
      return -1;
    }
    return segment(s, start, '/');
  }

  /** After {@code \home$\} of a Windows home share ({@code \\fs01\home$\jdoe}, AD's HomeDirectory): the user. */
  static int homeShare(Scan s, int last) {
    return segment(s, last + 1, '\\');
  }

  /** After {@code Principal=Name: [} (Spring Security's OIDC user's {@code toString()}): the name up to {@code ]}. */
  static int bracketedName(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] != ']' && s.b[end] != '\n') {
      end++;
    }
    return s.at(end) == ']' && end > start && !KeyValueDetector.isPlaceholder(s, start, end)
        && s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** A path's segment that names a user (a home directory's), unless it is a built-in account's. */
  private static int segment(Scan s, int start, int sep) {
    int end = segmentEnd(s, start, sep);
    if (end == start || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  private static int segmentEnd(Scan s, int start, int sep) {
    int end = start;
    while (end - start < 64) {
      int c = s.at(end);
      if (c == '\\' && s.at(end + 1) == 'u') {
        int n = Bytes.letterAt(s.b, end, s.hi); // a JSON-escaped letter (of /home/jürgen/) is part of the name
        if (n > 0) {
          end += n;
          continue;
        }
      }
      if (c == 0 || c == sep || c == '"' || c == '\'' || c == ':' || c == ';' || c == ',' || c == ')'
          || c == '\\' || c == '/' || Bytes.isSpace(c) || isClosing(c)) {
        break;
      }
      end++;
    }
    return end;
  }

  /** A bracket, brace or angle bracket that ends a path in a log's structure ({@code [CWD=/home/alice]}), a pipe. */
  private static boolean isClosing(int c) {
    return c == ']' || c == '[' || c == '>' || c == '<' || c == '}' || c == '{' || c == '|' || c == '`';
  }

  private static boolean isNameChar(int c) {
    return Bytes.isWord(c) || c == '.' || c == '-' || c == '@' || c == '$';
  }

  /**
   * Spark's SecurityManager at start ({@code users  with view permissions: Set(alice, bob)}, {@code Changing view acls
   * to: alice,bob}, also modify), at the {@code (} or the blank after {@code to:}: each user of the list (a group's
   * list, {@code groups with … Set(…)}, {@code view acls groups to:}, stays; so does an empty one).
   */
  static int sparkAclUsers(Scan s, int last, int patternLength) {
    boolean set = s.b[last] == '(';
    if (set) {
      int w = last - patternLength - 3; // the byte before "with": the pattern starts at its 'h'
      while (w > s.lo && s.b[w] == ' ') {
        w--;
      }
      if (!Bytes.startsWithIgnoreCase(s.b, w - 4, w + 1, "users")) {
        return -1; // groups with view permissions: Set(…)
      }
    } else if (Bytes.startsWithIgnoreCase(s.b, last - 13, last, "groups to:")) {
      return -1;
    }
    int p = last + 1;
    int end = p;
    while (end < s.hi && end - p < 1024 && s.b[end] != '\n' && s.b[end] != '\r' && s.b[end] != (set ? ')' : ';')) {
      end++;
    }
    while (p < end) {
      while (p < end && (s.b[p] == ' ' || s.b[p] == ',')) {
        p++;
      }
      int e = p;
      while (e < end && s.b[e] != ',' && s.b[e] != ' ') {
        e++;
      }
      if (e > p && !KeyValueDetector.isSystemAccount(s, p, e) && s.at(p) != '<') {
        s.add(p, e, DetectorType.USERNAME);
      }
      p = e;
    }
    return -1; // the spans are kept; the pass goes on over the list
  }

  /**
   * At the {@code [} of Puppet's {@code User[name]} resource ({@code Notice: /Stage[main]/…/User[mthompson]/ensure:
   * created}): the name; when the resource's {@code comment} changed ({@code …/User[x]/comment: comment changed ''
   * to 'Mary Thompson'}), the new GECOS too, a person's name.
   */
  static int puppetUser(Scan s, int last) {
    if (s.at(last - 4) != 'U' || !(s.at(last - 5) == '/' || s.at(last - 5) == ' ' || last - 5 < s.lo)) {
      return -1;
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 128 && s.b[end] != ']' && s.b[end] != '\n') {
      end++;
    }
    if (s.at(end) != ']' || end == start || s.at(start) == '<' || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    if (end - start == 17 && MacDetector.isValue(s, start, end)) {
      // UniFi's "User[a4:83:e7:12:34:56] (Janes-iPhone) has connected": the MAC, and the device's own name
      if (s.at(end + 1) == ' ' && s.at(end + 2) == '(') {
        int ne = Bytes.indexOf(s.b, end + 3, Math.min(s.hi, end + 67), ")");
        if (ne > end + 3 && Bytes.indexOf(s.b, end + 3, ne, " ") < 0) {
          s.add(end + 3, ne, DetectorType.HOSTNAME);
        }
      }
      return s.add(start, end, DetectorType.MAC) ? end : -1;
    }
    s.add(start, end, DetectorType.USERNAME);
    if (Bytes.startsWith(s.b, end + 1, s.hi, "/comment: comment changed ")) {
      int to = Bytes.indexOf(s.b, end + 27, Math.min(s.hi, end + 27 + 512), " to '");
      if (to > 0) {
        int close = Bytes.indexOf(s.b, to + 5, Math.min(s.hi, to + 5 + 256), "'");
        if (close > to + 5 && s.at(to + 5) != '<') {
          s.add(to + 5, close, DetectorType.PERSON_NAME);
        }
      }
    }
    return end;
  }

  /**
   * At {@code o ~} of {@code echo ~user} (Ansible's {@code -vvv}: every SSH command starts by asking the remote
   * user's home, {@code /bin/sh -c 'echo ~deploy && sleep 0'}): the user ({@code echo ~ && …}, {@code echo ~/x} have
   * none).
   */
  static int echoHome(Scan s, int last) {
    if (!Bytes.startsWith(s.b, last - 5, last - 1, "echo")) {
      return -1;
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 64 && (Bytes.isWord(s.b[end]) || s.b[end] == '-' || s.b[end] == '.')) {
      end++;
    }
    return end > start && !KeyValueDetector.isSystemAccount(s, start, end) && s.add(start, end, DetectorType.USERNAME)
        ? end : -1;
  }

  /**
   * At the {@code @} of a Matrix user id, {@code @kfischer:matrix.example.org} (Synapse's access log's requester
   * {@code {@kfischer:…}}, its handlers' "Registering user @x:server", a client's {@code "user_id"}): the localpart,
   * lower-case letters, digits and {@code ._=/+-}, then a colon and a server name with a dot (the server stays for the
   * host detectors). Only where the {@code @} starts a word: an e-mail address has its local part before it.
   */
  static int matrixId(Scan s, int at) {
    int before = s.at(at - 1);
    if (!(at == s.lo || before == '{' || before == ' ' || before == '"' || before == '(' || before == '<'
        || before == '\'' || before == '[' || before == '\n' || before == '\t' || before == ',')) {
      return -1;
    }
    int p = at + 1;
    while (p - at <= 64 && (Bytes.isLower(s.at(p)) || Bytes.isDigit(s.at(p)) || s.at(p) == '.' || s.at(p) == '_'
        || s.at(p) == '=' || s.at(p) == '-' || s.at(p) == '/' || s.at(p) == '+')) {
      p++;
    }
    if (p == at + 1 || s.at(p) != ':' || !Bytes.isAlnum(s.at(p + 1))) {
      return -1;
    }
    int d = p + 1;
    boolean dot = false;
    while (d - p < 256 && (Bytes.isAlnum(s.at(d)) || s.at(d) == '-' || s.at(d) == '.')) {
      dot |= s.at(d) == '.' && Bytes.isAlpha(s.at(d + 1));
      d++;
    }
    if (!dot || KeyValueDetector.isSystemAccount(s, at + 1, p)) {
      return -1;
    }
    return s.add(at + 1, p, DetectorType.USERNAME) ? p : -1;
  }

  /** SAML attribute names (the last part of a claim's URI) that the key names do not cover, and their types. */
  private static final java.util.Map<String, DetectorType> SAML_NAMES = java.util.Map.of("uid", DetectorType.USERNAME,
      "upn", DetectorType.USERNAME, "samaccountname", DetectorType.USERNAME, "windowsaccountname",
      DetectorType.USERNAME, "name", DetectorType.USERNAME, "cn", DetectorType.PERSON_NAME, "sn",
      DetectorType.PERSON_NAME, "givenname", DetectorType.PERSON_NAME, "surname", DetectorType.PERSON_NAME);

  /**
   * At the last byte of {@code AttributeValue} of a SAML assertion's {@code <saml2:AttributeValue …>x</…>} (an IdP's
   * or a service provider's trace, Keycloak's, Shibboleth's, ADFS's debug logs): the value, typed by the
   * {@code Attribute}'s {@code Name} (or {@code FriendlyName}) before it, the last part of a claim's URI
   * ({@code …/claims/givenname}) or a key name ({@code displayName}, {@code mobile}, {@code uid}).
   */
  static int samlAttributeValue(Scan s, int last) {
    int first = last - 13;
    int before = s.at(first - 1);
    if (before != '<' && before != ':') {
      return -1; // (the element's name, with or without its namespace)
    }
    int open = last + 1;
    int limit = Math.min(s.hi, open + 512);
    while (open < limit && s.b[open] != '>' && s.b[open] != '<' && s.b[open] != '\n') {
      open++;
    }
    if (s.at(open) != '>' || s.at(open - 1) == '/') {
      return -1;
    }
    int start = open + 1;
    int end = start;
    while (end < s.hi && end - start < 1024 && s.b[end] != '<' && s.b[end] != '\n') {
      end++;
    }
    if (s.at(end) != '<' || end == start || s.at(start) == '<') {
      return -1;
    }
    int name = Bytes.lastIndexOfIgnoreCase(s.b, Math.max(s.lo, first - 1024), first, "name=\"");
    if (name < 0) {
      return -1;
    }
    int ns = name + 6;
    int ne = Bytes.indexOf(s.b, ns, first, "\"");
    if (ne <= ns || Bytes.indexOf(s.b, ne, first, "AttributeValue") >= 0 && Bytes.indexOf(s.b, ne, first,
        "</") >= 0) {
      return -1; // (the name belongs to an earlier attribute, closed before this value)
    }
    int seg = ne;
    while (seg > ns && s.b[seg - 1] != '/' && s.b[seg - 1] != ':') {
      seg--;
    }
    String attr = new String(s.b, seg, ne - seg, java.nio.charset.StandardCharsets.ISO_8859_1);
    DetectorType type = SAML_NAMES.get(attr.toLowerCase(java.util.Locale.ROOT));
    if (type == null) {
      type = KeyNames.classify(attr);
    }
    if (type == null || type == DetectorType.EMAIL) {
      return -1; // (an e-mail address is found as one)
    }
    return s.add(start, end, type) ? end : -1;
  }
}
