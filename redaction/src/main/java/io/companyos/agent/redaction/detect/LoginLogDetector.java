package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * User names, and a few passwords, in the lines of login programs and daemons (OpenSSH, login, su, sudo, cron,
 * pkexec, Dovecot, OpenVPN, Samba, vsftpd), databases (PostgreSQL, MySQL, Neo4j) and tools (Vault, Elasticsearch,
 * Jenkins) where no key and no phrase such as {@code for user} marks them: each method names the program and its
 * format, taken from its source or manual. Each pattern starts at a rare three bytes of its phrase (the scanner tests
 * every position against the first three bytes of every pattern) and the method checks the rest. {@code root},
 * {@code nobody} and tokens of an earlier redaction stay.
 */
final class LoginLogDetector {
  private LoginLogDetector() {}

  /** How far a line's fields are looked for. */
  private static final int LINE = 512;

  /**
   * At the last byte of {@code owed because} (of {@code not allowed because}): OpenSSH's {@code User NAME from HOST
   * not allowed because not listed in AllowUsers} (also {@code DenyUsers}, the group checks) and {@code User NAME
   * not allowed because account is locked} (auth.c's allowed_user). The name, a word after {@code User } that
   * starts the message.
   */
  static int sshdNotAllowed(Scan s, int last, int patternLength) {
    int not = last - patternLength + 1 - 7;
    int blank = not - 1;
    // past the host's span too (an address is matched before this): the name lies before it, apart
    int floor = Math.max(s.lo, s.emitFrom);
    if (blank <= floor || s.b[blank] != ' ' || !Bytes.startsWith(s.b, not, last, "not all")) {
      return -1;
    }
    int nameEnd = blank;
    int w = wordBefore(s, blank, floor, 256);
    if (w - 6 >= floor && Bytes.startsWith(s.b, w - 6, blank, " from ")) {
      nameEnd = w - 6; // the host after " from "
    }
    int nameStart = wordBefore(s, nameEnd, floor, 100);
    int user = nameStart - 5;
    if (nameStart == nameEnd || user < floor || !Bytes.startsWith(s.b, user, nameEnd, "User ")
        || !(user == s.lo || s.b[user - 1] == ' ' || s.b[user - 1] == '\n')) {
      return -1;
    }
    return add(s, nameStart, nameEnd);
  }

  /**
   * At the {@code 2} of {@code ssh2}: OpenSSH's authentication log line, {@code Failed keyboard-interactive/pam for
   * alice from 192.0.2.10 port 51234 ssh2} for every method ({@code password}, {@code publickey},
   * {@code keyboard-interactive}, {@code gssapi-with-mic}, {@code hostbased}, {@code none}; accepted, failed,
   * postponed, partial), and {@code maximum authentication attempts exceeded for alice from … port … ssh2}
   * (auth.c): the user between {@code for } (or {@code invalid user }) and {@code  from HOST port N}.
   */
  static int sshdAuthLog(Scan s, int last) {
    int ssh = last - 3;
    int floor = Math.max(s.lo, s.emitFrom);
    int p = ssh - 1;
    if (p <= floor || s.b[ssh] != 's' || s.b[p] != ' ' || Bytes.isWord(s.at(last + 1))) {
      return -1;
    }
    int q = p;
    while (q > floor && p - q < 6 && Bytes.isDigit(s.b[q - 1])) {
      q--;
    }
    int port = q - 5;
    if (q == p || port - 1 <= floor || !Bytes.startsWith(s.b, port, q, "port ") || s.b[port - 1] != ' ') {
      return -1;
    }
    int host = wordBefore(s, port - 1, floor, 256);
    int from = host - 6;
    if (host == port - 1 || from <= floor || !Bytes.startsWith(s.b, from, host, " from ")) {
      return -1;
    }
    int start = wordBefore(s, from, floor, 100);
    if (start == from || !(has(s, start - 5, " for ") || has(s, start - 13, "invalid user ")
        || has(s, start - 13, "illegal user "))) {
      return -1;
    }
    return add(s, start, from);
  }

  /**
   * At the blank of {@code FAILED LOGIN } or the parenthesis of {@code LOGIN TRIES (}: the user after {@code FOR} in
   * the login programs' failures, util-linux's {@code FAILED LOGIN 1 FROM tty1 FOR dave, Authentication failure},
   * {@code FAILED LOGIN SESSION FROM host FOR dave, …}, {@code TOO MANY LOGIN TRIES (5) FROM host FOR dave, …}, and
   * shadow's (Debian's {@code login}) {@code FAILED LOGIN (1) on '/dev/tty1' FOR 'dave', …}. What was typed at the
   * login prompt: a user name, or a password typed there by mistake (util-linux logs it only with
   * {@code LOG_UNKFAIL_ENAB}, for that reason); {@code (unknown)} stays.
   */
  static int loginFailure(Scan s, int last) {
    if (!Bytes.isUpper(s.at(last - 2))) {
      return -1; // the programs write it in capitals: not a sentence's "failed login attempt"
    }
    int limit = Math.min(s.hi, last + LINE);
    for (int p = last + 1; p + 5 < limit && s.b[p] != '\n'; p++) {
      if (s.b[p] == ' ' && Bytes.startsWith(s.b, p, limit, " FOR ")) {
        int start = p + 5;
        boolean quoted = s.at(start) == '\'';
        if (quoted) {
          start++;
        }
        int end = start;
        while (end < limit && end - start <= 256 && s.b[end] != '\n'
            && !(quoted ? s.b[end] == '\'' && s.at(end + 1) == ',' : s.b[end] == ',' && s.at(end + 1) == ' ')) {
          end++;
        }
        if (end >= limit || s.b[end] == '\n' || end - start > 256
            || (end - start == 9 && Bytes.startsWith(s.b, start, end, "(unknown)"))) {
          return -1;
        }
        return add(s, start, end);
      }
    }
    return -1;
  }

  /**
   * At the blank of {@code LOGIN ON } or {@code DIALUP AT }: util-linux's {@code LOGIN ON tty1 BY dave},
   * {@code LOGIN ON pts/0 BY dave FROM host} and {@code DIALUP AT ttyS0 BY dave}: the user after {@code BY}.
   */
  static int loginOn(Scan s, int last) {
    if (!Bytes.isUpper(s.at(last - 1))) {
      return -1;
    }
    int tty = last + 1;
    int p = tty;
    while (p - tty < 64 && s.at(p) > ' ') {
      p++;
    }
    if (p == tty || !Bytes.startsWith(s.b, p, s.hi, " BY ")) {
      return -1;
    }
    int start = p + 4;
    int end = start;
    while (end - start < 256 && s.at(end) > ' ') {
      end++;
    }
    return end == start ? -1 : add(s, start, end);
  }

  /**
   * At the {@code (} of {@code md (}, {@code mdout (}, {@code mdend (}: cron's {@code (alice) CMD
   * (/usr/local/bin/backup)} (Vixie cron, cronie, and cronie's {@code CMDOUT}, {@code CMDEND}): the user in the
   * parentheses before it.
   */
  static int cronCommand(Scan s, int last, int patternLength) {
    int close = last - patternLength - 2;
    int floor = s.floor();
    if (close - 1 <= floor || !Bytes.startsWith(s.b, close, s.hi, ") CMD")) {
      return -1;
    }
    int start = close;
    while (start > floor && close - start <= 64 && s.b[start - 1] != '(' && (s.b[start - 1] & 0xFF) > ' ') {
      start--;
    }
    int before = s.at(start - 2);
    if (start == close || start - 1 <= floor || s.b[start - 1] != '('
        || !(start - 1 == s.lo || before == ' ' || before == '\n')) {
      return -1;
    }
    return add(s, start, close);
  }

  /**
   * At the last byte of {@code : logged in} or {@code : failed to log in}: Neo4j's security log,
   * {@code INFO  [johnsmith]: logged in}, {@code ERROR [johndoe]: failed to log in: invalid principal or credentials}
   * (the operations manual's "Security events logging"): the user in the brackets.
   */
  static int neo4jSecurity(Scan s, int last, int patternLength) {
    if (Bytes.isWord(s.at(last + 1))) {
      return -1; // [main]: logged into …
    }
    return bracketedBefore(s, last - patternLength);
  }

  /**
   * At the {@code k} of {@code k login:} or the {@code l} of {@code l login:}: vsftpd's {@code [alice] OK LOGIN: Client
   * "192.0.2.10"} and {@code [alice] FAIL LOGIN: …}: the user in the brackets.
   */
  static int ftpLogin(Scan s, int first) {
    if (has(s, first - 3, "] OK LOGIN:")) {
      return bracketedBefore(s, first - 3);
    }
    if (has(s, first - 5, "] FAIL LOGIN:")) {
      return bracketedBefore(s, first - 5);
    }
    return -1;
  }

  /**
   * The name in the brackets that close at {@code close} after a blank ({@code INFO  [johnsmith]: logged in}, OpenVPN's
   * {@code 192.0.2.10:50000 [alice] Peer Connection Initiated with …}, at the {@code ]}).
   */
  static int bracketedBefore(Scan s, int close) {
    int floor = s.floor();
    if (close <= floor || s.b[close] != ']') {
      return -1;
    }
    int start = close;
    while (start > floor && close - start <= 128 && s.b[start - 1] != '[' && (s.b[start - 1] & 0xFF) > ' ') {
      start--;
    }
    if (start == close || start - 1 <= floor || s.b[start - 1] != '[' || s.at(start - 2) != ' ') {
      return -1;
    }
    return add(s, start, close);
  }

