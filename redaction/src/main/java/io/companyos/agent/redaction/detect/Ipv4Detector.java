package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * IPv4 addresses: four decimal octets of at most 255 without leading zeros. Not redacted: loopback
 * ({@code 127.0.0.0/8}), {@code 0.0.0.0/8}, netmasks ({@code 255.…}), the clouds' fixed metadata and platform
 * addresses ({@link #isCloudPlatform}), and dotted numbers that are part of
 * something longer or that follow a version-like word or a product name, such as {@code 10.0.19045.3930},
 * {@code Chrome/122.0.0.0}, {@code 1.3.6.1.4.1…} or {@code OID 2.5.29.17}. The user after a client address in an
 * access log ({@code 10.1.2.3 - jdoe [26/Nov/2026:…}) is a user name, after a loopback address too.
 */
final class Ipv4Detector {
  private static final String[] VERSION_WORDS = {
    "version", "ver", "release", "build", "kernel", "oid", "firmware", "fw", "java", "jdk", "os",
    // (session 29) the same word in other languages (Versión 4.2.7.0, έκδοση 4.2.7.0, версия 10.0.19045.3930)
    "versión", "versão", "versione", "versie", "wersja", "verze", "verzió", "sürüm", "έκδοση", "Έκδοση", "версия",
    "Версия", "версія", "Версія", "バージョン", "版本", "버전"
  };

  /** {@link #VERSION_WORDS} in UTF-8 (the other languages' words are longer in bytes than in characters). */
  private static final byte[][] VERSION_BYTES = java.util.Arrays.stream(VERSION_WORDS)
      .map(w -> w.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);

  private Ipv4Detector() {}

  /** Whether the bytes before {@code end} (at least {@code from}) are {@code w}, ASCII letters in either case. */
  private static boolean endsWith(Scan s, int from, int end, byte[] w) {
    return end - from >= w.length && Bytes.equalsFolded(s.b, end - w.length, w);
  }

  /** At a digit that starts a word. */
  static int find(Scan s, int start) {
    int prev = s.at(start - 1);
    if ((prev == '.' && !Bytes.afterEllipsis(s.b, start)) || (prev == '/' && afterProductName(s, start - 1))) {
      return -1;
    }
    int[] o = s.scratch;
    int end = parse(s, start, o);
    if (end < 0) {
      return -1;
    }
    int next = s.at(end);
    if (Bytes.isWord(next) || (next == '.' && Bytes.isDigit(s.at(end + 1)) && !tcpdumpPort(s, start, end))) {
      return -1;
    }
    if (o[0] == 127 || o[0] == 0 || o[0] == 255 || isCloudPlatform(o)) {
      return remoteUser(s, end);
    }
    if (afterVersionWord(s, start)) {
      return -1;
    }
    if (!s.add(start, end, DetectorType.IPV4)) {
      return -1;
    }
    if (prev == '/' && s.at(end) == ':') {
      LoginLogDetector.openvpnClient(s, start - 1); // OpenVPN's "alice/192.0.2.10:50000 " line prefix
    } else if (prev == ' ') {
      iisUser(s, start);
    }
    return Math.max(end, remoteUser(s, end));
  }

  /**
   * The clouds' own fixed addresses, the same on every customer's machines and so no customer data: the instance
   * metadata service ({@code 169.254.169.254}: AWS, Azure, GCP, OpenStack), ECS's task metadata
   * ({@code 169.254.170.2}) and Azure's platform endpoint ({@code 168.63.129.16}). A support engineer needs to read
   * "connect to 169.254.169.254 timed out" as it was written.
   */
  static boolean isCloudPlatform(int[] o) {
    return (o[0] == 169 && o[1] == 254 && ((o[2] == 169 && o[3] == 254) || (o[2] == 170 && o[3] == 2)))
        || (o[0] == 168 && o[1] == 63 && o[2] == 129 && o[3] == 16);
  }

  /**
   * At {@code ip-} of AWS's private EC2 host names, {@code ip-10-20-3-44} (the short form in a syslog line's host
   * field, a runner's "Machine name"; {@code ip-10-20-3-44.eu-west-1.compute.internal} whole is the host detector's):
   * the address the name spells, an IPv4 address like any other; only where the name ends.
   */
  static int ec2PrivateName(Scan s, int last) {
    int first = last - 2;
    if (Bytes.isAlnum(s.at(first - 1)) || s.at(first - 1) == '-' || !s.enabled(DetectorType.IPV4)) {
      return -1;
    }
    int start = last + 1;
    int p = dashedAddressEnd(s, start);
    if (p < 0) {
      return -1;
    }
    int c = s.at(p);
    if (Bytes.isWord(c) || c == '-' || (c == '.' && Bytes.isAlnum(s.at(p + 1)))) {
      return -1; // (the full name, ip-10-20-3-44.eu-west-1.compute.internal, is the host detector's, whole)
    }
    return s.add(start, p, DetectorType.IPV4) ? p : -1; // (ip- stays: the name's kind, as ec2-'s)
  }

  /**
   * At {@code ec2-} of AWS's public EC2 host names, {@code ec2-54-12-34-56.eu-west-1.compute.amazonaws.com}: the
   * address the name spells ({@code 54-12-34-56}), an IPv4 address like any other (the vendor's domain stays).
   */
  static int ec2PublicName(Scan s, int last) {
    if (Bytes.isAlnum(s.at(last - 4)) || !s.enabled(DetectorType.IPV4)) {
      return -1;
    }
    int start = last + 1;
    int p = dashedAddressEnd(s, start);
    return p > 0 && s.at(p) == '.' && Bytes.indexOf(s.b, p, Math.min(s.hi, p + 64), ".amazonaws.com") > 0
        && s.add(start, p, DetectorType.IPV4) ? p : -1;
  }

  /**
   * The end of an address spelled with dashes at {@code start}, as EC2's host names spell it ({@code 10-20-3-44}:
   * four octets of at most 255 without leading zeros), or -1.
   */
  private static int dashedAddressEnd(Scan s, int start) {
    int p = start;
    for (int octet = 0; octet < 4; octet++) {
      int d = p;
      int v = 0;
      while (Bytes.isDigit(s.at(p)) && p - d < 3) {
        v = v * 10 + s.b[p] - '0';
        p++;
      }
      if (p == d || v > 255 || (p - d > 1 && s.b[d] == '0') || (octet < 3 && s.at(p) != '-')) {
        return -1;
      }
      if (octet < 3) {
        p++;
      }
    }
    return p;
  }

  /**
   * tcpdump's address and port, {@code IP 10.1.2.3.51234 > 203.0.113.7.443: Flags [S]}: after {@code IP } or
   * {@code > }, a port of 1-5 digits after the address's dot, then {@code " > "} or {@code ":"} (not a version's
   * fifth part, {@code 10.0.19045.3930}).
   */
  private static boolean tcpdumpPort(Scan s, int start, int end) {
    boolean before = (s.at(start - 1) == ' ' && s.at(start - 2) == 'P' && s.at(start - 3) == 'I')
        || (s.at(start - 1) == ' ' && s.at(start - 2) == '>');
    if (!before) {
      return false;
    }
    int p = end + 1;
    while (Bytes.isDigit(s.at(p)) && p - end <= 5) {
      p++;
    }
    return s.at(p) == ':' || (s.at(p) == ' ' && s.at(p + 1) == '>' && s.at(p + 2) == ' ');
  }

  /**
   * Before the client address of IIS's W3C log in its default fields ({@code date time s-ip cs-method cs-uri-stem
   * cs-uri-query s-port cs-username c-ip …}: {@code 2026-01-12 10:11:12 10.0.0.1 GET /app - 443 jdoe 10.1.2.4
   * Mozilla/5.0 …}): the authenticated user between the server's port and the client's address, on a line that starts
   * with the W3C date and time; {@code -} stays.
   */
  private static void iisUser(Scan s, int start) {
    int ue = start - 1;
    int us = ue;
    while (us > s.lo && ue - us < 128 && s.b[us - 1] != ' ' && s.b[us - 1] != '\n') {
      us--;
    }
    if (us == ue || s.at(us - 1) != ' ' || (ue - us == 1 && s.b[us] == '-')) {
      return;
    }
    int pe = us - 1;
    int ps = pe;
    while (ps > s.lo && pe - ps < 6 && Bytes.isDigit(s.b[ps - 1])) {
      ps--;
    }
    if (ps == pe || s.at(ps - 1) != ' ') {
      return;
    }
    int ls = ps;
    while (ls > s.lo && ps - ls < 4096 && s.b[ls - 1] != '\n') {
      ls--;
    }
    if (!(Bytes.isDigit(s.at(ls)) && Bytes.isDigit(s.at(ls + 3)) && s.at(ls + 4) == '-' && s.at(ls + 7) == '-'
        && s.at(ls + 10) == ' ' && s.at(ls + 13) == ':' && s.at(ls + 16) == ':' && s.at(ls + 19) == ' ')
        || KeyValueDetector.isSystemAccount(s, us, ue) || KeyValueDetector.isPlaceholder(s, us, ue)) {
      return;
    }
    // the server's address, then the method in capitals (GET, POST, PROPFIND, RPC_IN_DATA)
    int m = ls + 20;
    while (m < ps && (Bytes.isDigit(s.b[m]) || s.b[m] == '.' || s.b[m] == ':' || Bytes.isHex(s.b[m]))) {
      m++;
    }
    int me = m + 1;
    while (me < ps && (Bytes.isUpper(s.b[me]) || s.b[me] == '_')) {
      me++;
    }
    if (m == ls + 20 || s.at(m) != ' ' || me - m < 4 || s.at(me) != ' ') {
      return;
    }
    s.add(us, ue, DetectorType.USERNAME);
  }

  /**
   * After the client address of an access log in the common or combined format ({@code ADDRESS - USER [26/Nov/…}):
   * the user of HTTP authentication (nginx's {@code $remote_user}, Apache's {@code %u}), or -1; {@code -} and
   * {@code root} stay.
   */
  private static int remoteUser(Scan s, int end) {
    if (s.at(end) == '|') {
      return pipedUser(s, end);
    }
    if (s.at(end) == ' ' && s.at(end + 1) != '-') {
      return atlassianUser(s, end);
    }
    if (s.at(end) != ' ' || s.at(end + 1) != '-' || s.at(end + 2) != ' ' || s.at(end + 3) == '-') {
      return -1;
    }
    int us = end + 3;
    int ue = us;
    while (ue - us < 64 && s.at(ue) > ' ' && s.at(ue) != '[' && s.at(ue) != '"') {
      ue++;
    }
    if (ue == us || s.at(ue) != ' ' || s.at(ue + 1) != '[' || !Bytes.isDigit(s.at(ue + 2))
        || KeyValueDetector.isSystemAccount(s, us, ue) || KeyValueDetector.isPlaceholder(s, us, ue)) {
      return -1;
    }
    return s.add(us, ue, DetectorType.USERNAME) ? ue : -1;
  }

  /**
   * Atlassian's access logs, the user after a request id ({@code 638x4821x2}, digits {@code x} digits {@code x} digits,
   * a letter before it in Bitbucket's): Jira's and Confluence's {@code ADDRESS REQUEST-ID USER [12/Nov/2024:…]},
   * Bitbucket's {@code ADDRESS | https | o1194x2281x3 | USER | 2024-…}; {@code -} and {@code anonymous} stay.
   */
  private static int atlassianUser(Scan s, int end) {
    boolean piped = s.at(end + 1) == '|';
    int p = end + 1;
    if (piped) { // | proto | : the protocol's word, then the request id's column
      p = end + 3;
      while (Bytes.isAlpha(s.at(p)) && p - end < 12) {
        p++;
      }
      if (s.at(p) != ' ' || s.at(p + 1) != '|' || s.at(p + 2) != ' ') {
        return -1;
      }
      p += 3;
    }
    int id = p;
    if (Bytes.isAlpha(s.at(p))) {
      p++;
    }
    for (int part = 0; part < 3; part++) {
      int n = Bytes.digitRun(s.b, p, s.hi, 12);
      if (n == 0 || (part < 2 && s.at(p + n) != 'x')) {
        return -1;
      }
      p += n + (part < 2 ? 1 : 0);
    }
    if (p - id < 5) {
      return -1;
    }
    String sep = piped ? " | " : " ";
    if (!Bytes.startsWith(s.b, p, s.hi, sep)) {
      return -1;
    }
    int us = p + sep.length();
    int ue = us;
    while (ue - us < 64 && s.at(ue) > ' ' && s.at(ue) != '|' && s.at(ue) != '[') {
      ue++;
    }
    boolean followed = piped ? Bytes.startsWith(s.b, ue, s.hi, " | ") : s.at(ue) == ' ' && s.at(ue + 1) == '['
        && Bytes.isDigit(s.at(ue + 2));
    if (ue == us || !followed || (ue - us == 1 && s.b[us] == '-') || Bytes.startsWith(s.b, us, ue, "anonymous")
        || KeyValueDetector.isSystemAccount(s, us, ue) || KeyValueDetector.isPlaceholder(s, us, ue)) {
      return -1;
    }
    return s.add(us, ue, DetectorType.USERNAME) ? ue : -1;
  }

  /**
   * A pipe-separated request log's user after the client address ({@code …|10.1.2.3|jdoe|GET|/api/…|200|…}, Artifactory's
   * {@code request.log}): the field between the address and an HTTP method's; {@code -}, {@code anonymous} and
   * {@code root} stay.
   */
  private static int pipedUser(Scan s, int end) {
    int us = end + 1;
    int ue = us;
    while (ue - us < 64 && s.at(ue) > ' ' && s.at(ue) != '|') {
      ue++;
    }
    int m = ue + 1;
    int me = m;
    while (me - m < 8 && Bytes.isUpper(s.at(me))) {
      me++;
    }
    if (ue == us || s.at(ue) != '|' || s.at(me) != '|' || !isHttpMethod(s, m, me)
        || (ue - us == 1 && s.b[us] == '-') || Bytes.startsWith(s.b, us, ue, "anonymous")
        || KeyValueDetector.isSystemAccount(s, us, ue) || KeyValueDetector.isPlaceholder(s, us, ue)) {
      return -1;
    }
    return s.add(us, ue, DetectorType.USERNAME) ? ue : -1;
  }

  private static boolean isHttpMethod(Scan s, int m, int me) {
    for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"}) {
      if (me - m == method.length() && Bytes.startsWith(s.b, m, me, method)) {
        return true;
      }
    }
    return false;
  }

  /** Parses a dotted quad at {@code p} into {@code octets[0..3]}; returns its end or -1. */
  static int parse(Scan s, int p, int[] octets) {
    for (int k = 0; k < 4; k++) {
      int n = Bytes.digitRun(s.b, p, s.hi, 4);
      if (n == 0 || n > 3 || (n > 1 && s.b[p] == '0')) {
        return -1;
      }
      int v = Bytes.parseInt(s.b, p, p + n);
      if (v > 255) {
        return -1;
      }
      octets[k] = v;
      p += n;
      if (k < 3) {
        if (s.at(p) != '.') {
          return -1;
        }
        p++;
      }
    }
    return p;
  }

  /**
   * {@code Chrome/122.0.0.0}: a capitalised product token without dots before the slash; not a host name with a
   * digit, a dash or an underscore ({@code DB01/10.0.0.5} of Java's {@code InetSocketAddress}, {@code WIN-SQL01/…},
   * Squid's {@code HIER_DIRECT/192.0.2.20}).
   */
  private static boolean afterProductName(Scan s, int slash) {
    int p = slash - 1;
    boolean hostLike = false;
    while (p >= s.lo && slash - p <= 32 && (Bytes.isAlnum(s.b[p]) || s.b[p] == '_' || s.b[p] == '-')) {
      hostLike |= !Bytes.isAlpha(s.b[p]);
      p--;
    }
    return s.at(p) != '.' && p != slash - 1 && !hostLike && Bytes.isUpper(s.at(p + 1));
  }

  /**
   * Before the opening quote of {@code "value"} at {@code quote}: whether a {@code "name"} field ending in a version
   * word precedes it ({@code "name": "X-Client-Version",}, also on the line before).
   */
  private static boolean namedVersion(Scan s, int quote) {
    int p = KeyedForms.skipWhiteBack(s, quote - 1);
    if (s.at(p) != ',' || s.at(p - 1) != '"') {
      return false;
    }
    int end = p - 1;
    int k = end - 1;
    while (k > s.lo && end - k < 64 && s.b[k] != '"') {
      k--;
    }
    if (s.at(k) != '"') {
      return false;
    }
    for (byte[] w : VERSION_BYTES) {
      if (endsWith(s, k + 1, end, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean afterVersionWord(Scan s, int start) {
    int p = start - 1;
    int skipped = 0;
    while (skipped < 4 && (s.at(p) == ' ' || s.at(p) == '=' || s.at(p) == ':' || s.at(p) == '"')) {
      p--;
      skipped++;
    }
    int end = p + 1;
    while (end - p <= 24 && (Bytes.isAlpha(s.at(p)) || s.at(p) == '_' || s.at(p) == '.' || s.at(p) >= 0x80)) {
      p--; // (letters of other scripts too: versión, έκδοση)
    }
    int len = end - (p + 1);
    if (len == 0) {
      return false;
    }
    if (skipped == 1 && len >= 3 && s.at(end - 1) == 'S' && s.at(end - 2) == 'O') {
      return true; // a network OS's version after its name: ArubaOS 8.11.2.1, FortiOS, RouterOS, PAN-OS, NX-OS
    }
    if (len == 5 && Bytes.startsWith(s.b, p + 1, end, "value") && s.at(p) == '"') {
      return namedVersion(s, p); // a HAR file's header, {"name": "X-Client-Version", "value": "2.14.3.1"}
    }
    for (byte[] w : VERSION_BYTES) {
      if (endsWith(s, p + 1, end, w) && (len == w.length || !Bytes.isAlpha(s.at(end - w.length - 1)))) {
        return true;
      }
    }
    return false;
  }
}
