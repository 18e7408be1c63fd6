package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The common name of a user's LDAP distinguished name, {@code CN=Jane Doe,OU=Users,DC=acme,DC=corp}, and the user
 * id of {@code uid=jdoe,ou=people,dc=acme,dc=corp}: only
 * when another RDN follows, and not when the name looks like a host ({@code CN=api.acme.internal}) or a
 * wildcard.
 */
final class DistinguishedNameDetector {
  private DistinguishedNameDetector() {}

  /** At the {@code =} of {@code cn=} (a {@link DetectorType#PERSON_NAME}) or {@code uid=} (a user name). */
  static int find(Scan s, int last, int patternLength, DetectorType type) {
    int first = last - patternLength + 1;
    if (Bytes.isWord(s.at(first - 1))) {
      int w = first;
      while (w > s.lo && first - w < 3 && Bytes.isLower(s.b[w - 1])) {
        w--;
      }
      // an audit record's auid=, euid=, suid=, fsuid=, ouid= (only as ausearch -i names them)
      return type == DetectorType.USERNAME && patternLength == 4 && !Bytes.isWord(s.at(w - 1))
          && isAuditIdPrefix(s, w, first) ? auditUser(s, first, last + 1) : -1;
    }
    int start = last + 1;
    if (type == DetectorType.USERNAME && s.at(first - 1) == '(') {
      return inFilter(s, start);
    }
    int p = start;
    boolean host = false;
    while (p - start < 128) {
      int c = s.at(p);
      if (c == '\\' && s.at(p + 1) == ',') {
        p += 2;
        continue;
      }
      if (c == 0 || c == ',' || c == '"' || c == '/' || c == '+' || c == '\n' || c == ';') {
        break;
      }
      // (a login may hold a dot, uid=a.kowalski: session 31; a common name with one is a host's)
      host |= (c == '.' && type != DetectorType.USERNAME) || c == '*';
      p++;
    }
    if (type == DetectorType.USERNAME && s.at(p) != ',' && !host) {
      return auditUser(s, first, start);
    }
    if (p == start || host || s.at(p) != ',' || !nextIsRdn(s, p + 1) || KeyValueDetector.isPlaceholder(s, start, p)) {
      return -1;
    }
    if (type == DetectorType.USERNAME && KeyValueDetector.isSystemAccount(s, start, p)) {
      return -1;
    }
    if (type == DetectorType.PERSON_NAME && (isBuiltIn(s, start, p) || namesNoPerson(s, start, p))) {
      return -1; // memberOf: CN=Domain Admins,CN=Users,DC=…: Active Directory's own containers and groups
    }
    return s.add(start, p, type) ? p : -1;
  }

  private static boolean isAuditIdPrefix(Scan s, int from, int to) {
    int n = to - from;
    return (n == 1 && (s.b[from] == 'a' || s.b[from] == 'e' || s.b[from] == 's' || s.b[from] == 'o'))
        || (n == 2 && s.b[from] == 'f' && s.b[from + 1] == 's');
  }