  /**
   * At the quote of {@code le "} (of {@code role "}): PostgreSQL's {@code FATAL:  role "alice" does not exist},
   * {@code DETAIL:  Role "alice" does not exist.}, {@code too many connections for role "alice"}, {@code role "alice"
   * is not permitted to log in} (miscinit.c, crypt.c): the role in the quotes; {@code postgres}, the superuser,
   * stays, as in the log prefix ({@link UserSlotDetector#postgresPrefix}).
   */
  static int postgresRole(Scan s, int last) {
    int first = last - 3;
    if ((s.at(first - 2) | 0x20) != 'r' || (s.at(first - 1) | 0x20) != 'o' || Bytes.isWord(s.at(first - 3))) {
      return -1;
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 64 && s.b[end] != '"' && s.b[end] != '\n') {
      end++;
    }
    if (end == start || s.at(end) != '"') { // (add keeps postgres, a built-in account)
      return -1;
    }
    return add(s, start, end) < 0 ? -1 : end + 1;
  }

  /**
   * At the blank of {@code # User@Host: }: MySQL's and MariaDB's slow query log, {@code # User@Host: alice[alice] @
   * localhost []}: the user and, in the brackets, the account it was authenticated as.
   */
  static int mysqlUserHost(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 80 && s.b[end] != '[' && (s.b[end] & 0xFF) > ' ') {
      end++;
    }
    if (s.at(end) != '[') {
      return -1;
    }
    int r = end > start ? add(s, start, end) : -1;
    int inner = end + 1;
    int close = inner;
    while (close < s.hi && close - inner < 80 && s.b[close] != ']' && (s.b[close] & 0xFF) > ' ') {
      close++;
    }
    if (s.at(close) == ']' && close > inner && add(s, inner, close) > 0) {
      r = close + 1;
    }
    return r;
  }

  /**
   * At the blank after {@code CREATE USER}, {@code DROP USER} or {@code ALTER USER} (SQL, Cypher), SQL Server's
   * {@code CREATE LOGIN} and {@code ALTER LOGIN}, and {@code CREATE ROLE} or {@code ALTER ROLE} when the statement
   * gives the role a password or LOGIN (PostgreSQL, Cassandra): the user it names, bare or in double quotes, single quotes ({@code 'alice'@'%'}) or backquotes, after {@code IF NOT EXISTS}
   * or {@code IF EXISTS}. Written in capitals, any name; else (a sentence) only a name that a statement's next word,
   * its end or a quote follows.
   */
  static int ddlUser(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    if (Bytes.isWord(s.at(first - 1))) {
      return -1;
    }
    boolean capitals = Bytes.isUpper(s.at(first)) && Bytes.isUpper(s.at(last - 1));
    int p = last + 1;
    if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "mapping ")) {
      return -1; // PostgreSQL's CREATE USER MAPPING FOR role SERVER … (a foreign server's credentials, their options')
    }
    if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "if not exists ")) {
      p += 14;
    } else if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "if exists ")) {
      p += 10;
    }
    int q = s.at(p);
    boolean quoted = q == '"' || q == '\'' || q == '`';
    int start = quoted ? p + 1 : p;
    int end = start;
    if (quoted) {
      end = closingQuote(s, p, 128);
      if (end < 0) {
        return -1;
      }
    } else {
      end = UserSlotDetector.wordEnd(s, start);
      if (s.at(end) == '@') {
        end = start; // alice@'%' unquoted is not a form of either language
      }
    }
    if (end == start || s.at(start) == '<') {
      return -1; // (a token of an earlier redaction stays as it is)
    }
    int after = quoted ? end + 1 : end;
    if (Bytes.startsWithIgnoreCase(s.b, last - 4, last, "role") && !loginRole(s, after)) {
      return -1; // CREATE ROLE readonly;: a group
    }
    if (!capitals && !quoted && !statementGoesOn(s, after)) {
      return -1;
    }
    if (s.at(first - 1) == ' ' && s.at(first - 2) == ':' && s.at(first - 3) == ']') {
      bracketedBefore(s, first - 3); // Neo4j's security log: "[johnsmith]: CREATE USER janedoe …", the admin
    }
    return add(s, start, end) < 0 ? -1 : after;
  }

  /** Whether the rest of a role's statement, from {@code p} to its {@code ;} or line end, gives a password or LOGIN. */
  private static boolean loginRole(Scan s, int p) {
    int end = p;
    while (end < s.hi && end - p < 512 && s.b[end] != ';' && s.b[end] != '\n') {
      end++;
    }
    return Bytes.indexOfIgnoreCase(s.b, p, end, "password") >= 0 || Bytes.indexOfIgnoreCase(s.b, p, end, "login") >= 0;
  }

  private static final String[] NEXT_WORDS = {" with", " set", " identified", " password", " if ", " rename"};

  private static boolean statementGoesOn(Scan s, int p) {
    int c = s.at(p);
    if (p >= s.hi || c == ';' || c == '\n' || c == '\r') {
      return true;
    }
    for (String w : NEXT_WORDS) {
      if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * At the blank of {@code password for } after {@code SET}: MySQL's and MariaDB's {@code SET PASSWORD FOR
   * 'alice'@'%' = 'pw'} (also unquoted, with {@code PASSWORD('pw')} or {@code OLD_PASSWORD('pw')}, as the general
   * query log and Galera's {@code WSREP: TO BEGIN} lines write it): the user, and the password as a secret. Without
   * the {@code SET}, a quoted user after it: shadow's passwd, {@code password for 'alice' changed by 'root'}.
   */
  static int setPasswordFor(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    if (first - 4 < s.floor() || !Bytes.startsWithIgnoreCase(s.b, first - 4, s.hi, "set ")
        || Bytes.isWord(s.at(first - 5))) {
      // not SQL: shadow's passwd, "password for 'alice' changed by 'root'" (the quoted user)
      return s.at(last + 1) == '\'' ? UserSlotDetector.afterPhrase(s, last, false, false) : -1;
    }
    int p = last + 1;
    int q = s.at(p);
    int start = q == '\'' || q == '"' || q == '`' ? p + 1 : p;
    int end = start;
    while (end - start < 128 && end < s.hi && s.b[end] != '@' && s.b[end] != '=' && s.b[end] != ' '
        && s.b[end] != '\n' && (start == p || s.b[end] != q)) {
      end++;
    }
    p = start == p ? end : end + 1;
    if (s.at(p) == '@') { // the host part, 'h', "h", h or %
      p++;
      int hq = s.at(p);
      if (hq == '\'' || hq == '"' || hq == '`') {
        p++;
        while (p - end < 256 && p < s.hi && s.b[p] != hq && s.b[p] != '\n') {
          p++;
        }
        p++;
      } else {
        while (p - end < 256 && (s.at(p) & 0xFF) > ' ' && s.at(p) != '=') {
          p++;
        }
      }
    }
    while (s.at(p) == ' ') {
      p++;
    }
    if (end == start || s.at(p) != '=') {
      return -1;
    }
    p++;
    while (s.at(p) == ' ') {
      p++;
    }
    if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "password(")) {
      p += 9;
    } else if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "old_password(")) {
      p += 13;
    }
    int vq = s.at(p);
    int vEnd = vq == '\'' || vq == '"' ? closingQuote(s, p, 1024) : -1;
    if (vEnd <= p + 1 || isToken(s, p + 1)) {
      return -1;
    }
    add(s, start, end);
    return s.add(p + 1, vEnd, DetectorType.SECRET) ? vEnd + 1 : -1;
  }

  /**
   * At the blank of {@code identified with }: MySQL's {@code IDENTIFIED WITH mysql_native_password BY 'pw'} (a
   * password, {@code secret}) and {@code IDENTIFIED WITH caching_sha2_password AS '$A$005$…'} (its stored hash,
   * {@code password_hash}).
   */
  static int identifiedWith(Scan s, int last) {
    int p = last + 1;
    int plugin = p;
    while (p - plugin < 64 && (Bytes.isWord(s.at(p)) || s.at(p) == '\'' || s.at(p) == '"')) {
      p++;
    }
    if (p == plugin || s.at(p) != ' ') {
      return -1;
    }
    DetectorType type;
    if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, " by ")) {
      type = DetectorType.SECRET;
    } else if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, " as ")) {
      type = DetectorType.PASSWORD_HASH;
    } else {
      return -1;
    }
    int vq = s.at(p + 4);
    int start = p + 5;
    int end = vq == '\'' || vq == '"' ? closingQuote(s, p + 4, 1024) : -1;
    if (end <= start || isToken(s, start)) {
      return -1;
    }
    return s.add(start, end, type) ? end + 1 : -1;
  }

  /**
   * At the blank of {@code su for }: shadow's su, {@code Successful su for root by alice}, {@code FAILED su for bob
   * by alice}: the target user and the one who asked ({@code root} stays).
   */
  static int suFor(Scan s, int last) {
    if (Bytes.isWord(s.at(last - 7))) {
      return -1;
    }
    int target = last + 1;
    int targetEnd = UserSlotDetector.wordEnd(s, target);
    if (targetEnd == target || !Bytes.startsWith(s.b, targetEnd, s.hi, " by ")) {
      return -1;
    }
    int by = targetEnd + 4;
    int byEnd = UserSlotDetector.wordEnd(s, by);
    if (byEnd == by) {
      return -1;
    }
    add(s, target, targetEnd);
    int r = add(s, by, byEnd);
    return r < 0 ? targetEnd : r;
  }

  /**
   * At the last byte of {@code  : tty=}: sudo's own log file ({@code logfile=} in sudoers), {@code Nov 27 09:00:00 :
   * alice : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls}, also with {@code HOST=web01 : } before the
   * {@code TTY=}: the user between two {@code  : }.
   */
  static int sudoLogfile(Scan s, int last, int patternLength) {
    int blank = last - patternLength + 1;
    int floor = s.floor();
    int end = blank;
    int w = wordBefore(s, end, floor, 256);
    if (Bytes.startsWith(s.b, w, end, "HOST=")) {
      if (w - 3 <= floor || !Bytes.startsWith(s.b, w - 3, w, " : ")) {
        return -1;
      }
      end = w - 3;
      w = wordBefore(s, end, floor, 256);
    }
    if (w == end || w - 2 < floor || s.b[w - 1] != ' ' || s.b[w - 2] != ':') {
      return -1;
    }
    return add(s, w, end);
  }

  /**
   * At the blank of {@code Starting session: }: OpenSSH's {@code LogLevel VERBOSE} (which CIS benchmarks ask for),
   * {@code Starting session: shell on pts/0 for alice from 192.0.2.10 port 51234 id 0}, {@code command for alice
   * from …}: the user between {@code for } and {@code  from }.
   */
  static int sshdSession(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    if (first - 9 < s.floor() || !Bytes.startsWith(s.b, first - 9, first, "Starting ")) {
      return -1;
    }
    int limit = Math.min(s.hi, last + 256);
    for (int p = last + 1; p + 5 < limit && s.b[p] != '\n'; p++) {
      if (s.b[p] == ' ' && Bytes.startsWith(s.b, p, limit, " for ")) {
        int start = p + 5;
        int end = start;
        while (end < limit && end - start < 100 && (s.b[end] & 0xFF) > ' ') {
          end++;
        }
        if (end == start || !Bytes.startsWith(s.b, end, s.hi, " from ")) {
          return -1;
        }
        return add(s, start, end);
      }
    }
    return -1;
  }

  /**
   * At the {@code /} before a client's address and port: OpenVPN's multi-client line prefix, {@code openvpn[1234]:
   * alice/192.0.2.10:50000 MULTI_sva: pool returned …} (the client's common name, its user, on nearly every line of
   * its connection): the name, a word that starts the message (after the syslog tag's {@code ": "} or a line's start).
   */
  static void openvpnClient(Scan s, int slash) {
    int floor = Math.max(s.lo, s.emitFrom); // before the address's span, just added
    int start = slash;
    while (start > floor && slash - start <= 64 && (s.b[start - 1] & 0xFF) > ' ' && s.b[start - 1] != '/') {
      start--;
    }
    int before = s.at(start - 1);
    if (start == slash || !(start == s.lo || before == '\n' || (before == ' ' && (s.at(start - 2) == ':'
        && s.at(start - 3) == ']' || openvpnOwnLog(s, start - 1))))) {
      return; // (after a syslog tag, openvpn[1234]: alice/…; not Java's "Connection refused: DB01/10.0.0.5:5432")
    }
    add(s, start, slash);
    int lineEnd = CommandLineDetector.lineEndWithin(s, slash, 1024);
    int control = Bytes.indexOf(s.b, slash, lineEnd, " SENT CONTROL [");
    if (control > 0 && Bytes.startsWith(s.b, control + 15, lineEnd, new String(s.b, start, slash - start,
        java.nio.charset.StandardCharsets.ISO_8859_1) + "]")) {
      add(s, control + 15, control + 15 + slash - start); // … SENT CONTROL [alice]: 'PUSH_REPLY,…'
    }
  }

  /**
   * At the comma of OpenVPN's status file's {@code CLIENT_LIST,} or {@code ROUTING_TABLE,} at a line's start
   * ({@code --status}, versions 2 and 3; the {@code HEADER,CLIENT_LIST,…} line names the columns and stays): the
   * client's common name (CLIENT_LIST's first field, ROUTING_TABLE's second) and CLIENT_LIST's username (its ninth,
   * {@code UNDEF} when none).
   */
  static int openvpnStatus(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    if (first > s.lo && s.b[first - 1] != '\n') {
      return -1;
    }
    boolean clients = patternLength == 12; // "client_list,"
    int lineEnd = CommandLineDetector.lineEndWithin(s, last, 4096);
    int p = last + 1;
    for (int field = 1; field <= 9 && p <= lineEnd; field++) {
      int e = p;
      while (e < lineEnd && s.b[e] != ',') {
        e++;
      }
      boolean name = clients ? field == 1 || field == 9 : field == 2;
      if (name && e > p && s.at(p) != '<' && !(e - p == 5 && Bytes.startsWith(s.b, p, e, "UNDEF"))) {
        add(s, p, e);
      }
      p = e + 1;
    }
    return -1; // the spans are kept; the pass goes on over the addresses
  }

  /**
   * At the {@code [} of usermod's syslog line, {@code usermod[21014]: add 'tlee' to group 'docker'} (also {@code to
   * shadow group}): the user.
   */
  static int usermodGroupAdd(Scan s, int last) {
    int p = last + 1;
    while (Bytes.isDigit(s.at(p)) && p - last < 10) {
      p++;
    }
    if (!Bytes.startsWith(s.b, p, s.hi, "]: add '")) {
      return -1;
    }
    int start = p + 8;
    int end = start;
    while (end < s.hi && end - start < 64 && s.b[end] != '\'' && s.b[end] > ' ') {
      end++;
    }
    return s.at(end) == '\'' && end > start && Bytes.startsWith(s.b, end, s.hi, "' to ") ? add(s, start, end) : -1;
  }

  /**
   * Whether the blank at {@code sp} ends OpenVPN's own log file's line prefix before a client: its timestamp
   * ({@code Tue Mar 12 10:20:02 2024 }, a year's four digits; {@code 2024-03-12 10:25:42 us=123456 } with
   * microseconds) or {@code MULTI: Learn: 10.8.0.6 -> }.
   */
  private static boolean openvpnOwnLog(Scan s, int sp) {
    if (Bytes.isDigit(s.at(sp - 1))) {
      int p = sp - 1;
      while (p > s.lo && sp - p < 8 && Bytes.isDigit(s.b[p - 1])) {
        p--;
      }
      return sp - p == 4 && s.at(p - 1) == ' ' && s.at(p - 4) == ':' // ... 10:20:02 2024
          || Bytes.startsWith(s.b, p - 3, p, "us="); // --machine-readable-output's us=123456
    }
    return s.at(sp - 1) == '>' && s.at(sp - 2) == '-' && s.at(sp - 3) == ' ';
  }

  /** A {@link #dovecotService} flag: the pattern is a passdb's ({@code pam(}, {@code passwd-file(}). */
  static final int DOVECOT_PASSDB = 0x100;

  /**
   * At the {@code (} of a Dovecot service's log prefix, {@code imap(alice)<1234><AbCd>: Disconnected: Logged out},
   * {@code pop3(alice)}, {@code lmtp(alice)}, {@code submission(alice)}, {@code managesieve(alice)}, and of its
   * authentication's {@code pam(alice,192.0.2.10,<AbCd>): pam_authenticate() failed}, {@code passwd-file(alice,…)}:
   * the user up to the {@code )} or {@code ,} (an e-mail address there is the e-mail detector's; a number, a pid,
   * stays).
   */
  static int dovecotService(Scan s, int last, int patternLength, int flags) {
    int first = last - patternLength + 1;
    int letter = flags & 0xFF; // the name's first letter when the pattern starts at its second (map( of imap()
    if (letter != 0) {
      if ((s.at(first - 1) | 0x20) != letter) {
        return -1;
      }
      first--;
    }
    if (Bytes.isWord(s.at(first - 1)) || s.at(first - 1) == '_' || s.at(first - 1) == '-') {
      return -1;
    }
    int start = last + 1;
    int end = start;
    boolean at = false;
    while (end < s.hi && end - start < 128 && s.b[end] != ')' && s.b[end] != ',' && (s.b[end] & 0xFF) > ' '
        && s.b[end] != '(') {
      at |= s.b[end] == '@';
      end++;
    }
    int close = s.at(end);
    boolean passdb = (flags & DOVECOT_PASSDB) != 0; // pam(, passwd-file(: the user, a comma and the address
    boolean prefix = close == ')' && (s.at(end + 1) == '<' || s.at(end + 1) == ':'); // imap(alice)<pid>: …
    if (end == start || at || (passdb ? close != ',' : !prefix)
        || Bytes.digitRun(s.b, start, end, 128) == end - start) {
      return -1;
    }
    return add(s, start, end);
  }

  /**
   * At the last byte of {@code )=(} in PostgreSQL's unique-violation detail, {@code DETAIL:  Key (username)=(alice)
   * already exists.}, {@code Key (lower(email), tenant_id)=(…, 42)}: each value whose column is a key the detectors
   * know ({@link KeyNames#classify}: a user, a person's name, a secret, …), as that type.
   */
  static int postgresKey(Scan s, int last) {
    int close = last - 2;
    int floor = s.floor();
    int open = close;
    int depth = 1;
    while (open > floor && close - open < 512 && depth > 0 && s.b[open - 1] != '\n') {
      open--;
      depth += s.b[open] == ')' ? 1 : s.b[open] == '(' ? -1 : 0;
    }
    if (depth != 0 || open - 4 < floor || !Bytes.startsWith(s.b, open - 4, open, "Key ")) {
      return -1;
    }
    int colsStart = open + 1;
    int colsEnd = close;
    int p = last - 1; // at "=("
    String[] cols = null;
    int v = p + 2;
    int r = -1;
    for (int k = 0; ; k++) {
      int ve = v;
      int at = -1;
      while (ve < s.hi && ve - v < 512 && s.b[ve] != '\n' && !(s.b[ve] == ',' && s.at(ve + 1) == ' ')
          && !(s.b[ve] == ')' && (s.at(ve + 1) == ' ' || s.at(ve + 1) == '.' || s.at(ve + 1) == '\n'
              || ve + 1 >= s.hi))) {
        at = s.b[ve] == '@' ? ve : at;
        ve++;
      }
      if (at >= 0) {
        // Key (email)=(…): an e-mail address, the e-mail detector's; no column to look up. Found here, in order:
        // once a later value is matched, the detector's look back from the @ stops at that match
        if (s.enabled(DetectorType.EMAIL)) {
          r = Math.max(r, EmailDetector.find(s, at));
        }
        if (s.at(ve) != ',') {
          break;
        }
        v = ve + 2;
        continue;
      }
      if (cols == null) {
        cols = new String(s.b, colsStart, colsEnd - colsStart, java.nio.charset.StandardCharsets.UTF_8).split(", ");
      }
      if (k >= cols.length) {
        break;
      }
      String col = cols[k].strip();
      int fn = col.lastIndexOf('(');
      if (fn >= 0) { // lower(email): the column inside the function
        int fnEnd = col.indexOf(')', fn);
        col = col.substring(fn + 1, fnEnd < 0 ? col.length() : fnEnd);
      }
      DetectorType type = KeyNames.classify(col);
      if (type != null && ve > v && KeyNames.isRedactableValue(type, col,
          new String(s.b, v, ve - v, java.nio.charset.StandardCharsets.UTF_8)) && !isToken(s, v)
          && s.add(v, ve, type)) {
        r = ve;
      }
      if (s.at(ve) != ',') {
        break;
      }
      v = ve + 2;
    }
    return r;
  }

  /**
   * At the {@code [} of {@code ]\[}: Samba's authentication audit, {@code Auth: [SMB2,(null)] user [EXAMPLE]\[alice] at
   * [Wed, …] with [NTLMv2] status [NT_STATUS_WRONG_PASSWORD] … mapped to [EXAMPLE]\[alice].}: the account name
   * after the domain (the domain stays).
   */
  static int sambaDomainUser(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 128 && s.b[end] != ']' && s.b[end] != '[' && s.b[end] != '\n') {
      end++;
    }
    if (end == start || s.at(end) != ']') {
      return -1;
    }
    return add(s, start, end) < 0 ? -1 : end + 1;
  }

  /**
   * At the {@code /} after {@code userpass/login} or {@code ldap/login}: Vault's login paths in its audit log and
   * errors ({@code "path":"auth/userpass/login/alice"}, {@code auth/ldap/login/alice}): the user, the path's last
   * segment.
   */
  static int vaultLoginPath(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 128 && (Bytes.isWord(s.b[end]) || s.b[end] == '.' || s.b[end] == '-'
        || s.b[end] == '@')) {
      end++;
    }
    return end == start ? -1 : add(s, start, end);
  }

  /**
   * At the {@code [} of {@code g command [} or the blank of {@code g command as another user: }: polkit's pkexec,
   * {@code pkexec[1234]: alice: Executing command [USER=root] [TTY=/dev/pts/0] [CWD=/srv] [COMMAND=…]} and
   * {@code alice: Error executing command as another user: Not authorized [USER=root] …}: the user before the
   * message.
   */
  static int pkexecUser(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    int msg;
    if (has(s, first - 8, "Executing")) {
      msg = first - 8;
    } else if (has(s, first - 14, "Error executing")) {
      msg = first - 14;
    } else {
      return -1;
    }
    int floor = s.floor();
    int colon = msg - 2;
    if (colon <= floor || s.b[msg - 1] != ' ' || s.b[colon] != ':') {
      return -1;
    }
    int start = wordBefore(s, colon, floor, 64);
    return start == colon ? -1 : add(s, start, colon);
  }

  /**
   * At the quote of {@code user name '}: the user a phrase names in quotes, and for usermod's {@code change user name
   * 'alice' to 'alicia'} the new name as well.
   */
  static int userRename(Scan s, int last) {
    int r = UserSlotDetector.afterPhrase(s, last, false, false);
    if (r < 0 || !has(s, r + 1, " to '")) {
      return r;
    }
    int open = r + 5;
    int close = closingQuote(s, open, 64);
    return close > open + 1 && add(s, open + 1, close) > 0 ? close + 1 : r;
  }

  /**
   * At the blank of {@code password for the }: Elasticsearch's first-start banner (also in {@code docker logs}),
   * {@code Password for the elastic user (reset with `bin/elasticsearch-reset-password -u elastic`):} with the
   * generated password alone on the next line, and {@code elasticsearch-reset-password}'s {@code Password for the
   * [elastic] user successfully reset.} with {@code New value: …} on the next: the password, a secret.
   */
  static int elasticPassword(Scan s, int last) {
    int eol = last + 1;
    while (eol < s.hi && eol - last < 256 && s.b[eol] != '\n') {
      eol++;
    }
    if (eol >= s.hi || s.b[eol] != '\n') {
      return -1;
    }
    int lineEnd = s.b[eol - 1] == '\r' ? eol - 1 : eol;
    int p = eol + 1;
    if (s.b[lineEnd - 1] == ':') {
      while (s.at(p) == ' ' || s.at(p) == '\t') {
        p++;
      }
    } else if (has(s, lineEnd - 19, "successfully reset.") && has(s, p, "New value: ")) {
      p += 11;
    } else {
      return -1;
    }
    return aloneOnItsLine(s, p, DetectorType.SECRET);
  }

  /**
   * After {@code PASSWORD } at a line's start, as Elasticsearch 6 and 7's {@code elasticsearch-setup-passwords auto}
   * prints each built-in user's generated password: {@code PASSWORD elastic = x}, the user's name (a {@code user}), a
   * blank, {@code =}, a blank and the password to the line's end (a {@code secret}).
   */
  static int elasticSetupPassword(Scan s, int last) {
    if (!Bytes.startsWith(s.b, last - 8, s.hi, "PASSWORD ")) {
      return -1; // the tool's capitals ("password policy = strict" is a setting)
    }
    int us = last + 1;
    int ue = us;
    while (ue < s.hi && ue - us < 64
        && (Bytes.isAlnum(s.b[ue]) || s.b[ue] == '_' || s.b[ue] == '-' || s.b[ue] == '.')) {
      ue++;
    }
    if (ue == us || !Bytes.startsWith(s.b, ue, s.hi, " = ")) {
      return -1;
    }
    int ps = ue + 3;
    int pe = ps;
    while (pe < s.hi && pe - ps < 256 && (s.b[pe] & 0xFF) > ' ') {
      pe++;
    }
    int after = s.at(pe);
    if (pe == ps || !(after == '\n' || after == '\r' || (pe >= s.hi && s.eof))
        || KeyValueDetector.isPlaceholder(s, ps, pe)) {
      return -1;
    }
    if (!KeyValueDetector.isSystemAccount(s, us, ue)) {
      s.add(us, ue, DetectorType.USERNAME);
    }
    return s.add(ps, pe, DetectorType.SECRET) ? pe : -1;
  }

  /**
   * At the last byte of {@code enrollment token}: Elasticsearch's banner and
   * {@code elasticsearch-create-enrollment-token} print a Kibana or node enrollment token (base64 of a JSON with an
   * API key) alone on the next line: a secret.
   */
  static int enrollmentToken(Scan s, int last) {
    int eol = last + 1;
    while (eol < s.hi && eol - last < 256 && s.b[eol] != '\n') {
      eol++;
    }
    if (eol >= s.hi) {
      return -1;
    }
    int p = eol + 1;
    while (s.at(p) == ' ' || s.at(p) == '\t') {
      p++;
    }
    return aloneOnItsLine(s, p, DetectorType.SECRET);
  }

  /** The word at {@code p} when it is all that is left of its line (8 bytes or more), recorded as {@code type}. */
  private static int aloneOnItsLine(Scan s, int p, DetectorType type) {
    int end = p;
    while (end < s.hi && end - p < 4096 && (s.b[end] & 0xFF) > ' ') {
      end++;
    }
    int after = end;
    while (s.at(after) == ' ' || s.at(after) == '\r') {
      after++;
    }
    if (end - p < 8 || !(after >= s.hi || s.b[after] == '\n') || isToken(s, p)) {
      return -1;
    }
    return s.add(p, end, type) ? end : -1;
  }

  /**
   * At the blank of {@code d by user } of Jenkins' build cause {@code Started by user Alice Smith} (the first line of
   * a job started by hand, its console log and {@code consoleText}): the user's full name, the rest of the line.
   */
  static int jenkinsStartedBy(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    if (!has(s, first - 6, "Starte")) {
      return -1;
    }
    int start = last + 1;
    int end = KeyedForms.restOfLine(s, start, 128);
    return end == start ? -1 : add(s, start, end);
  }

  /**
   * At the blank after a network device configuration's secret keyword (Cisco IOS/IOS-XE/NX-OS, ASA, and devices
   * that copy its syntax): {@code enable password 7 0822455D0A16}, {@code username bob password 7 …},
   * {@code enable secret 9 $9$…}, {@code tacacs-server key 7 …}, {@code radius-server key …}, {@code key 7 …} of a key
   * chain, {@code key-string …}, {@code ip ospf authentication-key 7 …}, {@code neighbor … password 7 …},
   * {@code snmp-server community …}, {@code pre-shared-key …}, {@code wpa-psk ascii 0 …}, SNMPv3's {@code auth sha …
   * priv aes 128 …}: the value after an optional encryption type (a digit; type 7 is reversible, so a secret like
   * type 0's plaintext; 5, 8, 9 are hashes) and, after {@code priv aes}, its key size.
   */
  static int deviceSecret(Scan s, int last, int flags) {
    if ((flags & DEVICE_TYPED_PATTERN) != 0) {
      last -= 2; // "key 7 ": the pattern holds the type; look at it as after "key "
      if (Bytes.isWord(s.at(last - 4))) {
        return -1; // monkey 7 …
      }
    }
    if ((flags & DEVICE_AAA_HOST) != 0) {
      // radius-server host 192.0.2.2 auth-port 1812 key KEY: the key further on its line, its type optional
      int limit = Math.min(s.hi, last + 256);
      int k = last;
      while (k < limit && s.b[k] != '\n' && !Bytes.startsWith(s.b, k, limit, " key ")) {
        k++;
      }
      if (k >= limit || s.b[k] == '\n') {
        return -1;
      }
      last = k + 4;
    }
    int p = last + 1;
    if ((flags & DEVICE_SERVER) != 0) {
      int first = last - 11; // "-server key "
      if (!has(s, first - 6, "tacacs") && !has(s, first - 6, "radius")) {
        return -1;
      }
    }
    int f = KeyedForms.afterDeviceFormatWord(s, p); // PAN-OS' pre-shared-key key -AQ==…, Junos' ascii-text "x"
    if (f > p && s.at(f) == '"') {
      int end = KeyValueDetector.closingQuote(s, f + 1, '"');
      return end > f + 1 && s.add(f + 1, end, DetectorType.SECRET) ? end : -1;
    }
    p = f;
    // Cisco's encryption types: 0 clear, 5 MD5, 6 AES, 7 reversible, 8 PBKDF2, 9 scrypt (not "password 1 of 3")
    int digit = s.at(p);
    boolean typed = ((digit == '0' || (digit >= '5' && digit <= '9')) && s.at(p + 1) == ' ')
        || (Bytes.isDigit(digit) && Bytes.startsWith(s.b, p + 1, s.hi, " md5 ")); // message-digest-key 1 md5 KEY
    if (typed) {
      p += 2;
      if (Bytes.startsWith(s.b, p, s.hi, "md5 ")) {
        p += 4; // ip ospf message-digest-key 1 md5 KEY
      }
    } else if ((flags & DEVICE_NEEDS_TYPE) != 0 && !aaaServerLine(s, last) && !enableLine(s, last)) {
      // (a RADIUS or TACACS+ server's line: radius-server host … key KEY, its type is optional; so is IOS's
      // "enable secret KEY", "enable password KEY" at a line's start)
      return -1;
    } else if ((flags & DEVICE_KEY_SIZE) != 0 && Bytes.digitRun(s.b, p, s.hi, 4) == 3 && s.at(p + 3) == ' ') {
      p += 4; // priv aes 128 …
    }
    int start = p;
    while (p < s.hi && p - start < 256 && (s.b[p] & 0xFF) > ' ') {
      p++;
    }
    if (p == start || isToken(s, start) || KeyValueDetector.isPlaceholder(s, start, p)) {
      return -1;
    }
    int type = s.at(last + 1);
    boolean hash = (flags & DEVICE_HASH) != 0 && (type == '5' || type == '8' || type == '9');
    return s.add(start, p, hash ? DetectorType.PASSWORD_HASH : DetectorType.SECRET) ? p : -1;
  }

  /** Whether the word at {@code last} ({@code password}, {@code secret}) follows a line's first word {@code enable}. */
  private static boolean enableLine(Scan s, int last) {
    int w = last - 1;
    while (w > s.lo && Bytes.isAlpha(s.b[w - 1])) {
      w--;
    }
    int e = w - 7;
    return e >= s.lo && has(s, e, "enable ") && (e == s.lo || s.b[e - 1] == '\n');
  }

  /** Whether the line of {@code p} starts with {@code radius-server} or {@code tacacs-server} (after blanks). */
  private static boolean aaaServerLine(Scan s, int p) {
    int ls = p;
    while (ls > s.lo && p - ls < 512 && s.b[ls - 1] != '\n') {
      ls--;
    }
    while (s.at(ls) == ' ') {
      ls++;
    }
    return has(s, ls, "radius-server ") || has(s, ls, "tacacs-server ") || has(s, ls, "radius server ")
        || has(s, ls, "tacacs server ");
  }

  /**
   * {@link #deviceSecret} flags: types 5, 8 and 9 are hashes ({@code secret}); a key size may come first; the
   * encryption type must come first (a general word, {@code password 7 …}); {@code tacacs-} or {@code radius-}
   * must come before ({@code -server key …}).
   */
  static final int DEVICE_HASH = 1;
  static final int DEVICE_KEY_SIZE = 2;
  static final int DEVICE_NEEDS_TYPE = 4;
  static final int DEVICE_SERVER = 8;
  /** The pattern ends with the encryption type and its blank ({@code key 7 }). */
  static final int DEVICE_TYPED_PATTERN = 16;
  /** The pattern is a AAA server's {@code -server host }: the key comes further on the line. */
  static final int DEVICE_AAA_HOST = 32;

  /**
   * At the {@code [} of FreeRADIUS's authentication log, {@code Login OK: [alice] (from client …)} and {@code Login
   * incorrect (…): [alice/Hunter2pass] (from client …)} (src/main/auth.c; with {@code auth_goodpass} or
   * {@code auth_badpass} the password after the slash, in clear): the user, and the password as a secret
   * ({@code <via Auth-Type = …>}, {@code <no User-Password attribute>} stay).
   */
  static int radiusLogin(Scan s, int last) {
    int limit = Math.min(s.hi, last + 256);
    int open = s.b[last] == '[' ? last : last + 1; // "Login OK: [": the pattern's own bracket
    while (open < limit && s.b[open] != '\n' && !(s.b[open] == '[' && s.at(open - 1) == ' ' && s.at(open - 2) == ':')) {
      open++;
    }
    if (open >= limit || s.b[open] != '[') {
      return -1;
    }
    int start = open + 1;
    int slash = start;
    while (slash < limit && s.b[slash] != '/' && s.b[slash] != ']' && s.b[slash] != '\n') {
      slash++;
    }
    int close = slash;
    while (close < limit && s.b[close] != ']' && s.b[close] != '\n') {
      close++;
    }
    if (s.at(close) != ']' || slash == start) {
      return -1;
    }
    if (slash - start == 4 && Bytes.startsWith(s.b, start, slash, "host") && s.at(slash) == '/') {
      // a machine's authentication, [host/LAPTOP-JSMITH.corp.example.com]: its name, no user and password
      return close > slash + 1 && s.at(slash + 1) != '<' && s.add(slash + 1, close, DetectorType.HOSTNAME) ? close : -1;
    }
    int r = add(s, start, slash);
    if (s.at(slash) == '/' && close > slash + 1 && s.at(slash + 1) != '<' && !isToken(s, slash + 1)
        && s.add(slash + 1, close, DetectorType.SECRET)) {
      r = close;
    }
    return r;
  }

  /**
   * At the blank of {@code securestring }: PowerShell's {@code ConvertTo-SecureString 'pw' -AsPlainText -Force}
   * (also {@code -String 'pw'}), in transcripts and script block logging: the plain text, a secret; a variable
   * ({@code $pw}) or a pipeline's input stays.
   */
  static int secureString(Scan s, int last) {
    int p = last + 1;
    for (int k = 0; k < 3; k++) { // -AsPlainText -Force -String may come before the text, in any order
      if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "-string ")) {
        p += 8;
      } else if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "-asplaintext ")) {
        p += 13;
      } else if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "-force ")) {
        p += 7;
      }
    }
    int q = s.at(p);
    int start;
    int end;
    if (q == '\'' || q == '"') {
      start = p + 1;
      end = closingQuote(s, p, 1024);
    } else {
      start = p;
      end = p;
      while (end < s.hi && end - p < 1024 && (s.b[end] & 0xFF) > ' ') {
        end++;
      }
    }
    // -AsPlainText anywhere on this line: looked for back from the line's end (within 256 bytes of the text), never
    // from a point on the next line, as it was until session 23 (then only the input's last line was redacted)
    int eol = Math.max(end, start);
    while (eol < s.hi && eol - end < 256 && s.b[eol] != '\n' && s.b[eol] != '\r') {
      eol++;
    }
    if (end <= start || q == '-' || q == '$' || q == '(' || isToken(s, start)
        || !CommandLineDetector.lineMentions(s, eol, "-asplaintext")) {
      return -1;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }


  /**
   * At the {@code <} of {@code > user <}: Cisco ASA's AnyConnect and WebVPN messages, {@code %ASA-6-716001: Group
   * <GroupPolicy_VPN> User <alice> IP <192.0.2.10> WebVPN session started} (716001–722056, 113039): the user in the
   * angle brackets.
   */
  static int asaGroupUser(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 128 && s.b[end] != '>' && s.b[end] != '\n') {
      end++;
    }
    return end == start || s.at(end) != '>' ? -1 : add(s, start, end);
  }

  /**
   * At the blank after {@code msg="User} or {@code msg="Administrator}: FortiGate's event log, {@code msg="User alice
   * failed in authentication"}, {@code msg="Administrator alice login failed from ssh(192.0.2.10)"}: the name (its
   * {@code user="…"} field is redacted as a key already).
   */
  static int fortiMsgUser(Scan s, int last) {
    int q = last - 1;
    while (q > s.lo && last - q < 16 && s.b[q] != '"') {
      q--;
    }
    if (!Bytes.isUpper(s.at(q + 1))) {
      return -1; // FortiGate capitalises: logrus' msg="user login" is a message, not a user named login
    }
    int start = last + 1;
    int end = UserSlotDetector.wordEnd(s, start);
    return end == start ? -1 : add(s, start, end);
  }

  /**
   * At the blank of {@code console by }: Cisco IOS's {@code %SYS-5-CONFIG_I: Configured from console by alice on vty0
   * (192.0.2.10)}: the user before {@code  on } (the form without a login, {@code by vty2 (…)}, names a line).
   */
  static int configuredBy(Scan s, int last) {
    int start = last + 1;
    int end = UserSlotDetector.wordEnd(s, start);
    return end == start || !Bytes.startsWith(s.b, end, s.hi, " on ") ? -1 : add(s, start, end);
  }

  /**
   * At the colon of a private key's field in OpenSSL's text dump ({@code openssl rsa -text}, {@code openssl pkey
   * -text}: {@code privateExponent:}, {@code prime1:}, {@code prime2:}, {@code exponent1:}, {@code exponent2:},
   * {@code coefficient:}, EC's and Ed25519's {@code priv:}): the indented lines of hex pairs after it, the key itself.
   * The public modulus and exponent stay.
   */
  static int keyDumpField(Scan s, int last) {
    int p = last + 1;
    if (s.at(p) == '\r') {
      p++;
    }
    if (s.at(p) != '\n') {
      return -1;
    }
    int start = p + 1;
    int end = -1;
    int line = start;
    while (line < s.hi) {
      int q = line;
      while (s.at(q) == ' ' || s.at(q) == '\t') {
        q++;
      }
      if (q == line || !Bytes.isHex(s.at(q)) || !Bytes.isHex(s.at(q + 1))) {
        break;
      }
      int e = q;
      while (e < s.hi && (Bytes.isHex(s.b[e]) || s.b[e] == ':')) {
        e++;
      }
      if (e < s.hi && s.b[e] != '\n' && s.b[e] != '\r') {
        break; // not a line of hex pairs
      }
      end = e;
      line = e < s.hi && s.b[e] == '\r' ? e + 2 : e + 1;
    }
    if (end < 0) {
      return -1;
    }
    int first = start;
    while (s.at(first) == ' ' || s.at(first) == '\t') {
      first++;
    }
    return s.add(first, end, DetectorType.PRIVATE_KEY) ? end : -1;
  }

  /**
   * At the last colon of {@code :::}: a password dump's line (pwdump, Impacket's secretsdump, Mimikatz's
   * lsadump), {@code Administrator:500:aad3b435b51404eeaad3b435b51404ee:8f518eb35353d7a83d27e7fe457664e5:::}: the
   * LM and NT hashes (password hashes, the NT one as good as the password for pass-the-hash) and the account.
   */
  static int ntlmDump(Scan s, int last) {
    int floor = Math.max(s.lo, s.emitFrom);
    int nt = last - 2 - 32;
    int lm = nt - 1 - 32;
    if (lm - 2 < floor || s.b[nt - 1] != ':' || s.b[lm - 1] != ':' || !hexRun(s, nt, 32) || !hexRun(s, lm, 32)) {
      return -1;
    }
    int ridEnd = lm - 1;
    int rid = ridEnd;
    while (rid > floor && ridEnd - rid < 10 && Bytes.isDigit(s.b[rid - 1])) {
      rid--;
    }
    if (rid == ridEnd || rid - 1 <= floor || s.b[rid - 1] != ':') {
      return -1;
    }
    int nameEnd = rid - 1;
    int name = nameEnd;
    while (name > floor && nameEnd - name < 128 && (s.b[name - 1] & 0xFF) > ' ' && s.b[name - 1] != ':') {
      name--;
    }
    if (name < nameEnd) {
      add(s, name, nameEnd);
    }
    s.add(lm, lm + 32, DetectorType.PASSWORD_HASH);
    return s.add(nt, nt + 32, DetectorType.PASSWORD_HASH) ? nt + 32 : -1;
  }

  private static boolean hexRun(Scan s, int p, int n) {
    for (int k = 0; k < n; k++) {
      if (!Bytes.isHex(s.b[p + k])) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code lit} is at {@code from}, a readable byte of the window (a look back stops at its start). */
  private static boolean has(Scan s, int from, String lit) {
    return from >= s.lo && Bytes.startsWith(s.b, from, s.hi, lit);
  }

  /** The quote that closes the one at {@code open} on its line, within {@code max} bytes, or -1. */
  private static int closingQuote(Scan s, int open, int max) {
    int q = s.b[open];
    int end = open + 1;
    while (end - open <= max && end < s.hi && s.b[end] != q && s.b[end] != '\n') {
      end++;
    }
    return s.at(end) == q ? end : -1;
  }

  /** The start of the word that ends at {@code end} (bytes above the blank, at most {@code max}). */
  private static int wordBefore(Scan s, int end, int floor, int max) {
    int p = end;
    while (p > floor && end - p < max && (s.b[p - 1] & 0xFF) > ' ') {
      p--;
    }
    return p;
  }

  /**
   * At the tab after the connection of a Neo4j query log entry ({@code server/10.1.2.4:7687>\t}, or
   * {@code embedded-session\t\t}): the database, then the user who ran the query, {@code neo4j - alice - MATCH …}.
   * The built-in {@code neo4j} and an empty user (authentication disabled) stay.
   */
  static int neo4jQueryUser(Scan s, int last) {
    int db = last + 1;
    int p = db;
    while (p < s.hi && p - db < 64 && (Bytes.isWord(s.b[p]) || s.b[p] == '.' || s.b[p] == '-')) {
      p++;
    }
    if (p == db || !Bytes.startsWith(s.b, p, s.hi, " - ")) {
      return -1;
    }
    int start = p + 3;
    int end = start;
    while (end < s.hi && end - start < 128 && (s.b[end] & 0xFF) > ' ') {
      end++;
    }
    if (end == start || !Bytes.startsWith(s.b, end, s.hi, " - ")
        || (end - start == 5 && Bytes.startsWith(s.b, start, end, "neo4j"))) {
      return -1;
    }
    return add(s, start, end);
  }

  /**
   * At the quote after a PostgreSQL CSV log line's time stamp in UTC ({@code 2026-11-27 10:00:00.123 UTC,"alice",
   * "billing",1234,"10.1.2.3:50000",…}): the user name, when the database and the process id follow as csvlog writes
   * them. {@code postgres} stays, as in the {@code %u@%d} prefix.
   */
  static int postgresCsvUser(Scan s, int last) {
    if (s.at(last - 5) != ' '
        || !(Bytes.startsWithIgnoreCase(s.b, last - 4, s.hi, "utc,") || Bytes.startsWithIgnoreCase(s.b, last - 4, s.hi, "gmt,"))) {
      return -1;
    }
    int start = last + 1;
    int end = closingQuote(s, last, 128);
    if (end <= start || s.at(end + 1) != ',' || s.at(end + 2) != '"') {
      return -1;
    }
    int dbEnd = closingQuote(s, end + 2, 128);
    if (dbEnd < 0 || s.at(dbEnd + 1) != ',' || !Bytes.isDigit(s.at(dbEnd + 2))) {
      return -1;
    }
    return add(s, start, end);
  }

  /**
   * At the quote of {@code UID="}, {@code AUID="}, {@code OUID="}, {@code SUID="}, {@code FSUID="}, {@code EUID="}
   * of auditd's ENRICHED records (the default of RHEL 8 and later, after a 0x1d byte): the name of the id, a user
   * ({@code root} and {@code unset} stay).
   */
  static int auditEnrichedUser(Scan s, int last) {
    int k = last - 4; // the byte before "uid"
    while (k >= s.lo && k > last - 7 && Bytes.isUpper(s.b[k])) {
      k--;
    }
    if (!Bytes.isUpper(s.at(last - 3)) || (k >= s.lo && Bytes.isWord(s.b[k]))) {
      return -1; // upper case only (auditd's), a whole key
    }
    int end = closingQuote(s, last, 64);
    if (end <= last + 1 || (end - last == 6 && Bytes.startsWith(s.b, last + 1, end, "unset"))) {
      return -1;
    }
    return add(s, last + 1, end);
  }

  /**
   * At the {@code r} of a Kubernetes RBAC subject's {@code kind: User} (a RoleBinding's {@code subjects}): the
   * {@code name:} of the same item, before or after it, is a user (a group's or a service account's is not).
   */
  static int rbacSubjectUser(Scan s, int last) {
    int kind = last - 9; // "kind: User"
    if (!Bytes.startsWith(s.b, kind, s.hi, "kind: User") || !endsLineAt(s, last + 1)) {
      return -1;
    }
    int ls = kind;
    while (ls > s.lo && s.b[ls - 1] == ' ') {
      ls--;
    }
    boolean itemStart = ls < kind && s.at(ls - 1) == '-'; // "- kind: User": the item's first key
    if (itemStart) {
      ls--;
      while (ls > s.lo && s.b[ls - 1] == ' ') {
        ls--;
      }
    }
    if (ls > s.lo && s.b[ls - 1] != '\n') {
      return -1;
    }
    int col = kind - ls;
    // the lines after, at the same column, while the item lasts
    int line = lineAfter(s, last);
    for (int n = 0; line > 0 && n < 8; n++) {
      int ind = 0;
      while (s.at(line + ind) == ' ') {
        ind++;
      }
      if (ind != col) {
        break;
      }
      int r = nameValue(s, line + ind);
      if (r >= 0) {
        return r;
      }
      line = lineAfter(s, line);
    }
    // the lines before, up to the item's "- "
    int eol = ls - 1;
    for (int n = 0; !itemStart && eol > s.lo && n < 8; n++) {
      int start = eol;
      while (start > s.lo && s.b[start - 1] != '\n') {
        start--;
      }
      int ind = 0;
      while (s.at(start + ind) == ' ') {
        ind++;
      }
      boolean dash = ind == col - 2 && s.at(start + ind) == '-' && s.at(start + ind + 1) == ' ';
      if (ind != col && !dash) {
        break;
      }
      int r = nameValue(s, dash ? start + ind + 2 : start + ind);
      if (r >= 0 || dash) {
        return r;
      }
      eol = start - 1;
    }
    return -1;
  }

  /**
   * At the blank after an LDIF attribute at a line's start (the pattern holds the newline before it): {@code uid: }
   * (a user; not a number), {@code sn: } (a surname: one word or more, capitalised) and {@code cn: } (a person's
   * name only when it looks like one: 2–4 capitalised words; a group's {@code cn: admins} stays). The value is the
   * line's rest.
   */
  static int ldifAttribute(Scan s, int last) {
    int start = last + 1;
    int end = KeyedForms.restOfLine(s, start, 256);
    if (end == start || !endsLineAt(s, end) || KeyValueDetector.isPlaceholder(s, start, end) || isToken(s, start)) {
      return -1;
    }
    int attr = s.b[last - 3]; // the i of uid, the s of sn, the c of cn
    if (attr == 'i' || attr == 'I') { // uid
      return Bytes.digitRun(s.b, start, end, 256) == end - start ? -1 : add(s, start, end);
    }
    if (attr == 's' || attr == 'S') { // sn
      int c = s.b[start] & 0xFF;
      return (Bytes.isUpper(c) || c >= 0x80) && s.add(start, end, DetectorType.PERSON_NAME) ? end : -1;
    }
    return KeyValueDetector.looksLikePersonName(s, start, end) && s.add(start, end, DetectorType.PERSON_NAME) ? end : -1;
  }

  /**
   * At the {@code =} of an LDAP search filter's {@code (cn=}, {@code (sn=}, {@code (givenName=} or
   * {@code (displayName=}: the value up to its {@code )} when it is a person's (a {@code cn} or display name that
   * looks like one, 2–4 capitalised words; a surname or given name that starts with a capital); a wildcard's
   * {@code *} stays outside ({@code (cn=Jane*)}), a presence test {@code (cn=*)} and a group's {@code (cn=admins)}
   * stay whole.
   */
  static int ldapFilter(Scan s, int last, String pattern) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] != ')' && s.b[end] != '\n' && s.b[end] != '*') {
      end++;
    }
    int close = end;
    while (close < s.hi && close - end < 64 && s.b[close] == '*') {
      close++;
    }
    if (end == start || s.at(close) != ')' || KeyValueDetector.isPlaceholder(s, start, end) || isToken(s, start)) {
      return -1;
    }
    boolean fullName = pattern.equals("(cn=") || pattern.equals("(displayname=");
    boolean person = fullName ? KeyValueDetector.looksLikePersonName(s, start, end)
        : Bytes.isUpper(s.b[start]) || (s.b[start] & 0xFF) >= 0x80;
    return person && s.add(start, end, DetectorType.PERSON_NAME) ? end : -1;
  }

  /**
   * After {@code Who: } of Terraform's state lock information ({@code Who:       alice@ci-runner-07}): the user
   * before the {@code @} (an e-mail address stays the e-mail detector's).
   */
  static int terraformLockWho(Scan s, int last) {
    int start = last + 1;
    while (s.at(start) == ' ' && start - last < 32) {
      start++;
    }
    int at = start;
    while (at < s.hi && at - start < 64 && (Bytes.isAlnum(s.b[at]) || s.b[at] == '.' || s.b[at] == '_' || s.b[at] == '-')) {
      at++;
    }
    if (at == start || s.at(at) != '@' || !Bytes.startsWith(s.b, last - 4, s.hi, "Who:")) {
      return -1;
    }
    int host = at + 1;
    int he = host;
    while (he < s.hi && (Bytes.isAlnum(s.b[he]) || s.b[he] == '-' || s.b[he] == '.')) {
      he++;
    }
    if (Bytes.indexOf(s.b, host, he, ".") >= 0 && Bytes.isAlpha(s.at(he - 1))) {
      return -1; // jane@acme.com: an e-mail address
    }
    return add(s, start, at);
  }

  /**
   * At {@code nameid} of a SAML assertion's subject, {@code <saml:NameID Format="…">x</saml:NameID>} (any namespace
   * prefix or none): x as a user; an e-mail address stays the e-mail detector's; an empty {@code <NameID …/>}, a
   * {@code nameid-format:} URN and prose stay.
   */
  static int samlNameId(Scan s, int last) {
    int name = last - 5;
    int q = name - 1;
    if (s.at(q) == ':') {
      while (q > s.lo && name - q < 16 && Bytes.isAlnum(s.b[q - 1])) {
        q--;
      }
      q--;
    }
    int after = s.at(last + 1);
    if (s.at(q) != '<' || (after != '>' && after != ' ')) {
      return -1;
    }
    int p = last + 1;
    int limit = Math.min(s.hi, p + 1024);
    while (p < limit && s.b[p] != '>' && s.b[p] != '\n') {
      p++;
    }
    if (s.at(p) != '>' || s.at(p - 1) == '/') {
      return -1;
    }
    int start = p + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] != '<' && s.b[end] != '\n') {
      end++;
    }
    if (end == start || s.at(end) != '<' || s.at(end + 1) != '/' || Bytes.indexOf(s.b, start, end, "@") >= 0) {
      return -1;
    }
    return add(s, start, end);
  }

  /**
   * At the {@code =} of Exim's main-log fields: {@code A=dovecot_login:alice} (the authenticator, then the user) of an
   * authenticated submission, {@code U=alice} of a local one (on a {@code <=} line), {@code (set_id=alice)} of a failed
   * login; capital {@code A} and {@code U} only. An e-mail address there is the e-mail detector's.
   */
  static int eximUser(Scan s, int last) {
    int k = s.b[last - 1];
    int start = last + 1;
    if (k == 'A') {
      int colon = start;
      while (colon < s.hi && colon - start < 64 && (Bytes.isWord(s.b[colon]) || s.b[colon] == '-')) {
        colon++;
      }
      if (colon == start || s.at(colon) != ':') {
        return -1;
      }
      start = colon + 1;
    } else if (k == 'U') {
      if (!CommandLineDetector.lineMentions(s, last, " <= ")) {
        return -1;
      }
    } else if (k != 'd') {
      return -1;
    }
    int end = start;
    while (end < s.hi && end - start < 128 && (s.b[end] & 0xFF) > ' ' && s.b[end] != ')') {
      end++;
    }
    if (end == start || (k == 'd' && s.at(end) != ')') || Bytes.indexOf(s.b, start, end, "@") >= 0) {
      return -1;
    }
    return add(s, start, end);
  }

  /** {@link #wordAfter} flags: a word up to a blank or bracket; one before {@code " (Remote IP"}; a path segment. */
  static final int WORD = 0;
  static final int BEFORE_REMOTE_IP = 1;
  static final int PATH_SEGMENT = 2;
  static final int LOCAL_PART = 3;

  /**
   * After a fixed phrase, the word that follows it: Roundcube's {@code Successful login for alice (ID: 5)} and
   * {@code Login failed for alice against …}, Nextcloud's {@code Login failed: alice (Remote IP: …)} and its WebDAV
   * path {@code /remote.php/dav/files/alice/…}, Postfix's {@code from=<alice>} and {@code orig_to=<alice>} of a local
   * user, a Received header's {@code (Authenticated sender: alice)} (users, not {@code user}, {@code root} or an
   * e-mail address, which is the e-mail detector's).
   */
  static int wordAfter(Scan s, int last, Trigger t) {
    int start = last + 1;
    int end = start;
    int mode = t.flags();
    while (end < s.hi && end - start < 128 && (s.b[end] & 0xFF) > ' ' && s.b[end] != '(' && s.b[end] != ')'
        && s.b[end] != '"' && (mode != PATH_SEGMENT || s.b[end] != '/') && (mode == PATH_SEGMENT || s.b[end] != ',')) {
      end++;
    }
    if (end == start || Bytes.indexOf(s.b, start, end, "@") >= 0 || isToken(s, start)) {
      return -1;
    }
    switch (mode) {
      case BEFORE_REMOTE_IP:
        if (!Bytes.startsWith(s.b, end, s.hi, " (Remote IP")) {
          return -1;
        }
        break;
      case PATH_SEGMENT:
        if (s.at(end) != '/' && s.at(end) != ' ') {
          return -1;
        }
        break;
      case LOCAL_PART: // from=<alice>: a local user, no domain (an address is the e-mail detector's)
        if (s.at(end - 1) != '>' || end - 1 == start || s.tokenEnd(last) > 0) { // (From=<phone>: a token of ours)
          return -1;
        }
        end--;
        break;
      default:
        if (Bytes.startsWith(s.b, start, end, "db:") && s.at(end) == ' '
            && Bytes.startsWith(s.b, end + 1, s.hi, "login:")) {
          start = end + 7; // Odoo's "Login failed for db:erp login:jdoe from …": the login, not the database
          end = KeyedForms.wordEnd(s, start);
          return end > start && s.add(start, end, DetectorType.USERNAME) ? end : -1;
        }
        if (end - start == 4 && Bytes.startsWithIgnoreCase(s.b, start, end, "user")) {
          return -1; // "login failed for user x": the user slot rules'
        }
        break;
    }
    return add(s, start, end);
  }

  /**
   * Whether the blank at {@code blank} follows an Apache httpd message code or mod_authnz_ldap's prefix:
   * {@code AH01792: }, {@code auth_ldap authenticate: }.
   */
  static boolean afterApacheCode(Scan s, int blank) {
    if (s.at(blank - 1) != ':') {
      return false;
    }
    int c = blank - 2;
    int digits = 0;
    while (digits < 5 && Bytes.isDigit(s.at(c - digits))) {
      digits++;
    }
    return (digits == 5 && s.at(c - 5) == 'H' && s.at(c - 6) == 'A')
        || Bytes.startsWith(s.b, blank - 13, s.hi, "authenticate:");
  }

  /**
   * After {@code user } of Apache httpd's authentication messages ({@code AH01792: user alice: password mismatch},
   * {@code AH01631: user alice: authorization failure}, {@code AH01790: user `alice' in realm `R' not found},
   * {@code auth_ldap authenticate: user alice authentication failed}): the user.
   */
  static int apacheUser(Scan s, int start) {
    boolean quoted = s.at(start) == '`';
    int from = quoted ? start + 1 : start;
    int end = from;
    while (end < s.hi && end - from < 128 && (s.b[end] & 0xFF) > ' ' && s.b[end] != ':'
        && (!quoted || s.b[end] != '\'')) {
      end++;
    }
    if (end == from || (quoted ? s.at(end) != '\'' : s.at(end) != ':' && s.at(end) != ' ')) {
      return -1;
    }
    return add(s, from, end);
  }

  /** At {@code name: X} (the line's rest, one word): X as a user, or -1. */
  private static int nameValue(Scan s, int k) {
    if (!Bytes.startsWith(s.b, k, s.hi, "name: ")) {
      return -1;
    }
    int start = k + 6;
    int end = start;
    while (end < s.hi && end - start < 256 && (s.b[end] & 0xFF) > ' ') {
      end++;
    }
    return end > start && endsLineAt(s, end) ? add(s, start, end) : -1;
  }

  private static boolean endsLineAt(Scan s, int p) {
    int c = s.at(p);
    return c == '\n' || c == '\r' || (p >= s.hi && s.eof);
  }

  /** The start of the line after the one holding {@code p}, or -1. */
  private static int lineAfter(Scan s, int p) {
    int k = p;
    while (k < s.hi && s.b[k] != '\n') {
      k++;
    }
    return k + 1 < s.hi ? k + 1 : -1;
  }

  private static int add(Scan s, int start, int end) {
    if (KeyValueDetector.isSystemAccount(s, start, end) || isToken(s, start)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** Whether a token of an earlier redaction starts at {@code p}: it stays as it is (redacting twice equals once). */
  private static boolean isToken(Scan s, int p) {
    return s.at(p) == '<' && s.tokenEnd(p) > p;
  }

  /** At {@code logmessage: user:} (Cassandra's audit log, {@code LogMessage: user:x|host:…}): the user, up to {@code |}. */
  static int cassandraAuditUser(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end - start < 128 && s.at(end) > ' ' && s.at(end) != '|') {
      end++;
    }
    if (end == start || s.at(end) != '|' || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * After {@code DB::Exception: } (ClickHouse's {@code DB::Exception: x: Authentication failed: password is incorrect,
   * …}): the user, the word before {@code : Authentication failed}; not the built-in {@code default}.
   */
  static int clickhouseAuthFailed(Scan s, int last) {
    int us = last + 1;
    if (last - 14 < s.lo || s.b[last - 14] != 'D' || s.b[last - 13] != 'B') {
      return -1;
    }
    int colon = us;
    while (colon < s.hi && colon - us < 128 && s.b[colon] > ' ' && s.b[colon] != ':') {
      colon++;
    }
    if (colon == us || !Bytes.startsWith(s.b, colon, s.hi, ": Authentication failed")
        || (colon - us == 7 && Bytes.startsWith(s.b, us, colon, "default"))
        || KeyValueDetector.isSystemAccount(s, us, colon)) {
      return -1;
    }
    return s.add(us, colon, DetectorType.USERNAME) ? colon : -1;
  }

  /**
   * At {@code "rabbit_password_hashing_} (a RabbitMQ definitions export, {@code rabbitmqctl export_definitions}:
   * {@code {"name":"x","password_hash":"…","hashing_algorithm":"rabbit_password_hashing_sha256",…}}): the
   * {@code name} of the same object, a user (its hash is found by its key).
   */
  static int rabbitmqUser(Scan s, int last, int textLength) {
    // (not s.floor(): the object's password_hash, a span of this pass, lies between its name and here)
    int open = KeyedForms.openingBracket(s, last - textLength + 1, Math.max(s.lo, s.emitFrom), 4096);
    if (open < 0 || s.b[open] != '{') {
      return -1;
    }
    int key = Bytes.indexOf(s.b, open, last, "\"name\"");
    if (key < 0) {
      return -1;
    }
    int p = JsonSpans.valueStart(s, key + 6);
    int end = p >= 0 && s.at(p) == '"' ? KeyValueDetector.closingQuote(s, p + 1, '"') : -1;
    if (end <= p + 1 || end > last || KeyValueDetector.isSystemAccount(s, p + 1, end)) {
      return -1;
    }
    s.add(p + 1, end, DetectorType.USERNAME);
    return -1; // the span is kept; the pass goes on after the pattern
  }

  /**
   * After {@code Full Name} and two or more blanks at a line's start (Windows' {@code net user NAME}, {@code net user
   * NAME /domain}): the rest of the line, a person's name when it looks like one.
   */
  static int fullNameRow(Scan s, int last) {
    int start = KeyValueDetector.skipSpaces(s, last + 1);
    int end = KeyedForms.restOfLine(s, start, 128);
    return end > start && KeyValueDetector.looksLikePersonName(s, start, end)
        && s.add(start, end, DetectorType.PERSON_NAME) ? end : -1;
  }

  /**
   * After {@code accounts for \\} of Windows' {@code net user} ({@code User accounts for \\WS-0231}, German
   * {@code Benutzerkonten für \\WS-0231}), a blank line, a rule of dashes, then the accounts in columns of 25
   * characters up to {@code The command completed successfully.} (any line that ends with a full stop) or a blank
   * line: each account, unless a built-in one ({@code Administrator}, {@code Guest}, {@code DefaultAccount}). Returns the end of
   * the last row, or -1.
   */
  static int netUserList(Scan s, int last) {
    int p = last + 1;
    boolean german = s.at(last) == 'f' || s.at(last) == 'F';
    if (german && !(s.at(p) == 0xC3 && s.at(p + 1) == 0xBC && Bytes.startsWith(s.b, p + 2, s.hi, "r \\\\"))) {
      return -1; // (für: ü in UTF-8)
    }
    int rule = lineAfter(s, p);
    if (rule >= 0 && (s.at(rule) == '\n' || (s.at(rule) == '\r' && s.at(rule + 1) == '\n'))) {
      rule = lineAfter(s, rule); // (a blank line between)
    }
    if (rule < 0 || !isRule(s, rule)) {
      return -1;
    }
    int row = lineAfter(s, rule);
    int end = -1;
    for (int rows = 0; row >= 0 && rows < 64; rows++) {
      int le = row;
      while (le < s.hi && s.b[le] != '\n' && le - row < 256) {
        le++;
      }
      int te = le > row && s.b[le - 1] == '\r' ? le - 1 : le;
      while (te > row && s.b[te - 1] == ' ') {
        te--;
      }
      if (te == row || s.b[te - 1] == '.' || le == s.hi || s.b[le] != '\n') {
        break; // a blank line, "The command completed successfully.", or no whole line
      }
      int f = row;
      while (f < te) {
        int fe = f;
        while (fe < te && !(s.b[fe] == ' ' && (fe + 1 == te || s.b[fe + 1] == ' '))) {
          fe++;
        }
        if (!KeyValueDetector.isSystemAccount(s, f, fe)) {
          s.add(f, fe, DetectorType.USERNAME);
        }
        f = fe;
        while (f < te && s.b[f] == ' ') {
          f++;
        }
      }
      end = te;
      row = le + 1 < s.hi ? le + 1 : -1;
    }
    return end;
  }

  /** Whether the line at {@code p} is a rule of at least 20 dashes. */
  private static boolean isRule(Scan s, int p) {
    int q = p;
    while (q < s.hi && s.b[q] == '-') {
      q++;
    }
    return q - p >= 20 && (q == s.hi || s.b[q] == '\n' || s.b[q] == '\r');
  }

  /**
   * After {@code in to github.com } of GitHub's CLI's {@code gh auth status} ({@code ✓ Logged in to github.com account
   * jdoe (keyring)}, older {@code … github.com as jdoe (oauth_token)}): the user, unless a system account.
   * (Entered at {@code hub}: the check mark's bytes and {@code gge} of {@code logged}/{@code logger} are in thousands
   * of places per 64 MiB of logs.)
   */
  static int loggedInAs(Scan s, int last) {
    if (last - 23 < s.lo || !Bytes.startsWithIgnoreCase(s.b, last - 23, s.hi, "logged ")) {
      return -1;
    }
    int p;
    if (Bytes.startsWith(s.b, last + 1, s.hi, "as ")) {
      p = last + 4;
    } else if (Bytes.startsWith(s.b, last + 1, s.hi, "account ")) {
      p = last + 9;
    } else {
      return -1;
    }
    int end = p;
    while (end < s.hi && end - p < 64 && (Bytes.isWord(s.b[end]) || s.b[end] == '-' || s.b[end] == '.')) {
      end++;
    }
    while (end > p && s.b[end - 1] == '.') {
      end--;
    }
    if (end - p < 2 || KeyValueDetector.isSystemAccount(s, p, end)) {
      return -1;
    }
    return s.add(p, end, DetectorType.USERNAME) ? end : -1;
  }

  /** After {@code API Key } at a line's start (IBM Cloud's {@code ibmcloud iam api-key-create} table): the key. */
  static int apiKeyRow(Scan s, int last) {
    int p = last + 1;
    while (s.at(p) == ' ' || s.at(p) == '\t' || s.at(p) == ':') {
      p++;
    }
    int end = p;
    while (end < s.hi && end - p < 256 && (Bytes.isAlnum(s.b[end]) || s.b[end] == '-' || s.b[end] == '_')) {
      end++;
    }
    if (end - p < 20 || !(s.at(end) == ' ' || s.at(end) == '\n' || s.at(end) == '\r' || s.at(end) == 0)) {
      return -1;
    }
    return s.add(p, end, DetectorType.SECRET) ? end : -1;
  }
}
