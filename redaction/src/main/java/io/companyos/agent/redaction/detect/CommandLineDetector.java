package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Passwords on command lines and in SQL that have no {@code key=} form: {@code mysql -pSECRET},
 * {@code redis-cli -a SECRET}, and {@code IDENTIFIED BY 'secret'}.
 */
final class CommandLineDetector {
  private CommandLineDetector() {}

  /**
   * At the {@code p} of {@code " -p"}: the password follows without a space on a mysql, mariadb, sshpass or 7z
   * command line ({@code -P} is mysql's port); after a space on an sshpass, {@code … login} (docker, podman, helm,
   * az), mongo or mongosh, cqlsh, {@code elasticsearch-users}, WildFly's {@code add-user.sh}, {@code dotnet nuget} or
   * FreeIPA install line, and after {@code -P } on a sqlcmd or zip line. Also at the {@code p} of
   * {@code ="-p}: an argument of auditd's {@code EXECVE} record ({@code a0="mysql" a1="-uroot" a2="-px"}). A port
   * ({@code -p 8080:80}) stays.
   */
  static int mysql(Scan s, int last) {
    int start = last + 1;
    int c = s.at(start);
    boolean lower = s.b[last] == 'p';
    if (c == ' ') {
      start++;
      if (!argumentAt(s, start) || isPort(s, start)
          || !(lower ? lineMentions(s, last, "sshpass", " login", "mongo", "rdesktop", "psexec", "cypher-shell",
              "testsaslauthd", "doveadm pw", "cqlsh", "elasticsearch-users", "add-user", "nuget",
              "ipa-server-install", "ipa-replica-install", "rabbitmqadmin", "hash.sh", "check_mysql", "couchbase-cli",
              "cbq ")
              : lineMentions(s, last, "sqlcmd", "zip ", "ipmitool", "ssh-keygen", "bcp ", "osql ", "knife "))) {
        return -1;
      }
      return secretWord(s, start);
    }
    if (c == '"' && s.at(last - 2) == '"') {
      // auditd's a1="-p" or a JSON argv's "-p": mysql's prompt form (its next argument is the database); sshpass's
      // and the others' password is the next argument
      long arg = lower && lineMentions(s, last, "sshpass", "mongo", "rdesktop", "psexec")
          ? Argv.next(s, last - 1, last + 2, '"') : -1;
      return arg == -1 || KeyValueDetector.isPlaceholder(s, Argv.start(arg), Argv.end(arg))
          || !s.add(Argv.start(arg), Argv.end(arg), DetectorType.SECRET) ? -1 : Argv.end(arg);
    }
    if (!argumentAt(s, start) || !lower || !lineMentions(s, last, "mysql", "mariadb", "sshpass", "7z ")) {
      return -1;
    }
    return secretWord(s, start);
  }

  /** Digits, {@code :}, {@code .}, {@code -} and an optional {@code /tcp}: a port or port mapping. */
  private static boolean isPort(Scan s, int start) {
    int p = start;
    while (p - start < 64 && (Bytes.isDigit(s.at(p)) || s.at(p) == ':' || s.at(p) == '.' || s.at(p) == '-')) {
      p++;
    }
    if (p == start || !Bytes.isDigit(s.at(start))) {
      return false;
    }
    if (s.at(p) == '/') {
      p += 4;
    }
    int c = s.at(p);
    return c == 0 || Bytes.isSpace(c) || c == '"' || c == '\'';
  }

  /**
   * Samba's tools, whose {@code -U user%password} (also {@code -U"CORP\admin%password"}) carries the password:
   * {@code net ads join}, {@code samba-tool domain join} and the rest of an Active Directory join, the SMB clients.
   */
  private static final String[] SAMBA_TOOLS = {"smbclient", "rpcclient", "smbcacls", "smbget", "smbtree",
      "smbcquotas", "smbpasswd", "samba-tool", "net ads ", "net rpc ", "net sam ", "net dom ", "winexe"};

  /**
   * At the blank after {@code " -u "} (or the quote of {@code " -U\""}): {@code user:password} on a curl line,
   * {@code user%password} after {@code -U} on a line of one of {@link #SAMBA_TOOLS}; the user is a user name, the
   * password a secret. A value without the separator ({@code mysql -u root}, {@code git push -u origin}) stays, but
   * for the user of a {@code … login -u} and of {@code testsaslauthd}, mosquitto's clients, {@code ksql} and
   * {@code rabbitmqadmin}, whose password is their {@code -p} (mosquitto's {@code -P}).
   */
  static int userPassword(Scan s, int last) {
    int start = s.b[last] == '"' ? last : last + 1; // -U"CORP\admin%pw" (samba-tool's examples) or -u user
    int q = s.at(start);
    int end;
    if (q == '\'' || q == '"') {
      start++;
      end = closingQuote(s, start, q);
      if (end < 0) {
        return -1;
      }
    } else {
      end = KeyedForms.wordEnd(s, start);
    }
    boolean curl = s.b[last - 1] == 'u' && lineMentions(s, last, "curl");
    boolean lftp = !curl && s.b[last - 1] == 'u' && lineMentions(s, last, "lftp");
    int sep = -1;
    for (int p = start; p < end && sep < 0; p++) {
      if ((s.b[p] == ':' && curl) || (s.b[p] == ',' && lftp) || (s.b[p] == '%' && !curl && !lftp)) {
        sep = p;
      }
    }
    if (lftp && sep > start && sep < end - 1) {
      return KeyedForms.userAndSecret(s, start, sep, sep + 1, end) ? end : -1; // lftp -u alice,password
    }
    if (sep < 0 && end > start && (s.b[last - 1] == 'u'
            ? lineMentions(s, last, " login", "testsaslauthd", "mosquitto_", "ksql ", "rabbitmqadmin", "snowsql ")
                || lineMentions(s, last, LOWER_U_USER_TOOLS)
            : s.b[last - 1] == 'U' && lineMentions(s, last, UPPER_U_USER_TOOLS))
        && Bytes.isAlpha(s.b[start]) && !KeyValueDetector.isPlaceholder(s, start, end)
        && !KeyValueDetector.isSystemAccount(s, start, end)
        && !KeyValueDetector.isUuid(s, start, end)) { // (az login -u <appId>: an application's id)
      // docker/podman/helm/az … login -u alice -p x, testsaslauthd -u alice -p x: the user, as its -p is the password;
      // (session 31) mysql -u alice, sudo -u alice, psql -U alice: a client's or a command's user (docker's
      // -u alice:staff: the group after the colon stays)
      int colon = Bytes.indexOf(s.b, start, end, ":");
      int ue = colon > start ? colon : end;
      return s.add(start, ue, DetectorType.USERNAME) ? ue : -1;
    }
    if (sep <= start || sep >= end - 1 || KeyValueDetector.isPlaceholder(s, start, end)
        || (!curl && !lineMentions(s, last, SAMBA_TOOLS))) {
      return -1;
    }
    return KeyedForms.userAndSecret(s, start, sep, sep + 1, end) ? end : -1;
  }

  /**
   * At the blank after {@code "mqctl "} of {@code rabbitmqctl}: {@code add_user}, {@code change_password} and
   * {@code authenticate_user} take a user name and a password.
   */
  static int rabbitmqctl(Scan s, int last) {
    if (!Bytes.startsWithIgnoreCase(s.b, last - 11, last, "rabbitmq")) {
      return -1;
    }
    int p = last + 1;
    while (s.at(p) == ' ') {
      p++;
    }
    int cmd = p;
    while (Bytes.isWord(s.at(p))) {
      p++;
    }
    if (s.at(p) != ' ' || !(word(s, cmd, p, "add_user") || word(s, cmd, p, "change_password")
        || word(s, cmd, p, "authenticate_user"))) {
      return -1;
    }
    while (s.at(p) == ' ') {
      p++;
    }
    int us = p;
    int ue = KeyedForms.wordEnd(s, us);
    if (ue == us || s.at(ue) != ' ') {
      return -1;
    }
    int ps = ue;
    while (s.at(ps) == ' ') {
      ps++;
    }
    int q = s.at(ps);
    int pe;
    if (q == '\'' || q == '"') {
      pe = closingQuote(s, ++ps, q);
      if (pe < 0) {
        return -1;
      }
    } else {
      pe = KeyedForms.wordEnd(s, ps);
    }
    if (pe == ps || s.at(ps) == '-') {
      return -1;
    }
    return KeyedForms.userAndSecret(s, us, ue, ps, pe) ? pe : -1;
  }

  /**
   * At the blank after the key word {@code user} (see {@link KeyValueDetector}): on a Windows {@code net user} line
   * ({@code net.exe} too, any case), a password given as the second positional argument ({@code net user alice
   * P@ssw0rd /add}, {@code net user alice pw /domain}); the user is a user name, the password a secret. The prompt
   * form {@code net user alice *}, options ({@code /delete}, {@code /domain}) and a user alone stay.
   */
  static int netUser(Scan s, int wordEnd) {
    int us = skipBlanks(s, wordEnd);
    int ue = argumentEnd(s, us);
    if (ue < 0 || s.at(us) == '/' || s.at(ue) != ' ') {
      return -1;
    }
    int ps = skipBlanks(s, ue);
    int pe = argumentEnd(s, ps);
    if (pe < 0 || s.at(ps) == '/' || (pe - ps == 1 && s.at(ps) == '*') || !endsCommand(s, pe)) {
      return -1;
    }
    boolean userQuoted = s.at(us) == '"';
    boolean pwQuoted = s.at(ps) == '"';
    return KeyedForms.userAndSecret(s, userQuoted ? us + 1 : us, userQuoted ? ue - 1 : ue, pwQuoted ? ps + 1 : ps,
        pwQuoted ? pe - 1 : pe) ? pe : -1;
  }

  /** Database clients that take their password from the environment ({@code PGPASSWORD=x psql}, {@code MYSQL_PWD}). */
  private static final String[] ENV_CLIENTS = {"psql", "pg_dump", "pg_dumpall", "pg_restore", "pg_basebackup",
      "pgbench", "mysql", "mysqldump", "mysqladmin", "mariadb", "mongosh", "mongodump", "mongorestore", "redis-cli",
      "sqlcmd", "terraform", "aws", "az", "gcloud", "gh", "docker", "kubectl", "helm", "vault", "pulumi",
      "ansible-playbook"};

  /** Whether {@code [from, to)} is a shell variable name: a letter or {@code _}, then letters, digits, {@code _}. */
  static boolean isShellName(Scan s, int from, int to) {
    if (to <= from || Bytes.isDigit(s.at(from))) {
      return false;
    }
    for (int p = from; p < to; p++) {
      if (!Bytes.isWord(s.b[p])) {
        return false;
      }
    }
    return true;
  }