  /**
   * (session 31) An audit record's user ids as {@code ausearch -i} prints them, names for numbers
   * ({@code type=USER_LOGIN msg=audit(…) : pid=4242 uid=root auid=fatima.elamrani ses=3}): after {@code uid=},
   * {@code auid=}, {@code euid=}, {@code suid=}, {@code fsuid=}, {@code ouid=} on a line with {@code msg=audit(}, a value
   * that is no number, {@code unset} nor a built-in account. Returns its end, or -1.
   */
  private static int auditUser(Scan s, int first, int start) {
    int end = start;
    while (end < s.hi && end - start < 64 && s.b[end] > ' ' && s.b[end] != '\'' && s.b[end] != '"') {
      end++;
    }
    if (end == start || Bytes.isDigit(s.b[start]) || !(s.at(end) == ' ' || s.at(end) == '\n' || end == s.hi)
        || Bytes.startsWith(s.b, start, end, "unset") || KeyValueDetector.isSystemAccount(s, start, end)
        || !CommandLineDetector.lineMentions(s, first, "msg=audit(")) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * Active Directory's built-in containers and groups, the diagnostic content of a group membership or an object's
   * place: no person's name.
   */
  private static final java.util.Set<String> BUILT_IN = java.util.Set.of("users", "builtin", "computers", "system",
      "configuration", "schema", "services", "domain controllers", "foreignsecurityprincipals", "managed service accounts",
      "program data", "microsoft", "policies", "domain admins", "domain users", "domain guests", "domain computers",
      "enterprise admins", "schema admins", "administrators", "guests", "account operators", "server operators",
      "backup operators", "print operators", "remote desktop users", "group policy creator owners", "dnsadmins",
      "protected users", "cert publishers", "read-only domain controllers", "key admins", "enterprise key admins");

  /**
   * Words of a certificate authority's, a group's or a service's common name that no person's name holds
   * ({@code CN=DigiCert Global Root CA}, {@code CN=Kubernetes Intermediate Authority}, {@code CN=Grafana Admins}).
   */
  private static final java.util.Set<String> NO_PERSON_WORDS = java.util.Set.of("ca", "authority", "certificate",
      "certification", "intermediate", "issuing", "admins", "administrators", "groups", "users", "operators",
      "services", "servers", "developers", "engineers", "kubernetes", "etcd", "signing", "tls", "ssl", "rsa", "ecc",
      "ecdsa", "team", "department", "readers", "writers", "owners", "members", "computers",
      // (session 22) the words of objects' title-case names under a name key: "Bootstrap Token" (Nomad),
      // "Default Policy", "Production Cluster", "Order Service"
      "token", "tokens", "policy", "policies", "cluster", "service", "server", "group", "role", "roles", "account",
      "accounts", "bucket", "queue", "topic", "database", "pipeline", "project", "job", "task", "default",
      "production", "staging", "backup", "bootstrap", "management", "admin", "api", "application", "gateway", "proxy",
      "agent", "worker", "scheduler", "controller", "dashboard", "config", "configuration", "settings", "template",
      "instance", "volume", "network", "region", "cron", "webhook", "integration", "plugin", "workflow");

  /**
   * Whether a common name is no person's: it holds a digit or a colon (Let's Encrypt's {@code R3}, {@code GTS CA 1C3},
   * Kubernetes' {@code system:node:worker-1}) or one of {@link #NO_PERSON_WORDS}.
   */
  private static boolean namesNoPerson(Scan s, int start, int end) {
    for (int p = start; p < end; p++) {
      if (Bytes.isDigit(s.b[p]) || s.b[p] == ':') {
        return true;
      }
    }
    return holdsNoPersonWord(s, start, end);
  }

  /** Whether a word of {@code [start, end)} (between blanks, dashes, underscores) is one of {@link #NO_PERSON_WORDS}. */
  static boolean holdsNoPersonWord(Scan s, int start, int end) {
    int w = start;
    for (int p = start; p <= end; p++) {
      int c = p < end ? s.b[p] : ' ';
      if (c == ' ' || c == '-' || c == '_') {
        if (p - w >= 2 && p - w <= 14 && NO_PERSON_WORDS.contains(
            new String(s.b, w, p - w, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT))) {
          return true;
        }
        w = p + 1;
      }
    }
    return false;
  }

  private static boolean isBuiltIn(Scan s, int start, int end) {
    return end - start <= 32
        && BUILT_IN.contains(new String(s.b, start, end - start, java.nio.charset.StandardCharsets.US_ASCII)
            .toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * An LDAP search filter's user ({@code (uid=alice)}, {@code (&(objectClass=posixAccount)(uid=alice))},
   * {@code (sAMAccountName=alice)}, as slapd's {@code SRCH … filter="…"} and SSSD, nslcd or an application log
   * them): the value to the closing parenthesis; a value with a wildcard ({@code (uid=*)}, {@code (uid=al*)}) or a
   * placeholder ({@code (uid=%s)}, {@code (uid={0})}) stays, and so does a number (pam's {@code (uid=1000)}).
   */
  private static int inFilter(Scan s, int start) {
    int p = start;
    while (p - start < 128 && s.at(p) != ')' && s.at(p) != '(' && s.at(p) != '*' && s.at(p) != 0
        && s.at(p) != '"' && s.at(p) != '\n' && s.at(p) != ',') {
      p++;
    }
    // (pam's (uid=1000); an id list's (uid=11104, gid=11100): no filter)
    if (p == start || s.at(p) != ')' || Bytes.digitRun(s.b, start, p, 128) == p - start
        || KeyValueDetector.isPlaceholder(s, start, p)
        || KeyValueDetector.isSystemAccount(s, start, p)) {
      return -1;
    }
    return s.add(start, p, DetectorType.USERNAME) ? p : -1;
  }

  private static boolean nextIsRdn(Scan s, int p) {
    while (s.at(p) == ' ') {
      p++;
    }
    return Bytes.startsWithIgnoreCase(s.b, p, s.hi, "ou=") || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "dc=")
        || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "o=") || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "cn=")
        || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "l=") || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "c=");
  }
}