  /**
   * At the first blank after the value of {@code VAR=value} at the start of a line: whether a command follows, so
   * that the value is an environment prefix of that command and ends here. A command is another assignment
   * ({@code PGUSER=app psql}), a word followed by a flag ({@code psql -h db}, {@code ./restore.sh --all}), a path
   * ({@code /usr/bin/pg_dump}) or a database client alone ({@code psql}, {@code pg_dump app}).
   */
  static boolean commandFollows(Scan s, int blank) {
    int w = skipBlanks(s, blank);
    int e = w;
    while (e < s.hi && e - w < 256 && (s.b[e] & 0xFF) > ' ') {
      e++;
    }
    if (e == w) {
      return false;
    }
    int eq = Bytes.indexOf(s.b, w, e, "=");
    if (eq > w && isShellName(s, w, eq)) {
      return true;
    }
    for (int p = w; p < e; p++) {
      int c = s.b[p];
      if (!(Bytes.isWord(c) || c == '.' || c == '/' || c == '-' || c == '+')) {
        return false;
      }
    }
    if (s.at(w) == '/' || (s.at(w) == '.' && s.at(w + 1) == '/')) {
      return true;
    }
    int next = s.at(skipBlanks(s, e));
    if (next == '-' && e < s.hi && (s.b[e] == ' ' || s.b[e] == '\t')) {
      return true;
    }
    for (String client : ENV_CLIENTS) {
      if (e - w == client.length() && Bytes.startsWith(s.b, w, e, client)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code net} or {@code net.exe} (any case) and blanks come right before {@code ks}, as a word. */
  static boolean afterNet(Scan s, int ks) {
    int nb = ks;
    while (nb > s.lo && ks - nb < 8 && s.b[nb - 1] == ' ') {
      nb--;
    }
    if (nb == ks) {
      return false;
    }
    int ns = nb - 7 >= s.lo && Bytes.startsWithIgnoreCase(s.b, nb - 7, nb, "net.exe") ? nb - 7
        : nb - 3 >= s.lo && Bytes.startsWithIgnoreCase(s.b, nb - 3, nb, "net") ? nb - 3 : -1;
    if (ns < 0) {
      return false;
    }
    int before = s.at(ns - 1);
    return ns == s.lo || !(Bytes.isWord(before) || before == '.' || before == '-');
  }

  /**
   * Whether an argument ending at {@code p} is the last of its command or is followed by an option: the line ends,
   * or the next word starts with {@code /}, or a shell operator or closing quote follows ({@code net user growth was
   * 5%} is prose).
   */
  private static boolean endsCommand(Scan s, int p) {
    int c = s.at(p);
    if (c != 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      return false;
    }
    int q = skipBlanks(s, p);
    int n = s.at(q);
    return n == 0 || n == '\n' || n == '\r' || n == '/' || n == '&' || n == '|' || n == ';' || n == '>' || n == '"'
        || n == '\'' || n == ')';
  }

  private static int skipBlanks(Scan s, int p) {
    while (p < s.hi && (s.b[p] == ' ' || s.b[p] == '\t')) {
      p++;
    }
    return p;
  }

  /** The end of a command-line argument at {@code p}: a word, or a double-quoted string with its quotes; -1 if none. */
  private static int argumentEnd(Scan s, int p) {
    if (s.at(p) == '"') {
      int end = closingQuote(s, p + 1, '"');
      return end < 0 || end == p + 1 ? -1 : end + 1;
    }
    int end = KeyedForms.wordEnd(s, p);
    return end == p ? -1 : end;
  }

  private static boolean word(Scan s, int from, int to, String w) {
    return to - from == w.length() && Bytes.startsWith(s.b, from, to, w);
  }

  /**
   * At the blank after {@code "htpasswd "}: in batch mode ({@code -b}, {@code -bc}, {@code -nb}, …), the user
   * name and the password, the positional arguments after the file (none with {@code -n}).
   */
  static int htpasswd(Scan s, int last) {
    int p = last + 1;
    boolean batch = false;
    boolean noFile = false;
    boolean cost = false;
    int n = 0;
    int[] pos = s.scratch; // start, end of up to 3 positional arguments
    while (n < 3 && p - last < 1024) {
      while (s.at(p) == ' ') {
        p++;
      }
      int c = s.at(p);
      if (c == 0 || c == '\n' || c == '\r' || c == '|' || c == ';' || c == '&' || c == '>') {
        break;
      }
      int q = c == '\'' || c == '"' ? c : 0;
      int st = q != 0 ? p + 1 : p;
      int e = st;
      while (e - st < 1024 && s.at(e) != 0 && (q != 0 ? s.at(e) != q && s.at(e) != '\n' : s.at(e) > ' ')) {
        e++;
      }
      if (q == 0 && c == '-' && n == 0) {
        for (int k = p + 1; k < e; k++) {
          batch |= s.b[k] == 'b';
          noFile |= s.b[k] == 'n';
          cost |= s.b[k] == 'C' || s.b[k] == 'r';
        }
      } else if (cost) {
        cost = false; // the argument of -C (bcrypt cost) or -r (rounds)
      } else {
        pos[2 * n] = st;
        pos[2 * n + 1] = e;
        n++;
      }
      p = q != 0 && s.at(e) == q ? e + 1 : e;
    }
    int user = noFile ? 0 : 1;
    if (!batch || n < user + 2) {
      return -1;
    }
    return KeyedForms.userAndSecret(s, pos[2 * user], pos[2 * user + 1], pos[2 * user + 2], pos[2 * user + 3])
        ? pos[2 * user + 3] : -1;
  }

  /**
   * At the blank after a flag that takes a password and a blank: {@code ldapsearch … -w SECRET} (and the other
   * ldap tools; {@code -W} prompts), {@code ssh-keygen -N PASSPHRASE}, {@code openssl enc -k PASSWORD} and its raw
   * key {@code -K HEX} (not {@code curl -k}: the line must name openssl).
   */
  static int spacedFlag(Scan s, int last) {
    int flag = s.b[last - 1];
    int c = s.at(last + 1);
    if (flag == 'd' && s.b[last - 2] == 'r') { // grafana-cli admin reset-admin-password PW
      return !argumentAt(s, last + 1) || !lineMentions(s, last, "grafana") ? -1 : secretWord(s, last + 1);
    }
    if (flag == 'u') { // swaks -au alice (its -ap: the password)
      int end = KeyedForms.wordEnd(s, last + 1);
      return s.b[last - 2] == 'a' && end > last + 1 && c != '-' && lineMentions(s, last, "swaks")
          && !KeyValueDetector.isPlaceholder(s, last + 1, end) && s.add(last + 1, end, DetectorType.USERNAME)
          ? end : -1;
    }
    if (!argumentAt(s, last + 1)
        || !(flag == 'w' ? lineMentions(s, last, "ldap")
            : flag == 'N' ? lineMentions(s, last, "ssh-keygen")
            : flag == 's' ? lineMentions(s, last, "ldappasswd") // its new password
            : flag == 'c' || flag == 'X' ? lineMentions(s, last, "snmp") // a community, -X privpassphrase
            : flag == 'p' ? s.b[last - 2] == 'a' && lineMentions(s, last, "swaks") // swaks -ap pw (-au: the user)
            : (flag == 'k' || flag == 'K') && lineMentions(s, last, "openssl "))) {
      return -1;
    }
    return secretWord(s, last + 1);
  }

  /**
   * After {@code doveadm auth test } or {@code doveadm auth login } (Dovecot's documented way to test a login): the
   * user and the password, its two positional arguments (options first); a password left out (it prompts) has none.
   */
  static int doveadmAuth(Scan s, int last) {
    int us = skipBlanks(s, last + 1);
    while (s.at(us) == '-') { // -a socket, -x key=value: an option and its value
      us = skipBlanks(s, KeyedForms.wordEnd(s, skipBlanks(s, KeyedForms.wordEnd(s, us))));
    }
    int ue = KeyedForms.wordEnd(s, us);
    int ps = skipBlanks(s, ue);
    int pe = KeyedForms.wordEnd(s, ps);
    if (ue == us || s.at(ue) != ' ' || pe == ps) {
      return -1;
    }
    return KeyedForms.userAndSecret(s, us, ue, ps, pe) ? pe : -1;
  }

  /** The tools whose first argument may be Oracle's connect string {@code user/password[@db]}. */
  private static final String[] ORACLE_TOOLS = {"sqlplus", "expdp", "impdp", "sqlldr"};

  /**
   * At the blank after {@code sqlplus}, {@code expdp}, {@code impdp} or {@code sqlldr} (as a whole word, a path
   * before it allowed): the first argument that is not an option, when it is {@code user/password} with an
   * optional {@code @db}: the user is a user name, the password a secret. {@code sqlplus / as sysdba} and
   * {@code sqlplus -s scott@db} (it prompts) have neither.
   */
  static int oracleLogin(Scan s, int last) {
    int wordEnd = last;
    int w = wordEnd;
    while (w > s.lo && wordEnd - w < 16 && Bytes.isAlnum(s.b[w - 1])) {
      w--;
    }
    boolean tool = false;
    for (String t : ORACLE_TOOLS) {
      tool |= wordEnd - w == t.length() && Bytes.startsWithIgnoreCase(s.b, w, wordEnd, t);
    }
    if (!tool || s.at(w - 1) == '_' || s.at(w - 1) == '-' || s.at(w - 1) == '.') {
      return -1;
    }
    int p = last + 1;
    while (s.at(p) == '-') { // options before the connect string: -s, -L, -silent
      while (s.at(p) != 0 && !Bytes.isSpace(s.at(p))) {
        p++;
      }
      while (s.at(p) == ' ') {
        p++;
      }
    }
    return connectString(s, p, false);
  }

  /** At the space after {@code " -a "} on a redis-cli command line. */
  static int redisCli(Scan s, int last) {
    int start = last + 1;
    boolean snmpAuth = s.b[last - 1] == 'A' && lineMentions(s, last, "snmp"); // net-snmp's -A authpassphrase
    if (!argumentAt(s, start)
        || !(snmpAuth || lineMentions(s, last, "redis-cli", "check_http")
            || (s.b[last - 1] == 'a' && httpie(s, last)))) {
      return -1;
    }
    return secretWord(s, start);
  }

  /**
   * Whether the line of {@code p} is an HTTPie command ({@code http …}, {@code https …}, after a shell's {@code $ }),
   * whose {@code -a}/{@code --auth} takes {@code user:password}.
   */
  static boolean httpie(Scan s, int p) {
    int ls = lineStartWithin(s, p, 4096);
    if (s.at(ls) == '$' && s.at(ls + 1) == ' ') {
      ls += 2;
    }
    return Bytes.startsWith(s.b, ls, s.hi, "http ") || Bytes.startsWith(s.b, ls, s.hi, "https ");
  }

  /** At the blank after HTTPie's {@code --auth}: {@code user:password}, as a secret. */
  static int httpieAuth(Scan s, int last) {
    int start = last + 1;
    return !argumentAt(s, start) || !httpie(s, last) ? -1 : secretWord(s, start);
  }

  /** At the blank after {@code ngrok config add-authtoken}: the agent's token. */
  static int ngrokAuthtoken(Scan s, int last) {
    int start = last + 1;
    return !argumentAt(s, start) || !lineMentions(s, last, "ngrok") ? -1 : secretWord(s, start);
  }

  /**
   * At the blank after {@code seal key } of {@code vault operator init}'s output, {@code Unseal Key 1: <base64>}: the
   * key share (20 base64 characters or more, its padding included). Five of them, or three, unseal the vault.
   */
  static int vaultUnsealKey(Scan s, int last) {
    int seal = last - 8;
    boolean recovery = Bytes.startsWithIgnoreCase(s.b, last - 12, s.hi, "recovery key ") && !Bytes.isWord(s.at(last - 13));
    if (!recovery && (!Bytes.startsWithIgnoreCase(s.b, seal - 2, s.hi, "un") || Bytes.isWord(s.at(seal - 3)))) {
      return -1;
    }
    int p = last + 1;
    while (p - last <= 2 && Bytes.isDigit(s.at(p))) {
      p++;
    }
    if (p == last + 1 || s.at(p) != ':' || s.at(p + 1) != ' ') {
      return -1;
    }
    int start = p + 2;
    int end = start;
    while (end - start < 1024 && Base64SecretDetector.isBase64(s.at(end))) {
      end++;
    }
    while (end - start >= 20 && s.at(end) == '=' && end - start < 1026) {
      end++;
    }
    if (end - start < 20 || Bytes.isWord(s.at(end))) {
      return -1;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * After {@code "AUTH" } in the output of Redis's {@code MONITOR} ({@code [0 10.0.0.5:53122] "AUTH" "pw"}): the quoted
   * password, or the user and the password of the ACL form ({@code "AUTH" "alice" "pw"}; {@code "HELLO" "3" "AUTH" "u"
   * "pw"}); {@code "MIGRATE" … "AUTH" "pw" "KEYS" …} has the password alone, its {@code "AUTH2" "u" "pw"} both. Also
   * after {@code "requirepass" } and {@code "masterauth" } ({@code "CONFIG" "SET" "requirepass" "pw"}): the password.
   */
  static int redisMonitorAuth(Scan s, int last) {
    int c = s.b[last - 2]; // "AUTH" , "AUTH2" : a user may come first; "requirepass" : the password alone
    return redisMonitorAuth(s, last, c == 'h' || c == 'H' || c == '2');
  }

  private static int redisMonitorAuth(Scan s, int last, boolean maybeUser) {
    if (s.at(last + 1) != '"') {
      return -1;
    }
    int start = last + 2;
    int end = closingQuote(s, start, '"');
    if (end <= start) {
      return -1;
    }
    if (maybeUser && s.at(end + 1) == ' ' && s.at(end + 2) == '"' && !Bytes.startsWith(s.b, end + 2, s.hi, "\"KEYS\"")) {
      int pw = end + 3;
      int pwEnd = closingQuote(s, pw, '"');
      if (pwEnd > pw) {
        // a token of an earlier pass stays: redacting twice equals redacting once
        if (!KeyValueDetector.isPlaceholder(s, start, end)) {
          s.add(start, end, DetectorType.USERNAME);
        }
        return !KeyValueDetector.isPlaceholder(s, pw, pwEnd) && s.add(pw, pwEnd, DetectorType.SECRET) ? pwEnd : -1;
      }
    }
    return !KeyValueDetector.isPlaceholder(s, start, end) && s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * Redis MONITOR's hash writes, {@code "HSET" "user:42" "email" "x" "first_name" "Anna" "password" "pw"}: each
   * value typed by its field's name as a key's value would be ({@link KeyNames}), the key and other fields kept. At the
   * blank after {@code "hset"}, {@code "hmset"} or {@code "hsetnx"}; up to 64 pairs; quotes escaped inside a value
   * ({@code "{\"a\":1}"}) are its own.
   */
  static int redisHashFields(Scan s, int last) {
    if (s.at(last + 1) != '"') {
      return -1;
    }
    int p = KeyValueDetector.closingQuote(s, last + 2, '"'); // the hash's key
    for (int pairs = 0; p > 0 && pairs < 64 && s.at(p + 1) == ' ' && s.at(p + 2) == '"'; pairs++) {
      int field = p + 3;
      int fieldEnd = KeyValueDetector.closingQuote(s, field, '"');
      if (fieldEnd < 0 || s.at(fieldEnd + 1) != ' ' || s.at(fieldEnd + 2) != '"') {
        return -1;
      }
      int value = fieldEnd + 3;
      p = KeyValueDetector.closingQuote(s, value, '"');
      Trigger t = p > value && fieldEnd - field <= 64
          ? KeyNames.trigger(new String(s.b, field, fieldEnd - field, java.nio.charset.StandardCharsets.UTF_8)) : null;
      if (t != null && t.action() == Trigger.Action.KEY_VALUE) {
        KeyValueDetector.accept(s, t, value, p);
      }
    }
    return -1; // the spans are kept; the pass goes on over the pairs
  }

  /**
   * After {@code identified by }: a quoted password; Oracle's {@code VALUES 'hash'}; an unquoted one (Oracle's
   * {@code CREATE USER app IDENTIFIED BY pw}, {@code GRANT CONNECT TO app IDENTIFIED BY pw}) on a line that names
   * {@code create user}, {@code alter user} or {@code grant} — elsewhere the phrase is English ("the request
   * identified by id 42").
   */
  static int identifiedBy(Scan s, int last) {
    int q = s.at(last + 1);
    if (q != '\'' && q != '"') {
      if (Bytes.startsWithIgnoreCase(s.b, last + 1, s.hi, "values ")) {
        return identifiedBy(s, last + 7);
      }
      if (!Bytes.isWord(q) || !lineMentions(s, last, "create user", "alter user", "grant ")
          || Bytes.startsWithIgnoreCase(s.b, last + 1, s.hi, "password ")) {
        return -1; // (MySQL's IDENTIFIED BY PASSWORD 'hash': the key-value detector's)
      }
      int end = last + 1;
      while (end < s.hi && end - last < 256 && (s.b[end] & 0xFF) > ' ' && s.b[end] != ';' && s.b[end] != ','
          && s.b[end] != ')') {
        end++;
      }
      return KeyValueDetector.isPlaceholder(s, last + 1, end) || !s.add(last + 1, end, DetectorType.SECRET) ? -1 : end;
    }
    int start = last + 2;
    int end = closingQuote(s, start, q);
    if (end <= start) {
      return -1;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * At the {@code (} of Neo4j's user procedures, {@code dbms.security.changePassword('pw')} and, with
   * {@code withUser}, {@code changeUserPassword('u', 'pw')} and {@code createUser('u', 'pw', false)}: the quoted
   * user is a user name, the quoted password a secret (a {@code $parameter} stays).
   */
  static int neo4jProcedure(Scan s, int last, boolean withUser) {
    int p = last + 1;
    while (s.at(p) == ' ') {
      p++;
    }
    if (withUser) {
      int q = s.at(p);
      if (q == '$') { // createUser($u, $p, …) of Neo4j's query log: the parameters' map after the query
        int ue = identifierEnd(s, p + 1);
        boundNeo4jParameter(s, p + 1, ue, DetectorType.USERNAME);
        p = ue;
        while (s.at(p) == ' ') {
          p++;
        }
        if (s.at(p) != ',') {
          return -1;
        }
        p++;
        while (s.at(p) == ' ') {
          p++;
        }
        return s.at(p) == '$' ? boundNeo4jParameter(s, p + 1, identifierEnd(s, p + 1), DetectorType.SECRET) : -1;
      }
      int end = q == '\'' || q == '"' ? closingQuote(s, p + 1, q) : -1;
      if (end < 0) {
        return -1;
      }
      if (end > p + 1 && !KeyValueDetector.isSystemAccount(s, p + 1, end) && !KeyValueDetector.isPlaceholder(s, p + 1, end)) {
        s.add(p + 1, end, DetectorType.USERNAME);
      }
      p = end + 1;
      while (s.at(p) == ' ') {
        p++;
      }
      if (s.at(p) != ',') {
        return end + 1;
      }
      p++;
      while (s.at(p) == ' ') {
        p++;
      }
    }
    int q = s.at(p);
    if (q == '$') {
      return boundNeo4jParameter(s, p + 1, identifierEnd(s, p + 1), DetectorType.SECRET);
    }
    return q == '\'' || q == '"' ? secretWord(s, p) : -1;
  }

  private static int identifierEnd(Scan s, int from) {
    int p = from;
    while (p - from < 64 && (Bytes.isAlnum(s.at(p)) || s.at(p) == '_')) {
      p++;
    }
    return p;
  }

  /**
   * The value bound to the parameter named {@code [ns, ne)} in the map that Neo4j's query log prints after the query
   * on its line ({@code … - CALL dbms.security.createUser($u, $p, false) - {u: 'alice', p: 'x'} - …}): added as
   * {@code type}; its end, or -1.
   */
  private static int boundNeo4jParameter(Scan s, int ns, int ne, DetectorType type) {
    if (ne == ns) {
      return -1;
    }
    int limit = Math.min(s.hi, ne + 4096);
    String name = new String(s.b, ns, ne - ns, java.nio.charset.StandardCharsets.UTF_8);
    int map = Bytes.indexOf(s.b, ne, limit, " - {");
    int eol = Bytes.indexOf(s.b, ne, limit, "\n");
    if (map < 0 || (eol >= 0 && map > eol)) {
      return -1;
    }
    int p = map + 4;
    int mapEnd = eol >= 0 ? eol : limit;
    while (p < mapEnd) {
      int k = p;
      while (k < mapEnd && s.b[k] == ' ') {
        k++;
      }
      if (k + (ne - ns) + 2 < mapEnd && Bytes.startsWith(s.b, k, mapEnd, name) && s.b[k + ne - ns] == ':'
          && s.b[k + ne - ns + 1] == ' ') {
        int v = k + ne - ns + 2;
        int q = s.at(v);
        int end = q == '\'' || q == '"' ? closingQuote(s, v + 1, q) : -1;
        if (end > v + 1 && !KeyValueDetector.isPlaceholder(s, v + 1, end)
            && (type != DetectorType.USERNAME || !KeyValueDetector.isSystemAccount(s, v + 1, end))) {
          return s.add(v + 1, end, type) ? end : -1;
        }
        return -1;
      }
      while (p < mapEnd && s.b[p] != ',' && s.b[p] != '}') {
        p++; // (a value with a comma inside quotes is skipped past its comma: the next name is then not found)
      }
      if (p >= mapEnd || s.b[p] == '}') {
        return -1;
      }
      p++;
    }
    return -1;
  }

  /**
   * At the blank after MinIO client's {@code mc alias set} (its older {@code mc config host add} is not looked for: "add"
   * is common):
   * {@code ALIAS URL ACCESSKEY SECRETKEY} — the access key is a user's (a user name), the secret key a secret. The
   * URL must be one (a scheme and {@code ://}); the keys, when given, are the next two words.
   */
  static int minioAlias(Scan s, int last) {
    if (!lineMentions(s, last, "mc ", "mc.exe ")) {
      return -1;
    }
    int alias = KeyedForms.wordEnd(s, last + 1);
    if (alias == last + 1 || s.at(alias) != ' ') {
      return -1;
    }
    int url = alias + 1;
    int urlEnd = KeyedForms.wordEnd(s, url);
    if (Bytes.indexOf(s.b, url, urlEnd, "://") < 0 || s.at(urlEnd) != ' ') {
      return -1;
    }
    int access = urlEnd + 1;
    int accessEnd = KeyedForms.wordEnd(s, access);
    if (accessEnd == access || s.at(access) == '-' || s.at(accessEnd) != ' ' || s.at(accessEnd + 1) == '-') {
      return -1;
    }
    int end = secretWord(s, accessEnd + 1);
    if (end > 0 && !KeyValueDetector.isPlaceholder(s, access, accessEnd)) {
      s.add(access, accessEnd, DetectorType.USERNAME);
    }
    return end;
  }

  /** After {@code admin user add } on a MinIO client line ({@code mc admin user add ALIAS USER PASSWORD}): both. */
  static int minioUserAdd(Scan s, int last) {
    if (!lineMentions(s, last, "mc ", "mc.exe ")) {
      return -1;
    }
    int alias = KeyedForms.wordEnd(s, last + 1);
    return alias == last + 1 || s.at(alias) != ' ' ? -1 : userThenPassword(s, alias + 1);
  }

  /**
   * A command's USER and PASSWORD arguments, the user's at {@code us} ({@code mc admin user add ALIAS USER PW},
   * {@code mosquitto_passwd -b FILE USER PW}): the password as {@link #secretWord} takes it, and the user, unless a
   * placeholder or a system account; -1 when no argument follows the user.
   */
  /**
   * After Oracle's {@code mkstore … -createCredential} or {@code -modifyCredential} (at the blank {@code sp}): a
   * wallet's connect string, then the user and the password ({@code -createCredential PRODDB app_user 'pw'}). The
   * connect string (a TNS alias) stays.
   */
  static int mkstoreCredential(Scan s, int sp) {
    int alias = sp + 1;
    int ae = KeyedForms.wordEnd(s, alias);
    if (ae == alias || s.at(alias) == '-' || s.at(ae) != ' ') {
      return -1;
    }
    return userThenPassword(s, ae + 1);
  }

  private static int userThenPassword(Scan s, int us) {
    int ue = KeyedForms.wordEnd(s, us);
    if (ue == us || s.at(us) == '-' || s.at(ue) != ' ' || !argumentAt(s, ue + 1)) {
      return -1;
    }
    int end = secretWord(s, ue + 1);
    if (end > 0 && !KeyValueDetector.isPlaceholder(s, us, ue) && !KeyValueDetector.isSystemAccount(s, us, ue)) {
      s.add(us, ue, DetectorType.USERNAME);
    }
    return end;
  }

  /**
   * After a CI runner's command that declares its value a secret: GitHub Actions' {@code ::add-mask::VALUE}, Azure
   * Pipelines' {@code ##vso[task.setvariable variable=x;issecret=true]VALUE}. The runner masks the value only once
   * it has read the command, so a traced {@code echo} of it ({@code + echo '::add-mask::…'}) keeps it in clear. The
   * value runs to the line's end or a quote.
   */
  static int ciSecret(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 1024 && s.b[end] != '\n' && s.b[end] != '\r' && s.b[end] != '\''
        && s.b[end] != '"') {
      end++;
    }
    while (end > start && s.b[end - 1] == ' ') {
      end--;
    }
    return end == start || KeyValueDetector.isPlaceholder(s, start, end) || !s.add(start, end, DetectorType.SECRET)
        ? -1 : end;
  }

  /**
   * At the closing quote of {@code "-a"} in a JSON argument list on a redis-cli line (a Compose healthcheck,
   * {@code ["CMD", "redis-cli", "-a", "pw", "ping"]}): the next item, a password.
   */
  static int redisCliQuoted(Scan s, int last) {
    if (!lineMentions(s, last, "redis-cli")) {
      return -1;
    }
    long arg = Argv.next(s, last - 2, last + 1, '"');
    return arg == -1 || KeyValueDetector.isPlaceholder(s, Argv.start(arg), Argv.end(arg))
        || !s.add(Argv.start(arg), Argv.end(arg), DetectorType.SECRET) ? -1 : Argv.end(arg);
  }

  /**
   * After HAProxy's {@code stats auth } ({@code user:password}: the user a user name, the password a secret) or a
   * userlist's {@code insecure-password } (the password).
   */
  static int haproxyAuth(Scan s, int last) {
    int start = last + 1;
    int end = KeyedForms.wordEnd(s, start);
    if (end == start || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    if (s.b[last - 1] == 'd') { // insecure-password
      return s.add(start, end, DetectorType.SECRET) ? end : -1;
    }
    int colon = start;
    while (colon < end && s.b[colon] != ':') {
      colon++;
    }
    if (colon == start || colon >= end - 1) {
      return -1;
    }
    if (!KeyValueDetector.isSystemAccount(s, start, colon)) {
      s.add(start, colon, DetectorType.USERNAME);
    }
    return s.add(colon + 1, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * At the {@code (} of {@code | password_hash(} in a Jinja template (Ansible's {@code user} module recipe,
   * {@code "{{ 'x' | password_hash('sha512') }}"}): the string literal piped into the filter, a password in clear.
   */
  static int jinjaPasswordHash(Scan s, int last, int patternLength) {
    int e = last - patternLength; // before the |
    while (e > s.lo && s.b[e] == ' ') {
      e--;
    }
    int q = s.at(e);
    if (q != '\'' && q != '"') {
      return -1;
    }
    int open = e - 1;
    while (open > s.lo && e - open < 256 && s.b[open] != q && s.b[open] != '\n') {
      open--;
    }
    if (s.at(open) != q || open + 1 >= e || KeyValueDetector.isPlaceholder(s, open + 1, e)) {
      return -1;
    }
    return s.add(open + 1, e, DetectorType.SECRET) ? last : -1;
  }

  /** After {@code vault operator unseal } (and its options): the key share, 20 base64 characters or more. */
  static int vaultUnsealCli(Scan s, int last) {
    int p = last + 1;
    while (s.at(p) == '-') { // -address=…, -reset, -migrate
      while (p < s.hi && s.b[p] > ' ') {
        p++;
      }
      while (s.at(p) == ' ') {
        p++;
      }
    }
    int end = base64End(s, p);
    return end - p >= 20 && !Bytes.isWord(s.at(end)) && s.add(p, end, DetectorType.SECRET) ? end : -1;
  }

  /** At {@code /sys/unseal} on a line: the {@code "key"} of its JSON body, before or after the path (curl's order). */
  static int vaultUnsealBody(Scan s, int last) {
    int ls = lineStartWithin(s, last, 4096);
    int le = lineEndWithin(s, last, 4096);
    int key = Bytes.indexOf(s.b, ls, le, "\"key\"");
    if (key < 0) {
      return -1;
    }
    int q = KeyValueDetector.skipSpaces(s, key + 5);
    if (s.at(q) != ':') {
      return -1;
    }
    int v = KeyValueDetector.skipSpaces(s, q + 1);
    int end = s.at(v) == '"' ? base64End(s, v + 1) : -1;
    return end - v - 1 >= 20 && s.at(end) == '"' && s.add(v + 1, end, DetectorType.SECRET) ? Math.max(end, last) : -1;
  }

  /** At {@code transit/export/} (Vault's audit log, the CLI's output): every value of the {@code "keys"} map after it. */
  static int transitExport(Scan s, int last) {
    int le = lineEndWithin(s, last, 16384);
    int keys = Bytes.indexOf(s.b, last, le, "\"keys\":{");
    if (keys < 0) {
      return -1;
    }
    int r = -1;
    int p = keys + 8;
    for (int k = 0; k < 64 && s.at(p) == '"'; k++) {
      int ne = KeyValueDetector.closingQuote(s, p + 1, '"');
      if (ne < 0 || s.at(ne + 1) != ':' || s.at(ne + 2) != '"') {
        break;
      }
      int v = ne + 3;
      int ve = KeyValueDetector.closingQuote(s, v, '"');
      if (ve < 0) {
        break;
      }
      if (ve - v >= 16 && s.add(v, ve, DetectorType.SECRET)) {
        r = ve;
      }
      p = ve + 1;
      if (s.at(p) != ',') {
        break;
      }
      p++;
    }
    return r;
  }

  /** At the blank after {@code --entity-name} on a line with {@code --entity-type users}: the user. */
  static int kafkaEntityUser(Scan s, int last) {
    return lineMentions(s, last, "--entity-type users", "--entity-type=users") ? userWord(s, last + 1) : -1;
  }

  /**
   * At {@code UID} that starts a line, in capitals (odbc.ini's {@code UID      = jdoe}, a connection string's
   * {@code UID=jdoe;PWD=…}): the user, up to a {@code ;} or the line's end; {@code id}'s {@code uid=1000(x)} stays.
   */
  static int odbcUid(Scan s, int last) {
    if (!Bytes.startsWith(s.b, last - 2, s.hi, "UID")) {
      return -1;
    }
    int p = KeyValueDetector.skipSpaces(s, last + 1);
    if (s.at(p) != '=') {
      return -1;
    }
    int start = KeyValueDetector.skipSpaces(s, p + 1);
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] > ' ' && s.b[end] != ';') {
      end++;
    }
    return end > start && Bytes.isAlpha(s.b[start]) && !KeyValueDetector.isPlaceholder(s, start, end)
        && s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * The quoted arguments from {@code p} on, separated by commas (SQL's and Python's lists): fills {@code bounds} with
   * each one's start and end; how many were read (a {@code NULL} counts as one without a string).
   */
  private static int quotedArguments(Scan s, int p, int[] bounds) {
    int n = 0;
    while (n < bounds.length / 2) {
      p = skipBlanks(s, p);
      int q = s.at(p);
      if (q == '\'' || q == '"') {
        int e = closingQuote(s, p + 1, q);
        if (e < 0) {
          break;
        }
        bounds[2 * n] = p + 1;
        bounds[2 * n + 1] = e;
        p = e + 1;
      } else if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "null")) {
        bounds[2 * n] = p;
        bounds[2 * n + 1] = p;
        p += 4;
      } else {
        break;
      }
      n++;
      p = skipBlanks(s, p);
      if (s.at(p) != ',') {
        break;
      }
      p++;
    }
    return n;
  }

  /** At the {@code (} of WLST's {@code connect('u', 'pw', 't3://…')}: the user and the password. */
  static int wlstConnect(Scan s, int last) {
    int[] a = new int[6];
    if (quotedArguments(s, last + 1, a) < 3 || !(Bytes.startsWith(s.b, a[4], s.hi, "t3://")
        || Bytes.startsWith(s.b, a[4], s.hi, "t3s://"))) {
      return -1;
    }
    return KeyedForms.userAndSecret(s, a[0], a[1], a[2], a[3]) ? a[3] : -1;
  }

  /**
   * After SQL Server's {@code sp_addlogin } ({@code 'u', 'pw'[, 'db']}; {@code flags} 0) or {@code sp_password }
   * ({@code old, 'new', 'u'}; 1): the user and the password(s).
   */
  static int sqlServerLoginProc(Scan s, int last, int flags) {
    int[] a = new int[6];
    int n = quotedArguments(s, last + 1, a);
    if (flags == 0) {
      return n >= 2 && KeyedForms.userAndSecret(s, a[0], a[1], a[2], a[3]) ? a[3] : -1;
    }
    if (n < 3) {
      return -1;
    }
    if (a[1] > a[0] && !KeyValueDetector.isPlaceholder(s, a[0], a[1])) {
      s.add(a[0], a[1], DetectorType.SECRET);
    }
    return KeyedForms.userAndSecret(s, a[4], a[5], a[2], a[3]) ? a[5] : -1;
  }

  /**
   * After PowerShell's {@code -Identity }, {@code Get-ADUser }, {@code -MailNickName }: a user's name ({@code jdoe}), or
   * a person's quoted ({@code "Jane Doe"}); not a variable, a flag, a GUID or a distinguished name.
   */
  static int powershellIdentity(Scan s, int last) {
    int p = last + 1;
    int q = s.at(p);
    boolean quoted = q == '"' || q == '\'';
    int start = quoted ? p + 1 : p;
    int end = quoted ? closingQuote(s, start, q) : start;
    if (!quoted) {
      while (end < s.hi && end - start < 256 && s.b[end] > ' ' && s.b[end] != '|' && s.b[end] != ')') {
        end++;
      }
    }
    if (end <= start || s.b[start] == '$' || s.b[start] == '-' || s.b[start] == '(' || s.b[start] == '{'
        || KeyValueDetector.isUuid(s, start, end) || Bytes.indexOf(s.b, start, end, "=") >= 0
        || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    if (quoted && KeyValueDetector.looksLikePersonName(s, start, end)) {
      return s.add(start, end, DetectorType.PERSON_NAME) ? end : -1;
    }
    return end - start >= 2 && Bytes.indexOf(s.b, start, end, " ") < 0 && Bytes.isAlpha(s.b[start])
        && s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** {@link #secretCliValue}'s flags: which tool's line the flag must be on. */
  static final int CLI_ANSIBLE = 0;
  static final int CLI_EYAML = 1;
  static final int CLI_CONJUR = 2;
  static final int CLI_VALUE = 3;
  static final int CLI_GH = 4;
  static final int CLI_SPLUNK = 5;
  static final int CLI_NUGET = 6;

  /** Per {@code CLI_} tool of {@link #secretCliValue}, the words its line mentions. */
  private static final String[][] CLI_LINES = {{"ansible-vault"}, {"eyaml "}, {"conjur "},
      {"akeyless ", "ssm put-parameter", "keyvault secret set", "secretsmanager "}, {"gh secret set"}, {"splunk "},
      {"nuget "}};

  /** After a secret-storing command's value flag, on that command's line: the value, as a secret. */
  static int secretCliValue(Scan s, int last, int tool) {
    boolean line = lineMentions(s, last, CLI_LINES[tool]);
    int start = last + 1;
    return !line || !argumentAt(s, start) ? -1 : secretWord(s, start);
  }

  /** After {@code  using } on a DB2 {@code connect to DB user U using PW} line: the password (the user too). */
  static int db2Using(Scan s, int last) {
    int ls = lineStartWithin(s, last, 512);
    int connect = Bytes.indexOfIgnoreCase(s.b, ls, last, "connect to ");
    int user = connect < 0 ? -1 : Bytes.indexOfIgnoreCase(s.b, connect, last, " user ");
    if (user < 0) {
      return -1;
    }
    int us = user + 6;
    int ue = us;
    while (ue < last && s.b[ue] > ' ') {
      ue++;
    }
    if (ue != last - 6 || ue == us) { // (the user is the word before " using ")
      return -1;
    }
    if (!KeyValueDetector.isSystemAccount(s, us, ue)) {
      s.add(us, ue, DetectorType.USERNAME);
    }
    return secretWord(s, last + 1);
  }

  /** After {@code rman target }: the connect string {@code user/password@db} (also RMAN's catalog's, on its line). */
  static int rmanTarget(Scan s, int last) {
    int r = -1;
    int p = last + 1;
    for (int k = 0; k < 2 && p > 0; k++) {
      int end = p;
      int slash = -1;
      while (end < s.hi && end - p < 256 && s.b[end] > ' ' && s.b[end] != '@') {
        if (s.b[end] == '/' && slash < 0) {
          slash = end;
        }
        end++;
      }
      if (slash > p && slash + 1 < end) {
        r = Math.max(r, UrlUserinfoDetector.oracleLogin(s, p, slash, end));
      }
      int le = lineEndWithin(s, end, 256);
      int catalog = Bytes.indexOf(s.b, end, le, " catalog ");
      p = catalog < 0 ? -1 : catalog + 9;
    }
    return r;
  }

  /**
   * After net-snmp's {@code createUser } (snmpd.conf, snmptrapd.conf; an {@code -e ENGINE} first): the SNMPv3 user,
   * then its authentication and privacy passphrases after their protocols ({@code SHA "a" AES "p"}).
   */
  static int snmpCreateUser(Scan s, int last) {
    int p = last + 1;
    if (s.at(p) == '-' && s.at(p + 1) == 'e' && s.at(p + 2) == ' ') {
      p = skipBlanks(s, KeyedForms.wordEnd(s, p + 3));
    }
    int userEnd = KeyedForms.wordEnd(s, p);
    int proto = skipBlanks(s, userEnd);
    if (userEnd == p || !(Bytes.startsWith(s.b, proto, s.hi, "SHA") || Bytes.startsWith(s.b, proto, s.hi, "MD5"))) {
      return -1;
    }
    s.add(p, userEnd, DetectorType.USERNAME);
    int r = -1;
    int q = skipBlanks(s, KeyedForms.wordEnd(s, proto));
    for (int k = 0; k < 2 && q < s.hi && s.b[q] != '\n'; k++) {
      int quote = s.at(q) == '"' ? '"' : 0;
      int start = quote != 0 ? q + 1 : q;
      int end = quote != 0 ? closingQuote(s, start, quote) : KeyedForms.wordEnd(s, q);
      if (end <= start) {
        break;
      }
      if (s.add(start, end, DetectorType.SECRET)) {
        r = end;
      }
      q = skipBlanks(s, quote != 0 ? end + 1 : end); // the privacy protocol, then its passphrase
      if (!(Bytes.startsWith(s.b, q, s.hi, "AES") || Bytes.startsWith(s.b, q, s.hi, "DES"))) {
        break;
      }
      q = skipBlanks(s, KeyedForms.wordEnd(s, q));
    }
    return r;
  }

  /** After {@code pagerduty.com/integration/}: the Events v1 integration key (32 hex digits) in its URL path. */
  static int pagerDutyIntegration(Scan s, int last) {
    int start = last + 1;
    return Bytes.hexRun(s.b, start, s.hi, 33) == 32 && s.at(start + 32) == '/'
        && s.add(start, start + 32, DetectorType.SECRET) ? start + 32 : -1;
  }

  /** After {@code --uid=} on a {@code radosgw-admin} line: the Ceph object gateway's user. */
  static int radosgwUid(Scan s, int last) {
    return lineMentions(s, last, "radosgw-admin") ? userWord(s, last + 1) : -1;
  }

  /** The end of the line at {@code from} (its {@code \n}, or {@code s.hi}), looked for within {@code max} bytes. */
  static int lineEndWithin(Scan s, int from, int max) {
    int le = from;
    while (le < s.hi && le - from < max && s.b[le] != '\n') {
      le++;
    }
    return le;
  }

  /** The start of the line at {@code from}, looked for within {@code max} bytes back. */
  static int lineStartWithin(Scan s, int from, int max) {
    int ls = from;
    while (ls > s.lo && from - ls < max && s.b[ls - 1] != '\n') {
      ls--;
    }
    return ls;
  }

  /** The end of the base64 run (letters, digits, {@code + / =}) at {@code p}. */
  static int base64End(Scan s, int p) {
    while (p < s.hi && (Bytes.isAlnum(s.b[p]) || s.b[p] == '+' || s.b[p] == '/' || s.b[p] == '=')) {
      p++;
    }
    return p;
  }

  /** {@link #windowsDomainTool}'s flag: the value follows the pattern's colon, not a blank. */
  static final int GLUED = 1;

  /**
   * At the {@code q} of {@code key = AQ} or {@code --key AQ}: a CephX key, base64 of its 28 bytes (40 characters,
   * {@code AQ} first, {@code ==} last: the type 1, little-endian, starts it).
   */
  static int cephKey(Scan s, int last) {
    int start = last - 1;
    int end = base64End(s, start);
    return end - start == 40 && s.b[end - 1] == '=' && s.b[end - 2] == '=' && !Bytes.isWord(s.at(end))
        && s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /** At {@code /v DefaultPassword } of {@code reg add …\Winlogon}: the data after {@code /d} on the line. */
  static int winlogonPassword(Scan s, int last) {
    int le = lineEndWithin(s, last, 1024);
    int d = Bytes.indexOf(s.b, last, le, " /d ");
    if (d < 0) {
      return -1;
    }
    int v = d + 4;
    int q = s.at(v);
    int start = q == '"' ? v + 1 : v;
    int end = q == '"' ? KeyValueDetector.closingQuote(s, start, '"') : start;
    if (q != '"') {
      while (end < le && s.b[end] > ' ') {
        end++;
      }
    }
    return end > start && !KeyValueDetector.isPlaceholder(s, start, end) && s.add(start, end, DetectorType.SECRET)
        ? end : -1;
  }

  /**
   * Spring Boot's messages that print a property's value: {@code Property spring.datasource.password with value 'x'
   * is invalid: …} (at {@code  with value '}, the property before it) and {@code Invalid value 'x' for configuration
   * property 'spring.datasource.password'} ({@code flags} 1: the property after it); the value typed by the property.
   */
  static int springInvalidProperty(Scan s, int last, int flags) {
    int start = last + 1;
    int end = KeyValueDetector.closingQuote(s, start, '\'');
    if (end <= start) {
      return -1;
    }
    int ns;
    int ne;
    if (flags == 0) {
      ne = last - 12; // the blank before "with value '"
      ns = ne;
      while (ns > s.lo && ne - ns < 256 && s.b[ns - 1] != ' ') {
        ns--;
      }
      if (ns - 9 < s.lo || !Bytes.startsWith(s.b, ns - 9, ns, "Property ")) {
        return -1;
      }
    } else {
      if (!Bytes.startsWith(s.b, end, s.hi, "' for configuration property '")) {
        return -1;
      }
      ns = end + 31;
      ne = KeyValueDetector.closingQuote(s, ns, '\'');
      if (ne < 0) {
        return -1;
      }
    }
    String key = new String(s.b, ns, ne - ns, java.nio.charset.StandardCharsets.UTF_8);
    DetectorType type = KeyNames.classify(key);
    String value = new String(s.b, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    return type != null && KeyNames.isRedactableValue(type, key, value) && s.add(start, end, type) ? end : -1;
  }

  /**
   * Windows' domain tools (netdom's {@code /passwordd:x}, winrs's {@code -p:x}, ktpass's {@code /pass x}, ksetup's
   * {@code /setcomputerpassword x}) and JBoss' {@code vault.sh --sec-attr x}: the password, on those tools' lines.
   */
  static int windowsDomainTool(Scan s, int last, int flags) {
    if (!lineMentions(s, last, "netdom", "winrs", "ktpass", "ksetup", "vault.sh")) {
      return -1;
    }
    int start = last + 1;
    int c = s.at(start);
    if (c == 0 || Bytes.isSpace(c) || c == '*' || (flags != GLUED && (c == '-' || c == '/'))) {
      return -1;
    }
    return secretWord(s, start);
  }

  /**
   * After {@code addauth digest } (zkCli) or {@code addAuthInfo("digest", "} (ZooKeeper's Java client):
   * {@code user:password}, the user a user, the password a secret.
   */
  static int zkDigestAuth(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 512 && s.b[end] > ' ' && s.b[end] != '"') {
      end++;
    }
    int colon = Bytes.indexOf(s.b, start, end, ":");
    if (colon <= start || colon + 1 >= end || KeyValueDetector.isPlaceholder(s, colon + 1, end)) {
      return -1;
    }
    if (!KeyValueDetector.isSystemAccount(s, start, colon)) {
      s.add(start, colon, DetectorType.USERNAME);
    }
    return s.add(colon + 1, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * After {@code keyring -install=}, {@code -use=}, {@code install }, {@code use } (Consul's and Nomad's gossip
   * keyrings): the key, quoted or not, when it is base64 of 16 to 32 bytes.
   */
  static int gossipKey(Scan s, int last) {
    int start = last + 1;
    if (s.at(start) == '"' || s.at(start) == '\'') {
      start++;
    }
    int end = start;
    while (end < s.hi && end - start < 64 && (Bytes.isAlnum(s.b[end]) || s.b[end] == '+' || s.b[end] == '/'
        || s.b[end] == '=')) {
      end++;
    }
    int n = end - start;
    if (n < 24 || n > 44 || n % 4 != 0 || Bytes.isWord(s.at(end))) {
      return -1;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * After zkCli's {@code setAcl } (its line's {@code digest:user:hash:cdrwa}) or {@code 'digest,'} (getAcl's output,
   * {@code 'digest,'user:hash}): a ZooKeeper ACL of the digest scheme, whose hash (base64 of a SHA-1 of {@code user:password}, 28
   * characters) is a password hash and whose user a user. Docker's {@code Digest: sha256:…} has no such hash.
   */
  static int zkDigestAcl(Scan s, int last, int flags) {
    int start = last + 1;
    if (flags == ZK_SET_ACL) { // setAcl [-s] [-v N] [-R] PATH digest:…: the first digest: on the line
      int eol = lineEndWithin(s, last, 1024);
      int d = Bytes.indexOf(s.b, last, eol, "digest:");
      if (d < 0 || s.at(d - 1) != ' ') {
        return -1;
      }
      start = d + 7;
    }
    int colon = start;
    while (colon - start < 128 && (Bytes.isWord(s.at(colon)) || s.at(colon) == '-' || s.at(colon) == '.')) {
      colon++;
    }
    int hash = colon + 1;
    int end = hash;
    while (end - hash <= 28 && (Bytes.isAlnum(s.at(end)) || s.at(end) == '+' || s.at(end) == '/' || s.at(end) == '=')) {
      end++;
    }
    if (colon == start || s.at(colon) != ':' || end - hash != 28 || s.at(end - 1) != '=') {
      return -1;
    }
    if (!KeyValueDetector.isSystemAccount(s, start, colon)) {
      s.add(start, colon, DetectorType.USERNAME);
    }
    return s.add(hash, end, DetectorType.PASSWORD_HASH) ? end : -1;
  }

  /** {@link #zkDigestAcl}'s flag: at zkCli's {@code setAcl }, the ACL further on its line. */
  static final int ZK_SET_ACL = 1;

  /** {@link #jettyRealmHash}'s flags: the hash after {@code MD5:} (32 hex digits) or {@code CRYPT:} (13 characters). */
  static final int JETTY_MD5 = 0;
  static final int JETTY_CRYPT = 1;

  /**
   * After {@code : MD5:} or {@code : CRYPT:} (Jetty's {@code realm.properties}, {@code user: MD5:hash,role,…}): the
   * hash, a password hash, when a role list or the line's end follows it, and the user at the line's start.
   */
  static int jettyRealmHash(Scan s, int last, int scheme) {
    int start = last + 1;
    int end = start;
    while (end - start <= 32 && (Bytes.isAlnum(s.at(end)) || s.at(end) == '.' || s.at(end) == '/')) {
      end++;
    }
    int after = s.at(end);
    boolean shape = scheme == JETTY_MD5 ? end - start == 32 && Bytes.hexRun(s.b, start, s.hi, 33) == 32
        : end - start == 13;
    if (!shape || !(after == ',' || after == '\n' || after == '\r' || after == 0)) {
      return -1;
    }
    int schemeStart = last - (scheme == JETTY_MD5 ? 3 : 5); // the M of MD5:, the C of CRYPT:
    int colon = s.at(schemeStart - 1) == ':' ? schemeStart - 1
        : s.at(schemeStart - 1) == ' ' && s.at(schemeStart - 2) == ':' ? schemeStart - 2 : -1;
    if (colon < s.lo) {
      return -1; // (user: MD5:… of Jetty, user:MD5:… of Rundeck; the pattern of CRYPT: holds only "crypt:")
    }
    int us = lineStartWithin(s, colon, 256);
    while (us < colon && s.b[us] == ' ') {
      us++;
    }
    if (us < colon && us >= s.floor() && Bytes.indexOf(s.b, us, colon, " ") < 0
        && !KeyValueDetector.isSystemAccount(s, us, colon)) {
      s.add(us, colon, DetectorType.USERNAME);
    }
    return s.add(start, end, DetectorType.PASSWORD_HASH) ? end : -1;
  }

  /**
   * After {@code $USER} at a line's start (Nagios' and Icinga's {@code resource.cfg}, {@code $USER3$=password}): the
   * value, a secret, unless it is a path ({@code $USER1$=/usr/lib/nagios/plugins}).
   */
  static int nagiosUserMacro(Scan s, int last) {
    int p = last + 1;
    int digits = Bytes.digitRun(s.b, p, s.hi, 4);
    p += digits;
    if (digits < 1 || digits > 3 || s.at(p) != '$' || s.at(p + 1) != '=') {
      return -1;
    }
    int start = p + 2;
    int end = KeyedForms.restOfLine(s, start, 1024);
    if (end == start || s.b[start] == '/' || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /** At {@code obf:}: Jetty's obfuscation ({@code OBF:} and 8 or more lower-case letters and digits), reversible. */
  static int jettyObfuscated(Scan s, int last) {
    int start = last - 3;
    if (!Bytes.startsWith(s.b, start, s.hi, "OBF:") || Bytes.isAlnum(s.at(start - 1))) {
      return -1;
    }
    int end = last + 1;
    while (end < s.hi && end - last < 1024 && (Bytes.isLower(s.b[end]) || Bytes.isDigit(s.b[end]))) {
      end++;
    }
    return end - last > 8 && !Bytes.isWord(s.at(end)) && s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * A generated password printed alone on a line after what announces it: Jenkins' first start ("Please use the
   * following password to proceed to installation:", a blank line, the password) and the output of
   * {@code argocd admin initial-password} (the command's line, then the password). The line must hold one word of
   * 8 characters or more.
   */
  static int nextLineSecret(Scan s, int last) {
    int p = last + 1;
    if (s.b[last] == 'd') { // argocd admin initial-password: the options of the command only, then its output
      if (!lineMentions(s, last, "argocd ")) {
        return -1;
      }
      while (p < s.hi && p - last < 128 && s.b[p] != '\n') {
        p++;
      }
    }
    for (int lines = 0; lines < 3 && p < s.hi; lines++) {
      while (p < s.hi && (s.b[p] == '\r' || s.b[p] == ' ')) {
        p++;
      }
      if (s.at(p) != '\n') {
        break;
      }
      p++;
      while (p < s.hi && s.b[p] == ' ') {
        p++;
      }
      int end = KeyedForms.wordEnd(s, p);
      int after = s.at(end);
      if (end > p) {
        return end - p >= 8 && (after == '\n' || after == '\r' || (end == s.hi && s.eof))
            && !KeyValueDetector.isPlaceholder(s, p, end) && s.add(p, end, DetectorType.SECRET) ? end : -1;
      }
    }
    return -1;
  }

  /**
   * After {@code LoginModule required} of a JAAS entry (Kafka's and ZooKeeper's {@code PlainLoginModule} and
   * {@code DigestLoginModule} on the broker side): each {@code user_NAME="pw"} up to the entry's {@code ;}, also on
   * the lines after — the name a user, the password a secret ({@code username=}/{@code password=} are the key rules').
   */
  static int jaasUsers(Scan s, int last) {
    int limit = Math.min(s.hi, last + 4096);
    for (int p = last + 1; p < limit && s.b[p] != ';'; p++) {
      if (!Bytes.startsWith(s.b, p, limit, "user_") || Bytes.isWord(s.at(p - 1))) {
        continue;
      }
      int name = p + 5;
      int ne = name;
      while (ne < limit && (Bytes.isAlnum(s.b[ne]) || s.b[ne] == '.' || s.b[ne] == '-' || s.b[ne] == '_')) {
        ne++;
      }
      if (ne == name || s.at(ne) != '=' || s.at(ne + 1) != '"') {
        continue;
      }
      int end = closingQuote(s, ne + 2, '"');
      if (end > ne + 2 && !KeyValueDetector.isPlaceholder(s, ne + 2, end)) {
        if (!KeyValueDetector.isSystemAccount(s, name, ne)) {
          s.add(name, ne, DetectorType.USERNAME);
        }
        s.add(ne + 2, end, DetectorType.SECRET);
      }
      p = Math.max(p, end);
    }
    return -1; // (the spans are kept; the pass goes on through the entry's lines, whatever else they hold)
  }

  /**
   * After the {@code [host]:port } of a line of Postfix's {@code sasl_passwd} ({@code [smtp.gmail.com]:587
   * jane@example.com:pw}, the relay's submission ports 587, 465, 25, 2525), or of its verbose log's look-up of that
   * map ({@code maps_find: smtp_sasl_password_maps: …: [smtp.gmail.com]:587 = jane@example.com:pw}): the rest of
   * the line is {@code user:pw}
   * — the password a secret, the user a user name (an e-mail address the e-mail detector's, found here first, in
   * order).
   */
  static int saslPasswd(Scan s, int last) {
    int ls = last;
    while (ls > s.lo && s.b[ls - 1] != '\n' && last - ls < 300) {
      ls--;
    }
    int start = last + 1;
    if (s.at(ls) != '[') {
      // Postfix's verbose lookup of the same map: maps_find: smtp_sasl_password_maps: hash:…: [relay]:587 = user:pw
      if (s.at(start) != '=' || s.at(start + 1) != ' ' || !lineMentions(s, last, "maps_find")) {
        return -1;
      }
      start += 2;
    }
    int end = KeyedForms.wordEnd(s, start);
    int after = s.at(end);
    if (end == start || !(after == '\n' || after == '\r' || (end == s.hi && s.eof))) {
      return -1;
    }
    int colon = start;
    int at = -1;
    while (colon < end && s.b[colon] != ':') {
      at = s.b[colon] == '@' ? colon : at;
      colon++;
    }
    if (colon == start || colon >= end - 1 || KeyValueDetector.isPlaceholder(s, colon + 1, end)) {
      return -1;
    }
    if (at >= 0) {
      if (s.enabled(DetectorType.EMAIL)) {
        EmailDetector.find(s, at);
      }
    } else if (!KeyValueDetector.isSystemAccount(s, start, colon)) {
      s.add(start, colon, DetectorType.USERNAME);
    }
    return s.add(colon + 1, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * At the {@code (} of Python's HTTP authentication in code, tracebacks with locals and Sentry's dumps:
   * {@code auth=('svc', 'pw')}, {@code 'auth': ('svc', 'pw')}, {@code HTTPBasicAuth('svc', 'pw')}: the second string
   * is a secret, the first a user.
   */
  static int authTuple(Scan s, int last) {
    int us = skipBlanks(s, last + 1);
    int q = s.at(us);
    int ue = q == '\'' || q == '"' ? closingQuote(s, us + 1, q) : -1;
    if (ue < 0) {
      return -1;
    }
    int comma = skipBlanks(s, ue + 1);
    int ps = skipBlanks(s, comma + 1);
    int pq = s.at(ps);
    int pe = s.at(comma) == ',' && (pq == '\'' || pq == '"') ? closingQuote(s, ps + 1, pq) : -1;
    if (pe < 0 || s.at(skipBlanks(s, pe + 1)) != ')' || pe == ps + 1
        || KeyValueDetector.isPlaceholder(s, ps + 1, pe)) {
      return -1;
    }
    if (ue > us + 1 && !KeyValueDetector.isSystemAccount(s, us + 1, ue)
        && !KeyValueDetector.isPlaceholder(s, us + 1, ue) && Bytes.indexOf(s.b, us + 1, ue, "@") < 0) {
      // (an e-mail address as the user, smtp.login("alerts@example.com", …), stays the e-mail detector's)
      s.add(us + 1, ue, DetectorType.USERNAME);
    }
    return s.add(ps + 1, pe, DetectorType.SECRET) ? pe : -1;
  }

  /**
   * At the blank after the type of a line of strongSwan's {@code ipsec.secrets}, {@code : PSK }, {@code : EAP },
   * {@code : XAUTH }, {@code : NTLM } (the pattern is the type; its {@code : } is checked here;
   * {@code 10.0.0.1 10.0.0.2 : PSK 0sYWJj…}, {@code carol : EAP "pw"}): the secret, quoted or not
   * ({@code 0s} base64, {@code 0x} hex); after {@code : RSA }, {@code : P12 }: the key file's passphrase, the quoted
   * second word ({@code : RSA moonKey.pem "pw"}; {@code %prompt} and none stay).
   */
  static int ipsecSecret(Scan s, int last, boolean keyFile) {
    int type = last - 1;
    while (type > s.lo && Bytes.isAlnum(s.b[type - 1])) {
      type--;
    }
    if (s.at(type - 1) != ' ' || s.at(type - 2) != ':') {
      return -1;
    }
    int p = skipBlanks(s, last + 1);
    if (keyFile) {
      int file = KeyedForms.wordEnd(s, p);
      if (file == p || s.at(file) != ' ') {
        return -1;
      }
      p = skipBlanks(s, file);
      if (s.at(p) != '"' && s.at(p) != '\'') {
        return -1;
      }
    }
    int q = s.at(p);
    boolean encoded = q == '0' && (s.at(p + 1) == 's' || s.at(p + 1) == 'x');
    if (q != '"' && q != '\'' && !encoded && !afterSecretIds(s, type - 2)) {
      return -1; // a plain word: only after the ids of a secrets line ("ratio : psk negotiated" is prose)
    }
    return secretWord(s, p);
  }

  /**
   * Whether the {@code colon} of an ipsec.secrets line's {@code : TYPE} starts its line or follows an id: an address,
   * {@code %any}, {@code @fqdn}, {@code user@domain}, a DN's {@code C=…} (a digit, {@code . @ % =}).
   */
  private static boolean afterSecretIds(Scan s, int colon) {
    int p = colon - 1;
    while (p >= s.lo && s.b[p] == ' ') {
      p--;
    }
    if (p < s.lo || s.b[p] == '\n') {
      return true;
    }
    for (; p >= s.lo && s.b[p] != ' ' && s.b[p] != '\n'; p--) {
      int c = s.b[p];
      if (Bytes.isDigit(c) || c == '.' || c == '@' || c == '%' || c == '=') {
        return true;
      }
    }
    return false;
  }

  /**
   * At the {@code (} of pgcrypto's {@code pgp_sym_encrypt(data, 'key' …)} and {@code pgp_sym_decrypt(data, 'key' …)}
   * in a statement log: the key, the second argument when it is a string literal.
   */
  static int pgcryptoKey(Scan s, int last) {
    int p = last + 1;
    int depth = 0;
    for (; p < s.hi && p - last < 1024 && s.b[p] != '\n'; p++) {
      int c = s.b[p];
      if (c == '\'') {
        int end = closingQuote(s, p + 1, '\'');
        if (end < 0) {
          return -1;
        }
        p = end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth-- == 0) {
          return -1;
        }
      } else if (c == ',' && depth == 0) {
        break;
      }
    }
    int ks = skipBlanks(s, p + 1);
    if (s.at(p) != ',' || s.at(ks) != '\'') {
      return -1;
    }
    int end = closingQuote(s, ks + 1, '\'');
    return end > ks + 1 && !KeyValueDetector.isPlaceholder(s, ks + 1, end) && s.add(ks + 1, end, DetectorType.SECRET)
        ? end : -1;
  }

  /** Whether a command's argument starts at {@code p}: not the input's end, a blank or the next flag. */
  private static boolean argumentAt(Scan s, int p) {
    int c = s.at(p);
    return c != 0 && c != '-' && !Bytes.isSpace(c);
  }

  /**
   * A command's argument at {@code start} up to a blank or a quote, as a user name; -1 if none, a placeholder or a
   * built-in account (session 31: toolFlag checked that after this had added the span).
   */
  private static int userWord(Scan s, int start) {
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] > ' ' && s.b[end] != '"' && s.b[end] != '\'') {
      end++;
    }
    return end > start && !KeyValueDetector.isPlaceholder(s, start, end)
        && !KeyValueDetector.isSystemAccount(s, start, end) && s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * After {@code auth-pass } or {@code sentinel-pass } on a line that names {@code sentinel} (Redis Sentinel's
   * {@code sentinel auth-pass mymaster x}, {@code sentinel sentinel-pass x}, {@code SENTINEL SET mymaster auth-pass x}):
   * the line's last word.
   */
  static int sentinelPass(Scan s, int last) {
    if (!lineMentions(s, last, "sentinel")) {
      return -1;
    }
    int eol = last + 1;
    while (eol < s.hi && eol - last < 512 && s.b[eol] != '\n' && s.b[eol] != '\r') {
      eol++;
    }
    int end = eol;
    while (end > last + 1 && Bytes.isSpace(s.b[end - 1])) {
      end--;
    }
    int start = end;
    while (start > last + 1 && !Bytes.isSpace(s.b[start - 1])) {
      start--;
    }
    return end > start && !KeyValueDetector.isPlaceholder(s, start, end) && s.add(start, end, DetectorType.SECRET)
        ? end : -1;
  }

  private static int secretWord(Scan s, int start) {
    int q = s.at(start);
    if (q == '\'' || q == '"') {
      int end = closingQuote(s, start + 1, q);
      return end > start + 1 && !KeyValueDetector.isPlaceholder(s, start + 1, end)
          && s.add(start + 1, end, DetectorType.SECRET) ? end : -1;
    }
    int end = start;
    while (end - start < 1024 && s.at(end) != 0 && !Bytes.isSpace(s.at(end)) && s.at(end) != '"') {
      end++;
    }
    // a token of an earlier pass (-p<secret:…>) stays: redacting twice equals redacting once
    return end > start && !KeyValueDetector.isPlaceholder(s, start, end) && s.add(start, end, DetectorType.SECRET)
        ? end : -1;
  }

  /** The closing quote {@code q} of a value starting at {@code from}, on its line and within 1 KiB, or -1. */
  private static int closingQuote(Scan s, int from, int q) {
    int end = from;
    while (end - from < 1024 && s.at(end) != q && s.at(end) != 0 && s.at(end) != '\n') {
      end++;
    }
    return s.at(end) == q ? end : -1;
  }

  /**
   * At the colon of a Windows-style flag: xfreerdp's {@code /u:alice /p:Hunter2pass} (the password a secret, the
   * user a user name), and the blank after schtasks' {@code /rp pw} and {@code /ru user} (a {@code *} prompts).
   */
  static int windowsFlag(Scan s, int last) {
    int flag = s.b[last - 1] | 0x20;
    int start = last + 1;
    boolean schtasks = s.b[last] == ' ';
    if (schtasks ? !lineMentions(s, last, "schtasks") : !lineMentions(s, last, "freerdp")) {
      return -1;
    }
    int end = KeyedForms.wordEnd(s, start);
    if (end == start || (end - start == 1 && s.b[start] == '*')) {
      return -1;
    }
    boolean secret = schtasks ? flag == 'p' : flag == 'p';
    if (!secret && KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, secret ? DetectorType.SECRET : DetectorType.USERNAME) ? end : -1;
  }

  /**
   * At the blank after {@code net use }: {@code net use \\\\srv\\share P@ss /user:alice} or {@code … /user:alice
   * P@ss}: the one argument that is neither the share, a drive ({@code Z:}), an option ({@code /persistent:no}) nor
   * the prompt {@code *}.
   */
  static int netUse(Scan s, int last) {
    int p = last + 1;
    int limit = Math.min(s.hi, last + 512);
    while (p < limit && s.b[p] != '\n') {
      while (p < limit && s.b[p] == ' ') {
        p++;
      }
      int end = KeyedForms.wordEnd(s, p);
      if (end == p) {
        return -1;
      }
      boolean share = s.b[p] == '\\';
      boolean drive = end - p == 2 && Bytes.isAlpha(s.b[p]) && s.b[p + 1] == ':';
      boolean option = s.b[p] == '/';
      boolean prompt = end - p == 1 && s.b[p] == '*';
      if (!share && !drive && !option && !prompt) {
        return secretWord(s, p);
      }
      p = end;
    }
    return -1;
  }

  /**
   * After {@code A temporary password is generated for } of MySQL's first start ({@code root@localhost: x}): the
   * password, the rest of the line (it may hold any printable byte: {@code kj3(f#Q8;Zs>}).
   */
  static int mysqlTemporaryPassword(Scan s, int last) {
    int p = last + 1;
    int limit = Math.min(s.hi, p + 128);
    while (p < limit && s.b[p] != ':' && s.b[p] != '\n' && s.b[p] != ' ') {
      p++;
    }
    if (s.at(p) != ':' || s.at(p + 1) != ' ') {
      return -1;
    }
    int start = p + 2;
    int end = KeyedForms.restOfLine(s, start, 256);
    return end > start && !(s.at(start) == '<' && s.tokenEnd(start) == end) && s.add(start, end, DetectorType.SECRET)
        ? end : -1;
  }

  /**
   * Passwords that mail servers' debug logging prints: Postfix's {@code smtp_sasl_passwd_lookup: host `h' user `u'
   * pass `pw'} (at {@code ' pass `}: the password to its closing quote; the user before it as a user) and Dovecot's
   * {@code auth_debug_passwords}, {@code CRYPT(typed) != 'stored'} (at {@code ) != '}: the typed password between the
   * scheme's parentheses; the stored value is a hash's detector's, or, for {@code PLAIN(…)}, a secret too).
   */
  static int debugPassword(Scan s, int last) {
    if (s.b[last] == '`') { // ' pass `
      int start = last + 1;
      int end = closingQuote(s, start, '\'');
      int u = last - 7; // the quote that closes the user: user `u'
      int us = u;
      while (us > s.lo && u - us < 128 && s.b[us - 1] != '`' && s.b[us - 1] != '\n') {
        us--;
      }
      if (s.at(us - 1) == '`' && Bytes.startsWith(s.b, us - 6, us, "user `") && u > us
          && Bytes.indexOf(s.b, us, u, "@") < 0) {
        s.add(us, u, DetectorType.USERNAME);
      }
      return end > start && !KeyValueDetector.isPlaceholder(s, start, end) && s.add(start, end, DetectorType.SECRET)
          ? end : -1;
    }
    int close = last - 5; // ) != '
    int open = close;
    while (open > s.lo && close - open < 256 && s.b[open - 1] != '(' && s.b[open - 1] != '\n') {
      open--;
    }
    int scheme = open - 1;
    while (scheme > s.lo && open - scheme < 24 && (Bytes.isUpper(s.b[scheme - 1]) || Bytes.isDigit(s.b[scheme - 1])
        || s.b[scheme - 1] == '-')) {
      scheme--;
    }
    if (s.at(open - 1) != '(' || open == close || open - 1 - scheme < 3) {
      return -1; // not SCHEME(x): an upper-case scheme name of 3 bytes or more before the parenthesis
    }
    s.add(open, close, DetectorType.SECRET);
    int vs = last + 1;
    int ve = closingQuote(s, vs, '\'');
    if (ve > vs && Bytes.startsWith(s.b, scheme, open, "PLAIN(") && !KeyValueDetector.isPlaceholder(s, vs, ve)) {
      return s.add(vs, ve, DetectorType.SECRET) ? ve : -1; // PLAIN(typed) != 'stored': the stored one is clear text
    }
    return -1; // (the stored hash after: its own detector's, as the pass goes on)
  }

  /**
   * The arguments of a mail protocol command in a trace (Python's imaplib debug output, Dovecot's rawlog, a telnet
   * or openssl s_client transcript): POP3's {@code PASS pw} (one argument, the line's last), IMAP's {@code LOGIN user
   * pw} (two; each may be quoted); the password a secret, the user a user.
   */
  static int protocolArguments(Scan s, int from, boolean userFirst) {
    int us = from;
    int ue = from;
    if (userFirst) {
      ue = argumentEnd(s, us);
      if (ue < 0 || s.at(ue) != ' ') {
        return -1;
      }
    }
    int ps = userFirst ? skipBlanks(s, ue) : from;
    int pe = argumentEnd(s, ps);
    int after = pe < 0 ? 0 : s.at(pe);
    if (pe <= ps || !(after == 0 || after == '\n' || after == '\r' || after == '\'')) {
      return -1; // the command's last argument, at the line's end (or a Python bytes literal's closing quote)
    }
    boolean uq = userFirst && s.at(us) == '"';
    boolean pq = s.at(ps) == '"';
    if (!userFirst) {
      return !KeyValueDetector.isPlaceholder(s, pq ? ps + 1 : ps, pq ? pe - 1 : pe)
          && s.add(pq ? ps + 1 : ps, pq ? pe - 1 : pe, DetectorType.SECRET) ? pe : -1;
    }
    return KeyedForms.userAndSecret(s, uq ? us + 1 : us, uq ? ue - 1 : ue, pq ? ps + 1 : ps, pq ? pe - 1 : pe) ? pe : -1;
  }

  /** Vault's flags that take no value: any other flag without {@code =} takes the next word ({@code -address URL}). */
  private static final String[] VAULT_BOOLEAN_FLAGS = {"-no-print", "-no-store", "-token-only", "-tls-skip-verify",
      "-non-interactive", "-policy-override", "-detailed"};

  /**
   * At the blank after {@code vault login }: its positional token (16 bytes or more: not {@code vault login failed}),
   * after any flags; a {@code -method} login takes none (its {@code username=x} pairs are the key detector's).
   */
  static int vaultLogin(Scan s, int last) {
    int p = last + 1;
    int limit = Math.min(s.hi, last + 512);
    while (p < limit) {
      p = skipBlanks(s, p);
      int end = KeyedForms.wordEnd(s, p);
      if (end == p) {
        return -1;
      }
      if (s.b[p] != '-') {
        boolean vendorToken = s.at(p) == 'h' && s.at(p + 1) == 'v' && s.at(p + 3) == '.'; // hvs.…: the token detector's
        return end - p >= 16 && !vendorToken && Bytes.indexOf(s.b, p, end, "=") < 0 ? secretWord(s, p) : -1;
      }
      if (Bytes.startsWith(s.b, p, end, "-method")) {
        return -1;
      }
      boolean takesValue = Bytes.indexOf(s.b, p, end, "=") < 0;
      for (String flag : VAULT_BOOLEAN_FLAGS) {
        takesValue &= !(end - p == flag.length() && Bytes.startsWith(s.b, p, end, flag));
      }
      p = takesValue ? KeyedForms.wordEnd(s, skipBlanks(s, end)) : end; // -address URL: the flag's value
    }
    return -1;
  }

  /** At the blank after {@code wpa_passphrase }: {@code wpa_passphrase SSID passphrase}: the second argument. */
  static int wpaPassphrase(Scan s, int last) {
    int ssid = last + 1;
    int ssidEnd = KeyedForms.wordEnd(s, ssid);
    if (ssidEnd == ssid || s.at(ssidEnd) != ' ' || !Bytes.isWord(s.at(ssidEnd + 1)) && s.at(ssidEnd + 1) != '\''
        && s.at(ssidEnd + 1) != '"') {
      return -1;
    }
    return secretWord(s, ssidEnd + 1);
  }

  static boolean lineMentions(Scan s, int from, String... words) {
    int p = from;
    while (p > s.lo && from - p < 256 && s.b[p - 1] != '\n') {
      p--;
    }
    for (int i = p; i < from; i++) {
      for (String w : words) {
        if (Bytes.startsWithIgnoreCase(s.b, i, from, w)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * After {@code config set } on a {@code pulumi} line with {@code --secret} anywhere on it ({@code pulumi config set
   * --secret KEY VALUE}, {@code pulumi config set KEY VALUE --secret}): the value, the second argument that is no flag
   * ({@code -s}/{@code --stack}, {@code -C}/{@code --cwd} take one).
   */
  static int pulumiConfigSet(Scan s, int last) {
    if (!lineMentions(s, last, "pulumi ")) {
      return -1;
    }
    int eol = lineEndWithin(s, last, 1024);
    if (Bytes.indexOf(s.b, last, eol, "--secret") < 0) {
      return -1;
    }
    int p = last + 1;
    int arguments = 0;
    while (p < eol) {
      while (p < eol && (s.b[p] == ' ' || s.b[p] == '\t')) {
        p++;
      }
      if (p >= eol) {
        break;
      }
      int end = s.b[p] == '\'' || s.b[p] == '"' ? KeyValueDetector.closingQuote(s, p + 1, s.b[p]) + 1
          : KeyedForms.wordEnd(s, p);
      if (end <= p) {
        return -1;
      }
      if (s.b[p] == '-') {
        boolean takesOne = (end - p == 2 && (s.b[p + 1] == 's' || s.b[p + 1] == 'C'))
            || Bytes.startsWith(s.b, p, end, "--stack") && end - p == 7
            || Bytes.startsWith(s.b, p, end, "--cwd") && end - p == 5;
        p = end;
        if (takesOne) {
          while (p < eol && s.b[p] == ' ') {
            p++;
          }
          p = KeyedForms.wordEnd(s, p);
        }
        continue;
      }
      if (++arguments == 2) {
        return secretWord(s, p);
      }
      p = end;
    }
    return -1;
  }

  /** {@link #confluentSecret}'s flag: the value between the pipes of {@code confluent api-key create}'s table row. */
  static final int CONFLUENT_TABLE = 1;

  /**
   * Confluent's Kafka API secret: the {@code | API Secret | x |} row of {@code confluent api-key create}, or the second
   * argument after {@code api-key store } on a {@code confluent} line ({@code api-key store KEY SECRET}).
   */
  static int confluentSecret(Scan s, int last, int flags) {
    int p = last + 1;
    if (flags == CONFLUENT_TABLE) {
      while (s.at(p) == ' ') {
        p++;
      }
      int end = p;
      while (end < s.hi && end - p < 512 && s.b[end] > ' ' && s.b[end] != '|') {
        end++;
      }
      return end > p && s.add(p, end, DetectorType.SECRET) ? end : -1;
    }
    if (!lineMentions(s, last, "confluent ")) {
      return -1;
    }
    int key = KeyedForms.wordEnd(s, p);
    if (key == p || s.at(key) != ' ' || !argumentAt(s, key + 1)) {
      return -1;
    }
    return secretWord(s, key + 1);
  }

  /**
   * At {@code &p=} of a query that also has {@code u=} (InfluxDB 1.x's {@code /query?u=x&p=y&q=…}, {@code /write}):
   * the password, and the user.
   */
  static int influxQueryPassword(Scan s, int last) {
    int q = last - 2;
    int qs = q;
    while (qs > s.lo && q - qs < 512 && s.b[qs - 1] != '?' && s.b[qs - 1] > ' ') {
      qs--;
    }
    if (qs <= s.lo || s.b[qs - 1] != '?') {
      return -1;
    }
    int u = Bytes.startsWith(s.b, qs, q, "u=") ? qs : Bytes.indexOf(s.b, qs, q, "&u=");
    if (u < 0) {
      return -1;
    }
    int us = u == qs ? qs + 2 : u + 3;
    int ue = us;
    while (ue < q && s.b[ue] != '&') {
      ue++;
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 512 && s.b[end] > ' ' && s.b[end] != '&' && s.b[end] != '"' && s.b[end] != '\'') {
      end++;
    }
    if (end == start || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    if (ue > us && !KeyValueDetector.isSystemAccount(s, us, ue)) {
      s.add(us, ue, DetectorType.USERNAME);
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * At {@code  -p } or {@code  -P }: mosquitto's clients' password ({@code mosquitto_pub … -P x}; their {@code -p} is
   * the port) and ksql's ({@code ksql -u u -p x URL}).
   */
  static int dashP(Scan s, int last) {
    boolean upper = s.b[last - 1] == 'P';
    if (!(upper ? lineMentions(s, last, "mosquitto_") : lineMentions(s, last, "ksql ", "beeline "))
        || !argumentAt(s, last + 1)) {
      return -1;
    }
    return secretWord(s, last + 1);
  }

  /**
   * (session 31) The commands whose {@code -u NAME} is a user name (a database client's login, the user sudo, crontab,
   * ps or pkill act for), and those whose {@code -U NAME} is (PostgreSQL's clients, sqlcmd, smbclient): elsewhere the
   * same flags mean other things ({@code sort -u}, {@code diff -u}, {@code docker run -u 1000}, {@code mysql -U}).
   * A name that starts with a digit (a uid) stays.
   */
  private static final String[] LOWER_U_USER_TOOLS = {"mysql", "mariadb", "sudo ", "crontab ", "pkill ", "ps ",
      "mongosh", "mongodump", "mongorestore", "mongoexport", "cqlsh", "clickhouse-client", "influx ", "nats ",
      "docker run", "docker exec", "podman run", "podman exec"};
  private static final String[] UPPER_U_USER_TOOLS = {"psql", "pg_dump", "pg_restore", "pg_basebackup", "createdb",
      "dropdb", "createuser", "dropuser", "vacuumdb", "reindexdb", "pgbench", "pg_isready", "sqlcmd", "bcp ",
      "smbclient", "rpcclient", "net ads ", "net rpc "};

  /** The flags of {@link #toolFlag}: the tool its line must name, and whether the value is a user (else a secret). */
  private static final String[] TOOL_FLAG_TOOLS = {"beeline ", "kadmin", "databricks ", "airflow ", " login ",
      " login ", "ssh ", "kubectl ", "su "};
  private static final boolean[] TOOL_FLAG_USER = {true, false, false, true, false, true, true, true, true};
  static final int BEELINE_USER = 0;
  static final int KADMIN_PASSWORD = 1;
  static final int DATABRICKS_VALUE = 2;
  static final int AIRFLOW_LOGIN = 3;
  static final int LOGIN_PASSWORD_EQ = 4;
  static final int LOGIN_USER_EQ = 5;
  /** (session 31) ssh's {@code -l user}. */
  static final int SSH_LOGIN = 6;
  /** (session 31) kubectl's impersonation, {@code --as=user}, {@code --as user}. */
  static final int KUBECTL_AS = 7;
  /** (session 31) {@code su - user}: the login shell of another user. */
  static final int SU_LOGIN = 8;

  /**
   * At the blank after a flag whose value is a user or a secret on one tool's line only (elsewhere the same flag
   * means something else): beeline's {@code -n user} (its {@code -p} is {@link #dashP}'s), kadmin's
   * {@code -w password}, {@code databricks secrets put … --string-value x}, {@code airflow connections add …
   * --conn-login user} (its {@code --conn-password} is a key word's); at the {@code =} of a login's
   * {@code -p="x"} and {@code -u="x"} (Quay's "Docker Login" line for its robot accounts).
   */
  static int toolFlag(Scan s, int last, int flags) {
    if (!lineMentions(s, last, TOOL_FLAG_TOOLS[flags]) || !argumentAt(s, last + 1)) {
      return -1;
    }
    if (flags == SU_LOGIN && (Bytes.isWord(s.at(last - 5)) || s.at(last - 5) == '-')) {
      return -1; // (not the end of another word: "Nessu - ")
    }
    if (TOOL_FLAG_USER[flags]) {
      int q = s.at(last + 1);
      int start = q == '"' || q == '\'' ? last + 2 : last + 1;
      return userWord(s, start);
    }
    return secretWord(s, last + 1);
  }

  /**
   * After jenkins-cli's {@code -auth } ({@code java -jar jenkins-cli.jar -s URL -auth user:token command}): the user
   * and the API token ({@code -auth @file} stays: a file of them).
   */
  static int jenkinsCliAuth(Scan s, int last) {
    if (!lineMentions(s, last, "jenkins-cli")) {
      return -1;
    }
    int start = last + 1;
    int end = KeyedForms.wordEnd(s, start);
    int colon = Bytes.indexOf(s.b, start, end, ":");
    if (colon <= start || colon >= end - 1 || s.at(start) == '@') {
      return -1;
    }
    return KeyedForms.userAndSecret(s, start, colon, colon + 1, end) ? end : -1;
  }

  /**
   * PHP's functions whose arguments a stack trace's frame prints with a user and a password (Laravel's, Symfony's and
   * WordPress' error pages and logs): the end of the called name (any case), the user's argument (-1: none) and the
   * password's, counted from 0.
   */
  private static final String[] PHP_CALLS = {"pdo->__construct", "mysqli->__construct", "mysqli_connect",
      "mysqli->real_connect", "mysqli_real_connect", "redis->auth", "smtp->authenticate", "ldap->bind", "ldap_bind",
      "stripeclient->__construct"};
  private static final int[] PHP_USER = {1, 1, 1, 1, 2, -1, 0, -1, -1, -1};
  private static final int[] PHP_PASSWORD = {2, 2, 2, 2, 3, 0, 1, 1, 2, 0};

  /**
   * At the {@code (} of {@code .php(} of a PHP stack trace's frame ({@code #0 /app/Db.php(18): mysqli->__construct(
   * 'db.example.com', 'shop_user', 'pw', 'shop')}): the user and the password among the call's printed arguments
   * when the call is one of {@link #PHP_CALLS} (PHP cuts a string argument at 15 characters and adds {@code ...}).
   */
  static int phpFrame(Scan s, int last) {
    int p = last + 1;
    int line = p;
    while (Bytes.isDigit(s.at(p)) && p - line < 8) {
      p++;
    }
    if (p == line || s.at(p) != ')' || s.at(p + 1) != ':' || s.at(p + 2) != ' ') {
      return -1;
    }
    int name = p + 3;
    int open = name;
    while (open < s.hi && open - name < 256 && s.b[open] != '(' && s.b[open] > ' ') {
      open++;
    }
    if (s.at(open) != '(') {
      return -1;
    }
    int call = -1;
    for (int i = 0; i < PHP_CALLS.length && call < 0; i++) {
      String c = PHP_CALLS[i];
      if (open - name >= c.length() && Bytes.startsWithIgnoreCase(s.b, open - c.length(), open, c)
          && !Bytes.isWord(s.at(open - c.length() - 1))) {
        call = i;
      }
    }
    if (call < 0) {
      return -1;
    }
    int[] a = new int[2 * 8];
    int n = phpArguments(s, open + 1, a);
    int u = PHP_USER[call];
    int w = PHP_PASSWORD[call];
    if (w >= n || a[2 * w] < 0) {
      return -1;
    }
    if (u >= 0 && u < n && a[2 * u] >= 0) {
      return KeyedForms.userAndSecret(s, a[2 * u], a[2 * u + 1], a[2 * w], a[2 * w + 1]) ? a[2 * w + 1] : -1;
    }
    return s.add(a[2 * w], a[2 * w + 1], DetectorType.SECRET) ? a[2 * w + 1] : -1;
  }

  /**
   * A PHP frame's printed arguments from {@code p} (after the call's {@code (}), at most {@code bounds.length / 2}:
   * for each, the bounds of a single-quoted string's text ({@code ...} of a cut one left out), or -1 for another
   * value ({@code Object(mysqli)}, {@code Array}, {@code NULL}, a number). The count read.
   */
  private static int phpArguments(Scan s, int p, int[] bounds) {
    int n = 0;
    while (n < bounds.length / 2) {
      if (s.at(p) == '\'') {
        int e = closingQuote(s, p + 1, '\'');
        if (e < 0) {
          return n;
        }
        int end = e >= p + 4 && Bytes.startsWith(s.b, e - 3, e, "...") ? e - 3 : e;
        bounds[2 * n] = end > p + 1 ? p + 1 : -1;
        bounds[2 * n + 1] = end;
        p = e + 1;
      } else {
        int depth = 0;
        int start = p;
        while (p < s.hi && p - start < 256 && (depth > 0 || (s.b[p] != ',' && s.b[p] != ')')) && s.b[p] != '\n') {
          depth += s.b[p] == '(' ? 1 : s.b[p] == ')' ? -1 : 0;
          p++;
        }
        bounds[2 * n] = -1;
        bounds[2 * n + 1] = -1;
      }
      n++;
      if (s.at(p) != ',' || s.at(p + 1) != ' ') {
        return n;
      }
      p += 2;
    }
    return n;
  }

  /** shadow's tools' options that take a value (useradd, usermod, userdel), short and long. */
  private static final String SHADOW_VALUE_OPTIONS = "bcdefgGkKlpsuRPZvVwW";
  private static final java.util.List<String> SHADOW_LONG_VALUE_OPTIONS = java.util.List.of("--base-dir",
      "--comment", "--home-dir", "--home", "--expiredate", "--inactive", "--gid", "--groups", "--skel", "--key",
      "--login", "--password", "--shell", "--uid", "--root", "--prefix", "--selinux-user", "--add-subuids",
      "--del-subuids", "--add-subgids", "--del-subgids");

  /**
   * At the blank after {@code useradd}, {@code usermod} or {@code userdel} as a command (a line's start, after a blank,
   * a {@code /}, a quote): the login, the last argument; a comment ({@code -c "Jane Doe"}, the GECOS) is a
   * {@code name}, a new login ({@code usermod -l NEW}) a {@code user}, a password ({@code -p HASH}: crypt's hash) a
   * {@code password_hash}. Options and their values are skipped; {@code root} stays.
   */
  static int shadowTool(Scan s, int last) {
    int cmd = last - 7;
    if (Bytes.startsWith(s.b, cmd - 20, cmd, "elasticsearch-users ")) {
      return userThenFlags(s, last + 1); // elasticsearch-users useradd NAME -p PW -r ROLES
    }
    if (!commandPosition(s, cmd)) {
      return -1; // "the useradd command failed" is prose
    }
    int limit = lineEndWithin(s, last, 1024);
    int p = last + 1;
    int login = -1;
    int loginEnd = -1;
    for (int k = 0; k < 32 && (p = argumentStart(s, p, limit)) >= 0; k++) {
      int q = s.b[p];
      int end = q == '"' || q == '\'' ? closingQuote(s, p + 1, q) + 1 : KeyedForms.wordEnd(s, p);
      if (end <= p) {
        return -1;
      }
      if (q == '-') {
        boolean takesValue;
        int eq = Bytes.indexOf(s.b, p, end, "=");
        if (s.at(p + 1) == '-') {
          takesValue = eq < 0 && SHADOW_LONG_VALUE_OPTIONS.contains(new String(s.b, p, end - p,
              java.nio.charset.StandardCharsets.ISO_8859_1));
          if (eq > 0) {
            int vq = s.at(eq + 1);
            if (vq == '"' || vq == '\'') {
              end = closingQuote(s, eq + 2, vq) + 1; // --comment="Ops Bot"
              if (end <= eq) {
                return -1;
              }
            }
            shadowValue(s, new String(s.b, p, eq - p, java.nio.charset.StandardCharsets.ISO_8859_1), eq + 1, end);
          }
        } else {
          takesValue = end == p + 2 && SHADOW_VALUE_OPTIONS.indexOf(s.b[p + 1]) >= 0;
        }
        p = end;
        if (takesValue) {
          p = Math.max(p, argumentStart(s, p, limit));
          int v = s.at(p);
          int ve = v == '"' || v == '\'' ? closingQuote(s, p + 1, v) + 1 : KeyedForms.wordEnd(s, p);
          if (ve <= p) {
            return -1;
          }
          shadowValue(s, new String(s.b, end - 2, 2, java.nio.charset.StandardCharsets.ISO_8859_1), p, ve);
          p = ve;
        }
        continue;
      }
      login = q == '"' || q == '\'' ? p + 1 : p;
      loginEnd = q == '"' || q == '\'' ? end - 1 : end;
      p = end;
    }
    if (login < 0 || loginEnd <= login || KeyValueDetector.isSystemAccount(s, login, loginEnd)
        || !Bytes.isAlpha(s.at(login)) && s.at(login) != '_') {
      return -1;
    }
    return s.add(login, loginEnd, DetectorType.USERNAME) ? loginEnd : -1;
  }

  /** An option's value of {@link #shadowTool}: a comment, a new login, a password hash (the quotes left out). */
  private static void shadowValue(Scan s, String option, int v, int ve) {
    int q = s.at(v);
    if ((q == '"' || q == '\'') && ve - v >= 2) {
      v++;
      ve--;
    }
    if (ve <= v || s.at(v) == '<' || s.at(v) == '$' && !Bytes.isDigit(s.at(v + 1)) && s.at(v + 1) != 'y') {
      return; // (a token of ours, a shell variable; $6$…, $y$… are crypt's hashes)
    }
    if (option.equals("-c") || option.equals("--comment")) {
      s.add(v, ve, DetectorType.PERSON_NAME);
    } else if (option.equals("-l") || option.equals("--login")) {
      s.add(v, ve, DetectorType.USERNAME);
    } else if (option.equals("-p") || option.equals("--password")) {
      // crypt's hash, as the tools want it; a plain word there is a password given by mistake
      s.add(v, ve, s.at(v) == '$' ? DetectorType.PASSWORD_HASH : DetectorType.SECRET);
    }
  }

  /**
   * Whether a command starts at {@code cmd}: a line's start (after blanks, a prompt's {@code $ }/{@code # } or
   * {@code set -x}'s {@code + }), after {@code sudo }, a {@code ;}, {@code &&}, {@code |} or a quote, or as a path's
   * last part ({@code /usr/sbin/useradd}).
   */
  private static boolean commandPosition(Scan s, int cmd) {
    int before = s.at(cmd - 1);
    if (cmd <= s.lo || before == '/' || before == '"' || before == '\'' || before == '\n' || before == '`') {
      return true;
    }
    if (before != ' ' && before != '\t') {
      return false;
    }
    int p = cmd - 1;
    while (p > s.lo && (s.b[p - 1] == ' ' || s.b[p - 1] == '\t')) {
      p--;
    }
    int c = s.at(p - 1);
    return p <= s.lo || c == '\n' || c == '$' || c == '#' || c == ';' || c == '&' || c == '|' || c == '"'
        || c == '\'' || c == '(' || c == '+' || Bytes.startsWith(s.b, p - 4, p, "sudo") && !Bytes.isWord(s.at(p - 5));
  }

  /** FreeIPA's options that take no value; every other long option of {@code ipa user-*} takes one. */
  private static final java.util.List<String> IPA_FLAGS = java.util.List.of("--all", "--raw", "--random",
      "--noprivate", "--no-members", "--rights", "--continue", "--preserve", "--password", "--structured");
  /** FreeIPA's options whose value is a person's name. */
  private static final java.util.List<String> IPA_NAMES = java.util.List.of("--first", "--last", "--cn",
      "--displayname", "--gecos", "--initials");

  /**
   * At the blank after {@code ipa user-add} (and {@code user-mod}, {@code user-del}, {@code user-show},
   * {@code user-enable}, {@code user-disable}, {@code user-unlock}, {@code passwd}): the login, the first argument that
   * is no option or option value, a {@code user}; {@code --first}, {@code --last}, {@code --cn}, {@code --displayname},
   * {@code --gecos} a {@code name} (e-mail addresses and phones are found by their shapes).
   */
  static int ipaUser(Scan s, int last) {
    int cmd = Bytes.lastIndexOfIgnoreCase(s.b, Math.max(s.lo, last - 24), last, "ipa ");
    if (cmd < 0 || !commandPosition(s, cmd)) {
      return -1;
    }
    int limit = lineEndWithin(s, last, 2048);
    int p = last + 1;
    boolean login = false;
    for (int k = 0; k < 48 && (p = argumentStart(s, p, limit)) >= 0; k++) {
      int end = shellArgumentEnd(s, p);
      if (end <= p) {
        return -1;
      }
      if (s.b[p] == '-') {
        int eq = Bytes.indexOf(s.b, p, end, "=");
        String option = new String(s.b, p, (eq > 0 ? eq : end) - p, java.nio.charset.StandardCharsets.ISO_8859_1);
        int v = eq + 1;
        int ve = end;
        if (eq < 0) {
          if (IPA_FLAGS.contains(option) || !option.startsWith("--")) {
            p = end;
            continue;
          }
          v = argumentStart(s, end, limit);
          ve = v < 0 ? -1 : shellArgumentEnd(s, v);
          if (ve <= v) {
            return -1;
          }
        }
        if (IPA_NAMES.contains(option)) {
          addUnquoted(s, v, ve, DetectorType.PERSON_NAME);
        }
        p = ve;
        continue;
      }
      if (!login) {
        login = true;
        if (!KeyValueDetector.isSystemAccount(s, p, end)) {
          addUnquoted(s, p, end, DetectorType.USERNAME);
        }
      }
      p = end;
    }
    return -1; // the spans are kept; the pass goes on over the line
  }

  /**
   * At the blank after {@code openssl passwd}: each argument that is no option is a password (options {@code -1},
   * {@code -5}, {@code -6}, {@code -apr1}, {@code -crypt}, {@code -stdin}, … and the values of {@code -salt} and
   * {@code -in} skipped).
   */
  static int opensslPasswd(Scan s, int last) {
    int limit = lineEndWithin(s, last, 1024);
    int p = last + 1;
    int found = -1;
    for (int k = 0; k < 16 && (p = argumentStart(s, p, limit)) >= 0; k++) {
      int end = shellArgumentEnd(s, p);
      if (end <= p) {
        return found;
      }
      if (s.b[p] == '-') {
        boolean takesValue = Bytes.startsWith(s.b, p, end, "-salt") || Bytes.startsWith(s.b, p, end, "-in");
        p = end;
        int v = takesValue ? argumentStart(s, p, limit) : -1;
        if (v >= 0) {
          p = Math.max(v, shellArgumentEnd(s, v)); // -salt's and -in's values
        }
        continue;
      }
      if (addUnquoted(s, p, end, DetectorType.SECRET)) {
        found = end;
      }
      p = end;
    }
    return found;
  }

  /**
   * At {@code PSCredential(}, {@code PSCredential (} or {@code PSCredential -ArgumentList }: the first argument, a
   * quoted user name ({@code 'CORP\jdoe'}, whole) is a {@code user}; the password is a variable or found elsewhere
   * ({@code ConvertTo-SecureString 'x'}).
   */
  static int psCredential(Scan s, int last) {
    int p = last + 1;
    while (s.at(p) == ' ' || s.at(p) == '(') {
      p++;
    }
    int q = s.at(p);
    if (q != '\'' && q != '"') {
      return -1;
    }
    int end = closingQuote(s, p + 1, q);
    if (end <= p + 1 || s.at(p + 1) == '$' || KeyValueDetector.isPlaceholder(s, p + 1, end)) {
      return -1;
    }
    return s.add(p + 1, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * After {@code  => } of Asterisk's {@code voicemail.conf} box, {@code 2045 => 4821,Sofia Alvarez,sofia@…,…}: at a line's
   * start a mailbox's digits, then its PIN (a {@code secret}) and its owner's full name (a {@code name}).
   */
  static int voicemailBox(Scan s, int last) {
    int box = last - 3; // the blank before "=>"
    int ls = lineStartWithin(s, box, 64);
    int d = Bytes.digitRun(s.b, ls, box, 16);
    if (d == 0 || ls + d != box) {
      return -1;
    }
    int pin = last + 1;
    int pinEnd = pin;
    while (pinEnd - pin < 16 && (Bytes.isDigit(s.at(pinEnd)) || s.at(pinEnd) == '-')) {
      pinEnd++;
    }
    if (pinEnd == pin || s.at(pinEnd) != ',') {
      return -1;
    }
    s.add(pin, pinEnd, DetectorType.SECRET);
    int name = pinEnd + 1;
    int nameEnd = name;
    while (nameEnd - name < 64 && s.at(nameEnd) != ',' && s.at(nameEnd) != '\n' && s.at(nameEnd) != 0) {
      nameEnd++;
    }
    if (nameEnd > name && !KeyValueDetector.isPlaceholder(s, name, nameEnd)) {
      s.add(name, nameEnd, DetectorType.PERSON_NAME);
    }
    return Math.max(pinEnd, nameEnd);
  }

  /** knife's and chef-server-ctl's options of {@code user create} that take no value. */
  private static final java.util.List<String> CHEF_FLAGS = java.util.List.of("--prevent-keygen", "-k",
      "--prompt-for-password", "-p", "--disable-editing", "-d", "--yes", "-y");

  /**
   * At the blank after {@code knife user create} or {@code chef-server-ctl user-create}: the positional arguments,
   * {@code USER [DISPLAY_NAME] FIRST [MIDDLE] LAST EMAIL PASSWORD}: the first a {@code user}, those before the e-mail
   * address {@code name}s, the one after it a {@code secret} (options and their values skipped; their own values,
   * {@code --first-name}, {@code --password}, are key words' already).
   */
  static int chefUserCreate(Scan s, int last) {
    int limit = lineEndWithin(s, last, 2048);
    int p = last + 1;
    int position = 0;
    boolean afterEmail = false;
    for (int k = 0; k < 32 && (p = argumentStart(s, p, limit)) >= 0; k++) {
      int end = shellArgumentEnd(s, p);
      if (end <= p) {
        break;
      }
      if (s.b[p] == '-') {
        String option = new String(s.b, p, end - p, java.nio.charset.StandardCharsets.ISO_8859_1);
        p = end;
        int v = !CHEF_FLAGS.contains(option) && option.indexOf('=') < 0 ? argumentStart(s, p, limit) : -1;
        if (v >= 0) {
          p = Math.max(v, shellArgumentEnd(s, v)); // the option's value
        }
        continue;
      }
      boolean email = Bytes.indexOf(s.b, p, end, "@") > 0;
      if (position == 0) {
        addUnquoted(s, p, end, DetectorType.USERNAME);
      } else if (afterEmail) {
        addUnquoted(s, p, end, DetectorType.SECRET);
        afterEmail = false;
      } else if (email) {
        afterEmail = true; // (the e-mail detector takes the address)
      } else {
        addUnquoted(s, p, end, DetectorType.PERSON_NAME);
      }
      position++;
      p = end;
    }
    return -1; // the spans are kept; the pass goes on over the line
  }

  /**
   * At the blank after {@code rclone config create} or {@code update}: after the remote's name (and, for create, its
   * type), {@code KEY VALUE} pairs, each value typed by its key as a key's value would be ({@code pass}, {@code key}
   * and {@code account}, rclone's own names of a password, an application key and its id, too).
   */
  static int rcloneConfig(Scan s, int last) {
    int limit = lineEndWithin(s, last, 2048);
    boolean create = s.b[last - 6] == 'c';
    int p = last + 1;
    int skip = create ? 2 : 1; // NAME TYPE, or NAME
    String key = null;
    for (int k = 0; k < 64 && (p = argumentStart(s, p, limit)) >= 0; k++) {
      int end = shellArgumentEnd(s, p);
      if (end <= p) {
        break;
      }
      if (s.b[p] == '-') {
        p = end; // --obscure, --non-interactive, --config FILE (its value is a path: no key words)
        continue;
      }
      if (skip > 0) {
        skip--;
      } else if (key == null) {
        key = new String(s.b, p, end - p, java.nio.charset.StandardCharsets.ISO_8859_1);
      } else {
        DetectorType type = "pass".equals(key) || "key".equals(key) ? DetectorType.SECRET
            : "account".equals(key) || "user".equals(key) ? DetectorType.USERNAME : null;
        if (type != null) {
          addUnquoted(s, p, end, type);
        } else {
          Trigger t = KeyNames.trigger(key);
          if (t != null && t.action() == Trigger.Action.KEY_VALUE) {
            int q = s.b[p];
            boolean quoted = (q == '"' || q == '\'') && end - p >= 2;
            KeyValueDetector.accept(s, t, quoted ? p + 1 : p, quoted ? end - 1 : end);
          }
        }
        key = null;
      }
      p = end;
    }
    return -1; // the spans are kept; the pass goes on over the line
  }

  /**
   * The start of the next shell argument at or after {@code p} (past blanks) before {@code limit}, or -1 at the line's
   * end or a shell operator ({@code ; & | > < # ) `}): the loops over a command's arguments stop there.
   */
  private static int argumentStart(Scan s, int p, int limit) {
    while (p < limit && s.b[p] == ' ') {
      p++;
    }
    if (p >= limit) {
      return -1;
    }
    int c = s.b[p];
    return c == ';' || c == '&' || c == '|' || c == '>' || c == '<' || c == '#' || c == ')' || c == '`' ? -1 : p;
  }

  /** The end of a shell argument at {@code p}: after its closing quote when quoted, else its word (to a blank). */
  private static int shellArgumentEnd(Scan s, int p) {
    int q = s.at(p);
    if (q == '"' || q == '\'') {
      int close = closingQuote(s, p + 1, q);
      return close < 0 ? -1 : close + 1;
    }
    int e = p;
    while (e < s.hi && e - p < 512 && (s.b[e] & 0xFF) > ' ' && s.b[e] != ';' && s.b[e] != '|' && s.b[e] != '&'
        && s.b[e] != ')' && s.b[e] != '`') {
      e++;
    }
    return e;
  }

  /** Adds {@code [v, ve)} without its quotes, unless it is empty, a placeholder, a variable or a token of ours. */
  private static boolean addUnquoted(Scan s, int v, int ve, DetectorType type) {
    int q = s.at(v);
    if ((q == '"' || q == '\'') && ve - v >= 2) {
      v++;
      ve--;
    }
    if (ve <= v || s.at(v) == '$' || s.at(v) == '<' || KeyValueDetector.isPlaceholder(s, v, ve)) {
      return false;
    }
    return s.add(v, ve, type);
  }

  /** A user's name at {@code p} (after blanks), then flags: {@code -p PW} a secret (elasticsearch-users useradd). */
  private static int userThenFlags(Scan s, int p) {
    while (s.at(p) == ' ') {
      p++;
    }
    int end = KeyedForms.wordEnd(s, p);
    if (end <= p || s.at(p) == '-' || KeyValueDetector.isPlaceholder(s, p, end)) {
      return -1;
    }
    s.add(p, end, DetectorType.USERNAME);
    int flag = Bytes.indexOf(s.b, end, lineEndWithin(s, end, 1024), " -p ");
    return flag > 0 && argumentAt(s, flag + 4) ? Math.max(end, secretWord(s, flag + 4)) : end;
  }

  /**
   * At the quote of expect's {@code send "x\r"} ({@code send -- "x\r"}): the text sent, typed by the prompt that the
   * {@code expect} before it (on the same line, {@code expect "Password:" { send "x\r" }}, or the line before) waits
   * for: a password's prompt ({@code assword}, {@code asscode}, {@code assphrase}) a secret, a user's ({@code sername},
   * {@code ogin}) a user; other prompts' answers stay.
   */
  static int expectSend(Scan s, int last) {
    int ls = lineStartWithin(s, last, 1024);
    int e = Bytes.indexOf(s.b, ls, last, "expect ");
    if (e < 0 && ls > s.lo) {
      int prev = lineStartWithin(s, ls - 1, 1024);
      e = Bytes.indexOf(s.b, prev, ls - 1, "expect ");
      if (e >= 0) {
        ls = prev;
      }
    }
    if (e < 0) {
      return -1;
    }
    int promptEnd = Math.min(last, lineEndWithin(s, e, 1024));
    DetectorType type = Bytes.indexOf(s.b, e, promptEnd, "assword") >= 0 || Bytes.indexOf(s.b, e, promptEnd, "asscode") >= 0
        || Bytes.indexOf(s.b, e, promptEnd, "assphrase") >= 0 ? DetectorType.SECRET
        : Bytes.indexOf(s.b, e, promptEnd, "sername") >= 0 || Bytes.indexOf(s.b, e, promptEnd, "ogin") >= 0
            ? DetectorType.USERNAME : null;
    if (type == null) {
      return -1;
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] != '"' && s.b[end] != '\n'
        && !(s.b[end] == '\\' && (s.at(end + 1) == 'r' || s.at(end + 1) == 'n'))) {
      end += s.b[end] == '\\' ? 2 : 1;
    }
    if (end == start || s.at(start) == '$' || s.at(start) == '<') {
      return -1; // (a variable, send "$password\r"; a token of ours)
    }
    return s.add(start, end, type) ? end : -1;
  }

  /** The commands whose standard input a here-string feeds a password (or, for chpasswd, {@code user:password}). */
  private static final String[] HERE_STRING_COMMANDS = {"chpasswd", "smbpasswd", "passwd", "--password",
      "--passphrase", "kinit", "cryptsetup", "-stdin", "--stdin"};

  /**
   * At the blank after a here-string's {@code <<<} ({@code chpasswd <<< "deploy:pw"}, {@code smbpasswd -a u <<<
   * $'pw\npw'}, {@code openssl passwd -6 -stdin <<< 'pw'}, {@code ipa user-add u --password <<< 'pw'}): the string,
   * when the command before it on the line reads a password from its input; for chpasswd its user and password.
   */
  static int hereString(Scan s, int last) {
    int ls = lineStartWithin(s, last, 1024);
    int cmd = -1;
    for (int i = 0; i < HERE_STRING_COMMANDS.length && cmd < 0; i++) {
      int at = Bytes.indexOf(s.b, ls, last, HERE_STRING_COMMANDS[i]);
      if (at >= 0 && (at == ls || !Bytes.isAlnum(s.b[at - 1]) || HERE_STRING_COMMANDS[i].charAt(0) == '-')) {
        cmd = i;
      }
    }
    if (cmd < 0) {
      return -1;
    }
    int p = last + 1;
    if (s.at(p) == '$' && s.at(p + 1) == '\'') {
      p++; // bash's $'…' with escapes: the first line's password (smbpasswd asks twice)
    }
    int q = s.at(p);
    int start = q == '"' || q == '\'' ? p + 1 : p;
    int end = start;
    while (end < s.hi && end - start < 1024 && s.b[end] != '\n' && (q == '"' || q == '\'' ? s.b[end] != q
        : s.b[end] != ' ') && !(s.b[end] == '\\' && s.at(end + 1) == 'n')) {
      end++;
    }
    if (end == start || s.at(start) == '$' || s.at(start) == '<') {
      return -1; // (a variable, <<< "$PW"; a token of ours)
    }
    if (cmd == 0) {
      int colon = Bytes.indexOf(s.b, start, end, ":");
      return colon > start && colon < end - 1 && KeyedForms.userAndSecret(s, start, colon, colon + 1, end) ? end : -1;
    }
    int r = s.add(start, end, DetectorType.SECRET) ? end : -1;
    while (r > 0 && s.at(end) == '\\' && s.at(end + 1) == 'n') { // $'pw\npw': the confirmation too
      int next = end + 2;
      end = next;
      while (end < s.hi && end - next < 1024 && s.b[end] != '\n' && s.b[end] != '\'' && !(s.b[end] == '\\'
          && s.at(end + 1) == 'n')) {
        end++;
      }
      if (end > next && s.add(next, end, DetectorType.SECRET)) {
        r = end;
      }
    }
    return r;
  }

  /**
   * At the blank after {@code username} at a line's start of a network device's configuration (Cisco IOS, ASA,
   * NX-OS: {@code username jdoe password 0 pw privilege 15}, {@code username vpnuser1 password pw privilege 0},
   * {@code username ops secret 5 $1$…}): the user, when one of the device's own words follows it; and a password
   * with no encryption type before it (ASA's form; a typed one is the device detector's).
   */
  static int deviceUsername(Scan s, int last) {
    int first = last - 8;
    if (!KeyedForms.startsLine(s, first)) {
      return -1;
    }
    int us = last + 1;
    int ue = KeyedForms.wordEnd(s, us);
    if (ue == us || s.at(ue) != ' ' || s.at(us) == '|' || TableDetector.boxAt(s, us)) {
      return -1; // (not a table's header: username │ password)
    }
    int w = ue + 1;
    int we = KeyedForms.wordEnd(s, w);
    boolean password = word(s, w, we, "password");
    if (!(password || word(s, w, we, "secret") || word(s, w, we, "privilege") || word(s, w, we, "nopassword")
        || word(s, w, we, "attributes") || word(s, w, we, "role"))) {
      return -1;
    }
    int r = KeyValueDetector.isSystemAccount(s, us, ue) ? -1 : s.add(us, ue, DetectorType.USERNAME) ? ue : -1;
    if (password && s.at(we) == ' ') {
      int v = we + 1;
      int ve = KeyedForms.wordEnd(s, v);
      if (ve > v && !(ve == v + 1 && Bytes.isDigit(s.b[v])) && !KeyValueDetector.isPlaceholder(s, v, ve)
          && s.add(v, ve, DetectorType.SECRET)) {
        r = ve;
      }
    }
    return r;
  }

  /**
   * At the blank after {@code -v} on an {@code iscsiadm} line ({@code iscsiadm -m node -T iqn… --op=update -n
   * node.session.auth.password -v x}): the value, typed by the setting {@code -n} names before it (CHAP's
   * {@code …auth.password}, {@code …auth.username}, their mutual {@code _in} forms).
   */
  static int iscsiadmValue(Scan s, int last) {
    if (!lineMentions(s, last, "iscsiadm") || !argumentAt(s, last + 1)) {
      return -1;
    }
    int n = Bytes.lastIndexOfIgnoreCase(s.b, lineStartWithin(s, last, 1024), last - 3, " -n ");
    if (n < 0) {
      return -1;
    }
    int ns = n + 4;
    int ne = KeyedForms.wordEnd(s, ns);
    if (ne != last - 3) {
      return -1; // -n's setting is the word right before -v
    }
    String setting = new String(s.b, ns, ne - ns, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (setting.endsWith("_in")) {
      setting = setting.substring(0, setting.length() - 3);
    }
    DetectorType type = KeyNames.classify(setting);
    if (type == null) {
      return -1;
    }
    int start = last + 1;
    int end = KeyedForms.wordEnd(s, start);
    return !KeyValueDetector.isPlaceholder(s, start, end) && s.add(start, end, type) ? end : -1;
  }

  /**
   * At {@code " -u"} followed by its value with no blank ({@code curl -ujenkins-bot:pw URL}, as JFrog's documentation
   * writes it) on a curl line: the user and the password.
   */
  static int curlGluedUser(Scan s, int last) {
    int start = last + 1;
    int c = s.at(start);
    if (c == ' ' || c == '-' || c == 0 || c == '=' || !lineMentions(s, last, "curl")) {
      return -1;
    }
    int q = c == '\'' || c == '"' ? c : 0;
    if (q != 0) {
      start++;
    }
    int end = start;
    while (end < s.hi && end - start < 512 && (q != 0 ? s.b[end] != q && s.b[end] != '\n' : s.b[end] > ' ')) {
      end++;
    }
    int colon = Bytes.indexOf(s.b, start, end, ":");
    return colon > start && colon < end - 1 && KeyedForms.userAndSecret(s, start, colon, colon + 1, end) ? end : -1;
  }

  /**
   * At the blank of Werkzeug's {@code * Debugger PIN: 142-857-309} (Flask's development server): the PIN, which
   * unlocks a Python console in the browser for whoever reaches the server.
   */
  static int debuggerPin(Scan s, int last) {
    if (!Bytes.startsWithIgnoreCase(s.b, last - 13, last - 4, "debugger ")) {
      return -1;
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 32 && (Bytes.isDigit(s.b[end]) || s.b[end] == '-')) {
      end++;
    }
    return end - start >= 6 && s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * At {@code l> conn} of SQL*Plus's prompt ({@code SQL> CONNECT user/password@db}, {@code SQL> conn u/p}): the user
   * and the password ({@code conn / as sysdba} has neither).
   */
  static int sqlplusConnect(Scan s, int last) {
    if (!Bytes.startsWithIgnoreCase(s.b, last - 8, last - 5, "sql")) {
      return -1; // (the pattern's "l> conn" ends 8 bytes after the prompt's S)
    }
    int p = last + 1;
    if (Bytes.startsWithIgnoreCase(s.b, p, s.hi, "ect")) {
      p += 3;
    }
    if (s.at(p) != ' ') {
      return -1;
    }
    return connectString(s, p + 1, true);
  }

  /**
   * Oracle's connect string at {@code start}, {@code user/password[@db]} (sqlplus', rman's, SQL*Plus' {@code CONNECT}):
   * its user and password, up to a blank, a quote or the {@code @}; {@code quoteEnds}: a quote may end it (SQL*Plus'
   * prompt), else only a blank, the {@code @} or the text's end.
   */
  private static int connectString(Scan s, int start, boolean quoteEnds) {
    int end = start;
    int slash = -1;
    while (end - start < 256) {
      int c = s.at(end);
      if (c == 0 || Bytes.isSpace(c) || c == '@' || c == '"' || c == '\'') {
        break;
      }
      if (c == '/' && slash < 0) {
        slash = end;
      }
      end++;
    }
    int after = s.at(end);
    if (slash <= start || end <= slash + 1
        || !(quoteEnds || after == '@' || after == 0 || Bytes.isSpace(after))) {
      return -1;
    }
    return UrlUserinfoDetector.oracleLogin(s, start, slash, end);
  }

  /**
   * After {@code AUTH } at a redis-cli prompt ({@code 127.0.0.1:6379> AUTH [user] pw}) or a line's start (a session
   * pasted, a transcript): the password, the line's last word; the user before it, if any.
   */
  static int redisAuth(Scan s, int last) {
    if (s.b[last - 1] != 'H' && s.b[last - 1] != 'h') {
      return -1;
    }
    int eol = lineEndWithin(s, last, 1024);
    while (eol > last + 1 && (s.b[eol - 1] == ' ' || s.b[eol - 1] == '\r')) {
      eol--;
    }
    int words = 0;
    int second = -1;
    for (int p = last + 1; p < eol; ) {
      while (p < eol && (s.b[p] & 0xFF) <= ' ') {
        p++;
      }
      if (p >= eol) {
        break;
      }
      words++;
      if (words == 2) {
        second = p;
      }
      if (s.b[p] == '"' || s.b[p] == '\'') {
        int q = KeyValueDetector.closingQuote(s, p + 1, s.b[p]);
        if (q < 0) {
          return -1;
        }
        p = q + 1;
      } else {
        p = KeyedForms.wordEnd(s, p); // (past at least one byte: the one at p is above a blank)
      }
    }
    int first = KeyValueDetector.skipSpaces(s, last + 1);
    if (words < 1 || words > 2 || s.at(first) == '<' || isSaslMechanism(s, first, KeyedForms.wordEnd(s, first))) {
      return -1; // AUTH alone (the reply's usage), prose, a token of an earlier pass, SMTP's and IMAP's AUTH PLAIN x
    }
    int pw = words == 2 ? second : first;
    if (words == 2) {
      int ue = KeyedForms.wordEnd(s, last + 1);
      if (!KeyValueDetector.isSystemAccount(s, last + 1, ue)) {
        s.add(last + 1, ue, DetectorType.USERNAME);
      }
    }
    return secretWord(s, pw);
  }

  private static final java.util.Set<String> SASL_MECHANISMS = java.util.Set.of("plain", "login", "xoauth2",
      "oauthbearer", "cram-md5", "digest-md5", "external", "gssapi", "ntlm", "anonymous", "scram-sha-1",
      "scram-sha-256");

  /** Whether {@code [from, to)} names a SASL mechanism ({@code AUTH PLAIN}, {@code AUTH LOGIN}), any case. */
  private static boolean isSaslMechanism(Scan s, int from, int to) {
    return to - from <= 13 && SASL_MECHANISMS.contains(
        new String(s.b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * After {@code {default_pass,} or {@code {password,} (RabbitMQ's {@code advanced.config}, Erlang terms): the binary
   * or string, {@code <<"x">>} or {@code "x"}.
   */
  static int erlangSecret(Scan s, int last) {
    int p = KeyValueDetector.skipSpaces(s, last + 1);
    if (s.at(p) == '<' && s.at(p + 1) == '<') {
      p += 2;
    }
    if (s.at(p) != '"') {
      return -1;
    }
    int end = KeyValueDetector.closingQuote(s, p + 1, '"');
    return end > p + 1 && !KeyValueDetector.isPlaceholder(s, p + 1, end) && s.add(p + 1, end, DetectorType.SECRET)
        ? end : -1;
  }

  /** {@link #mosquittoPassword}'s flag: a password file comes first ({@code mosquitto_passwd -b FILE USER PW}). */
  static final int MOSQUITTO_FILE = 1;

  /**
   * Mosquitto's {@code mosquitto_passwd -b FILE USER PASSWORD} and {@code mosquitto_ctrl … dynsec setClientPassword
   * USER PASSWORD}: the user and the password.
   */
  static int mosquittoPassword(Scan s, int last, int flags) {
    int p = last + 1;
    if (flags == MOSQUITTO_FILE) {
      p = KeyedForms.wordEnd(s, p);
      if (p == last + 1 || s.at(p) != ' ') {
        return -1;
      }
      p++;
    } else if (!Bytes.startsWithIgnoreCase(s.b, last - 17, s.hi, "setclientpassword")) {
      return -1;
    }
    return userThenPassword(s, p);
  }
}
