package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A person's names and street address in FHIR resources (HL7 FHIR's JSON, R4 and DSTU2/STU3), as FHIR servers and
 * integrations log them whole: HAPI FHIR's request and response logging, Azure's and Google's Healthcare APIs' client
 * logs, Epic and Cerner integration engines' {@code Upserting resource: {…}}, on one line, pretty-printed over many, in
 * a {@code Bundle}'s {@code entry}, or JSON-escaped in a log's JSON message string ({@code \"family\": \"Nguyen\"}).
 * FHIR's keys are generic words ({@code family}, {@code given}, {@code text}, {@code line}, {@code display}) that
 * other JSON uses for other things: Node.js's {@code os.networkInterfaces()} has {@code "family":"IPv4"}, a stack
 * frame {@code "line":42}, a FHIR coding itself {@code "display":"Body weight"}. So nothing is found at those keys;
 * three precise anchors lead to them instead:
 *
 * <ul>
 *   <li>{@code "resourceType"} (exactly so, the quotes checked, JSON-escaped or not) whose value is {@code Patient},
 *       {@code Practitioner}, {@code RelatedPerson} or {@code Person}: the object that holds it (found back from the
 *       key, {@value #MAX} bytes at most: Google's Healthcare API sorts the keys, so the {@code resourceType} comes
 *       last there; HAPI and Azure write it first) is that person's resource, whose own members are read (nothing
 *       deeper, so a {@code contained} resource counts only by its own {@code resourceType}):
 *       {@code name}, a list of HumanNames, and {@code contact}'s {@code name}, a HumanName: its {@code family} (a
 *       string; DSTU2's a list), each string of {@code given} and its {@code text} as {@code name} ({@code prefix}
 *       and {@code suffix}, {@code Dr.}, {@code Jr}, and {@code use} stay); {@code address}, a list of Addresses
 *       (and {@code contact}'s {@code address}, one): each string of {@code line} and the {@code text} as
 *       {@code address} ({@code city}, {@code state}, {@code postalCode} stay). The date of birth, the
 *       {@code telecom} values and the e-mail addresses are other detectors' (a {@code birthDate} key, a phone's
 *       and an e-mail address's shapes);
 *   <li>a {@code "reference"} key whose value names a person, {@code Patient/…}, {@code Practitioner/…},
 *       {@code RelatedPerson/…} or {@code Person/…} (relative, absolute {@code https://…/Patient/p1}, or with
 *       {@code /_history/2}), in any resource ({@code Observation.subject}, {@code Encounter.participant},
 *       {@code Patient.generalPractitioner}): the {@code display} of the same object, before or after it, as
 *       {@code name}. A reference to an {@code Organization} or a {@code Location} keeps its display, and so does
 *       a coding's ({@code "display":"Body weight"}: no reference beside it);
 *   <li>a search of one of those four types, {@code /Patient?} in a URL (the type in its capitals, after a
 *       {@code /}: {@code /api/patient?name=} of another API stays), also in a Bundle's {@code self} link, and
 *       HAPI's access log's {@code Params[?…]} after {@code Operation[search-type  Patient]}: the values of
 *       {@code family=}, {@code given=}, {@code name=} (as {@code name}) and {@code address=} (as {@code address}),
 *       also with {@code :exact} or {@code :contains}, each up to a {@code &}, a blank, {@code ]}, a quote or a
 *       backslash ({@code name:missing=true} and the other parameters stay).
 * </ul>
 *
 * The anchors' first bytes are rare in logs: {@code cetype} of {@code resourceType}, {@code eference} of
 * {@code reference}, the search types' {@code nt?}, {@code on?} and {@code pra}, {@code s[?} of {@code Params[?}
 * (TriggerCatalog counts them). A value is a JSON string's content as written (a JSON-escaped one with its escapes);
 * an empty string, {@code null} and a token of an earlier redaction stay, so redacting twice equals once. The spans
 * are kept and the pass goes on (a phone number, an e-mail address, a date of birth there is found as anywhere).
 * A pass reads at most {@value #BUDGET} times its range here (see {@link #overBudget}). A pretty-printed resource
 * that a stream's window cut splits between its {@code resourceType} and its names keeps the names on the other side
 * of the cut (the cut falls on a line end about every MiB; a resource on one line is never split).
 */
final class FhirDetector {
  private FhirDetector() {}

  /** At {@code cetype} of {@code "resourceType"}. */
  static final int RESOURCE = 0;
  /** At {@code eference} of {@code "reference"}. */
  static final int REFERENCE = 1;
  /** At the {@code ?} of a search's {@code /Patient?} (and the other three types). */
  static final int SEARCH = 2;
  /** At the {@code ?} of HAPI's {@code Params[?}. */
  static final int HAPI_PARAMS = 3;

  /** How far a resource is read, back to its start and on to its end; a query string, a log line back. */
  static final int MAX = 64 * 1024;
  private static final int MAX_QUERY = 4 * 1024;
  /** The bytes a pass may read here per byte of its range (see {@link #overBudget}). */
  private static final long BUDGET = 8;

  private static final String[] PERSON_TYPES = {"Patient", "Practitioner", "RelatedPerson", "Person"};

  /** At the last byte of one of the patterns ({@code kind}, above). */
  static int find(Scan s, int last, int kind) {
    if ((!s.enabled(DetectorType.PERSON_NAME) && !s.enabled(DetectorType.STREET_ADDRESS)) || overBudget(s)) {
      return -1;
    }
    switch (kind) {
      case RESOURCE:
        resource(s, last);
        break;
      case REFERENCE:
        reference(s, last);
        break;
      case SEARCH:
        search(s, last);
        break;
      case HAPI_PARAMS:
        hapiParams(s, last);
        break;
      default:
        break;
    }
    return -1; // the spans are kept; the pass goes on over the values
  }

  /** At {@code cetype}: a person's resource when the key is {@code "resourceType"} and its value a person type. */
  private static void resource(Scan s, int last) {
    Json j = key(s, last - 11, last + 1, "resourceType");
    if (j == null) {
      return;
    }
    int v = j.valueStart(j.after(last + 1));
    int end = v < 0 || !j.quoteAt(v) ? -1 : j.stringEnd(v);
    if (end < 0 || !isPersonType(s, j.contentStart(v), end)) {
      return;
    }
    int open = objectStart(s, last - 12 - j.level, j.level);
    if (open >= 0) {
      j.members(open, FhirDetector::resourceMember);
    }
  }

  /** At {@code eference}: the display beside a {@code "reference"} to a person. */
  private static void reference(Scan s, int last) {
    Json j = key(s, last - 8, last + 1, "reference");
    if (j == null) {
      return;
    }
    int open = objectStart(s, last - 9 - j.level, j.level);
    if (open < 0) {
      return;
    }
    int[] found = {-1, -1, -1, -1}; // the reference's content and end, the display's
    j.members(open, (jj, key, keyEnd, value) -> {
      if (jj.quoteAt(value) && (jj.is(key, keyEnd, "reference") || jj.is(key, keyEnd, "display"))) {
        int k = jj.is(key, keyEnd, "reference") ? 0 : 2;
        found[k] = jj.contentStart(value);
        found[k + 1] = jj.stringEnd(value);
      }
    });
    if (found[1] > 0 && found[3] > 0 && namesPerson(s, found[0], found[1])) {
      value(s, found[2], found[3], DetectorType.PERSON_NAME);
    }
  }

  /** A member of a person's resource: its names, its addresses, its contacts'. */
  private static void resourceMember(Json j, int key, int keyEnd, int value) {
    if (j.is(key, keyEnd, "name")) {
      j.objects(value, FhirDetector::nameMember);
    } else if (j.is(key, keyEnd, "address")) {
      j.objects(value, FhirDetector::addressMember);
    } else if (j.is(key, keyEnd, "contact")) {
      j.objects(value, FhirDetector::contactMember);
    }
  }

  /** A member of Patient's {@code contact}: its {@code name} (one HumanName) and {@code address} (one Address). */
  private static void contactMember(Json j, int key, int keyEnd, int value) {
    if (j.is(key, keyEnd, "name")) {
      j.objects(value, FhirDetector::nameMember);
    } else if (j.is(key, keyEnd, "address")) {
      j.objects(value, FhirDetector::addressMember);
    }
  }

  /** A member of a HumanName: {@code family}, {@code given}, {@code text}. */
  private static void nameMember(Json j, int key, int keyEnd, int value) {
    if (j.is(key, keyEnd, "family") || j.is(key, keyEnd, "given") || j.is(key, keyEnd, "text")) {
      j.strings(value, DetectorType.PERSON_NAME);
    }
  }

  /** A member of an Address: {@code line}, {@code text}. */
  private static void addressMember(Json j, int key, int keyEnd, int value) {
    if (j.is(key, keyEnd, "line") || j.is(key, keyEnd, "text")) {
      j.strings(value, DetectorType.STREET_ADDRESS);
    }
  }

  /**
   * At the {@code ?} of {@code /Patient?}, {@code /Practitioner?}, {@code /RelatedPerson?} or {@code /Person?}: the
   * path segment before it, in FHIR's capitals, is one of the four types.
   */
  private static void search(Scan s, int last) {
    int from = last;
    while (from > s.lo && last - from < 13 && Bytes.isAlpha(s.b[from - 1])) {
      from--;
    }
    if (s.at(from - 1) == '/' && isPersonType(s, from, last)) {
      query(s, last + 1);
    }
  }

  /**
   * At the {@code ?} of HAPI's {@code Params[?}: its LoggingInterceptor's default line names the search before it,
   * {@code Operation[search-type  Patient]} (the operation's name, empty for a search, between two blanks).
   */
  private static void hapiParams(Scan s, int last) {
    int params = last - 7;
    if (!Bytes.startsWith(s.b, params, s.hi, "Params[")) {
      return;
    }
    int ls = params;
    while (ls > s.lo && params - ls < MAX_QUERY && s.b[ls - 1] != '\n') {
      ls--;
    }
    s.fhirWork += params - ls;
    String op = "Operation[search-type ";
    int o = Bytes.indexOf(s.b, ls, params, op);
    if (o < 0) {
      return;
    }
    int type = o + op.length();
    while (type < params && s.b[type] == ' ') {
      type++;
    }
    int end = type;
    while (end < params && Bytes.isAlpha(s.b[end])) {
      end++;
    }
    if (s.at(end) == ']' && isPersonType(s, type, end)) {
      query(s, last + 1);
    }
  }

  /**
   * The query string from {@code p}: the values of {@code family}, {@code given}, {@code name} and {@code address}
   * (plain, {@code :exact}, {@code :contains}; HTML's {@code &amp;} as {@code &}).
   */
  private static void query(Scan s, int p) {
    int limit = Math.min(s.hi, p + MAX_QUERY);
    while (p < limit) {
      int eq = p;
      while (eq < limit && s.b[eq] != '=' && s.b[eq] != '&' && !endsValue(s.b[eq])) {
        eq++;
      }
      if (eq >= limit || s.b[eq] != '=') {
        s.fhirWork += eq + 1 - p;
        if (eq < limit && s.b[eq] == '&') {
          p = pastAmpersand(s, eq);
          continue;
        }
        return;
      }
      int v = eq + 1;
      int end = v;
      if (s.at(v) == '<' && s.tokenEnd(v) > v) {
        end = s.tokenEnd(v); // a token of an earlier redaction
      } else {
        while (end < limit && s.b[end] != '&' && !endsValue(s.b[end])) {
          end++;
        }
        DetectorType type = parameterType(s, p, eq);
        if (type != null) {
          value(s, v, end, type);
        }
      }
      s.fhirWork += end + 1 - p;
      if (end >= limit || s.b[end] != '&') {
        return;
      }
      p = pastAmpersand(s, end);
    }
  }

  /** The type of a search parameter's value ({@code [from, to)}, its name and modifier), or null. */
  private static DetectorType parameterType(Scan s, int from, int to) {
    int colon = from;
    while (colon < to && s.b[colon] != ':') {
      colon++;
    }
    if (colon < to && !is(s, colon, to, ":exact") && !is(s, colon, to, ":contains")) {
      return null; // another modifier (:missing=true, :not, :above) holds no name
    }
    if (is(s, from, colon, "family") || is(s, from, colon, "given") || is(s, from, colon, "name")) {
      return DetectorType.PERSON_NAME;
    }
    return is(s, from, colon, "address") ? DetectorType.STREET_ADDRESS : null;
  }

  private static int pastAmpersand(Scan s, int amp) {
    return Bytes.startsWith(s.b, amp + 1, s.hi, "amp;") ? amp + 5 : amp + 1;
  }

  /** Where a query string's value ends: a blank, a bracket, a quote or a backslash (a JSON string's), a fragment. */
  private static boolean endsValue(int c) {
    return c == ' ' || c == ']' || c == '"' || c == '\\' || c == '\'' || c == '#' || (c >= 0 && c < ' ');
  }

  /**
   * Whether this pass has read more bytes here than {@value #BUDGET} times its range, plus a resource's worth: then
   * the text is no FHIR a server wrote but a repetition that would make each anchor read the same {@value #MAX}
   * bytes again ({@code "resourceType":"Patient"} a thousand times over with no object around it, objects opened
   * and never closed, {@code /Patient?} inside a long query), and the rest of the pass goes without. FHIR as written
   * is read about once (a contained person's resource twice), so the budget ends no real resource's reading.
   */
  private static boolean overBudget(Scan s) {
    long range = Math.max(0L, (long) s.patternLimit - s.patternFrom);
    return s.fhirWork > BUDGET * Math.min(range, Integer.MAX_VALUE) + 4L * MAX;
  }

  /** Whether {@code [from, to)} is {@code Patient}, {@code Practitioner}, {@code RelatedPerson} or {@code Person}. */
  private static boolean isPersonType(Scan s, int from, int to) {
    for (String t : PERSON_TYPES) {
      if (is(s, from, to, t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a reference's value {@code [from, to)} names a person: its last two path segments (before a
   * {@code /_history/n}) are a person type and an id.
   */
  private static boolean namesPerson(Scan s, int from, int to) {
    int history = Bytes.indexOf(s.b, from, to, "/_history/");
    int end = history >= 0 ? history : to;
    int slash = end - 1;
    while (slash > from && s.b[slash] != '/') {
      slash--;
    }
    if (slash <= from || slash == end - 1) {
      return false;
    }
    int type = slash;
    while (type > from && s.b[type - 1] != '/') {
      type--;
    }
    return isPersonType(s, type, slash);
  }

  /** Adds {@code [from, to)} unless it is empty or blank or a token of an earlier redaction. */
  private static void value(Scan s, int from, int to, DetectorType type) {
    boolean data = false;
    for (int p = from; p < to && !data; p++) {
      data = s.b[p] != ' ';
    }
    if (data && !(s.b[from] == '<' && s.tokenEnd(from) == to)) {
      s.add(from, to, type);
    }
  }

  /** Whether {@code [from, to)} is {@code word}, exactly. */
  private static boolean is(Scan s, int from, int to, String word) {
    return to - from == word.length() && Bytes.startsWith(s.b, from, to, word);
  }

  /**
   * The reader of a key found at {@code [from, closing)}: when it is {@code word}, exactly, between a JSON string's
   * quotes ({@code "word"}) or a JSON-escaped one's ({@code \"word\"}, a JSON document in a log's JSON message): a
   * reader of that level; else null.
   */
  private static Json key(Scan s, int from, int closing, String word) {
    if (from - 1 < s.lo || !Bytes.startsWith(s.b, from, s.hi, word) || s.b[from - 1] != '"') {
      return null;
    }
    int level = backslashes(s, from - 1, Math.max(s.lo, from - 3));
    if (level > 1 || (level == 0 ? s.at(closing) != '"' : s.at(closing) != '\\' || s.at(closing + 1) != '"')) {
      return null;
    }
    return new Json(s, level, Math.min(s.hi, from + MAX));
  }

  /** How many backslashes come right before {@code p}, down to {@code bound}. */
  private static int backslashes(Scan s, int p, int bound) {
    int r = 0;
    while (p - r - 1 >= bound && s.b[p - r - 1] == '\\') {
      r++;
    }
    return r;
  }

  /**
   * The {@code {} of the object whose member's key starts at {@code key} (its opening quote, or the backslash
   * before it at level 1), read back over the members before it (their strings skipped: a quote of the level's
   * that no escape cancels), {@value #MAX} bytes at most; -1 when there is none, or when the text left the level's
   * JSON first (an escaped quote outside a string, at level 1 the message's own closing quote or a line end).
   */
  static int objectStart(Scan s, int key, int level) {
    int bound = Math.max(s.lo, key - MAX);
    int depth = 0;
    for (int p = key - 1; p >= bound; p--) {
      s.fhirWork++;
      int c = s.b[p];
      if (c == '"') {
        int q = stringStartBack(s, p, level, bound);
        if (q < 0) {
          return -1;
        }
        p = q;
      } else if (c == '}' || c == ']') {
        depth++;
      } else if (c == '{' || c == '[') {
        if (depth == 0) {
          return c == '{' ? p : -1;
        }
        depth--;
      } else if (c == '\n' && level > 0) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * At the {@code "} at {@code p}, read backwards: where the string it closes starts (its opening quote, or the
   * backslash before it at level 1), or -1 when it closes none of the level's strings. A quote closes a string at
   * level 0 after an even number of backslashes, at level 1 after 1, 5, 9… (the escape of the quote, then escaped
   * backslashes of the inner string, in pairs).
   */
  private static int stringStartBack(Scan s, int p, int level, int bound) {
    if (!delimits(backslashes(s, p, bound), level)) {
      return -1;
    }
    for (int q = p - 1 - level; q >= bound; q--) {
      s.fhirWork++;
      int c = s.b[q];
      if (c == '\n') {
        return -1;
      }
      if (c == '"') {
        int r = backslashes(s, q, bound);
        if (delimits(r, level)) {
          return q - r;
        }
        if (level > 0 && r % 2 == 0) {
          return -1; // the message's own quote
        }
      }
    }
    return -1;
  }

  private static boolean delimits(int backslashes, int level) {
    return level == 0 ? backslashes % 2 == 0 : backslashes % 4 == 1;
  }

  /** What a reader does with each member of an object: the key's content {@code [key, keyEnd)}, the value's start. */
  @FunctionalInterface
  private interface Member {
    void at(Json j, int key, int keyEnd, int value);
  }

  /**
   * A forward reader of JSON up to {@code limit}, at a level: 0, JSON as written, or 1, JSON-escaped inside a JSON
   * string ({@code \"} delimits its strings, {@code \\\"} is a quote inside one, {@code \n} is a blank). Each method
   * returns -1 where the text is not what it reads.
   */
  private record Json(Scan s, int level, int limit) {
    /** Past the blanks at {@code p} (at level 1 also the escapes {@code \n}, {@code \r}, {@code \t}). */
    int blanks(int p) {
      while (p >= 0 && p < limit) {
        s.fhirWork++;
        int c = s.b[p];
        if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && level == 0)) {
          p++;
        } else if (c == '\\' && level > 0 && p + 1 < limit
            && (s.b[p + 1] == 'n' || s.b[p + 1] == 'r' || s.b[p + 1] == 't')) {
          p += 2;
        } else {
          break;
        }
      }
      return p;
    }

    /** Whether a string's delimiter starts at {@code p}. */
    boolean quoteAt(int p) {
      return p >= 0 && (level == 0 ? s.at(p) == '"' : s.at(p) == '\\' && s.at(p + 1) == '"');
    }

    int contentStart(int quote) {
      return quote + 1 + level;
    }

    /** Past the delimiter that starts at {@code quote}. */
    int after(int quote) {
      return quote < 0 ? -1 : quote + 1 + level;
    }

    /** At a string's opening delimiter: where its closing one starts, or -1 (no JSON string ends on a line). */
    int stringEnd(int quote) {
      int q = contentStart(quote);
      while (q < limit) {
        s.fhirWork++;
        int c = s.b[q];
        if (c == '\n' || (c == '"' && level > 0)) {
          return -1;
        }
        if (level == 0 && c == '"') {
          return q;
        }
        if (c != '\\') {
          q++;
        } else if (level == 0) {
          q += 2;
        } else if (q + 1 < limit && s.b[q + 1] == '"') {
          return q;
        } else if (q + 1 < limit && s.b[q + 1] == '\\') {
          q += 2; // the inner string's escape: the escaped unit after it too
          q += q < limit && s.b[q] == '\\' ? 2 : 1;
        } else {
          q += 2;
        }
      }
      return -1;
    }

    /** After a key's closing delimiter: its value's start, past the colon and the blanks; -1 without a colon. */
    int valueStart(int p) {
      p = blanks(p);
      return p >= 0 && p < limit && s.b[p] == ':' ? blanks(p + 1) : -1;
    }

    /** Past the value at {@code p}: a string, an object or a list whole, or a number, {@code true}, {@code null}. */
    int skipValue(int p) {
      if (p < 0 || p >= limit) {
        return -1;
      }
      if (quoteAt(p)) {
        return after(stringEnd(p));
      }
      int c = s.b[p];
      if (c == '{' || c == '[') {
        int depth = 0;
        while (p < limit) {
          s.fhirWork++;
          c = s.b[p];
          if (quoteAt(p)) {
            p = after(stringEnd(p));
            if (p < 0) {
              return -1;
            }
            continue;
          }
          if (c == '{' || c == '[') {
            depth++;
          } else if ((c == '}' || c == ']') && --depth == 0) {
            return p + 1;
          } else if (c == '"' || (c == '\n' && level > 0)) {
            return -1;
          }
          p++;
        }
        return -1;
      }
      while (p < limit && (Bytes.isAlnum(s.b[p]) || s.b[p] == '.' || s.b[p] == '-' || s.b[p] == '+')) {
        p++;
      }
      return p;
    }

    /** Calls {@code m} for each member of the object that opens at {@code open}. */
    void members(int open, Member m) {
      int p = blanks(open + 1);
      while (quoteAt(p)) {
        int keyEnd = stringEnd(p);
        int v = valueStart(after(keyEnd));
        if (keyEnd < 0 || v < 0) {
          return;
        }
        m.at(this, contentStart(p), keyEnd, v);
        p = blanks(skipValue(v));
        if (p < 0 || p >= limit || s.b[p] != ',') {
          return;
        }
        p = blanks(p + 1);
      }
    }

    /** For the object at {@code p}, or each object of the list there, calls {@code m} for each of its members. */
    void objects(int p, Member m) {
      if (s.at(p) == '{') {
        members(p, m);
        return;
      }
      if (s.at(p) != '[') {
        return;
      }
      p = blanks(p + 1);
      while (p >= 0 && p < limit) {
        if (s.b[p] == '{') {
          members(p, m);
        }
        p = blanks(skipValue(p));
        if (p < 0 || p >= limit || s.b[p] != ',') {
          return;
        }
        p = blanks(p + 1);
      }
    }

    /** The string at {@code p}, or each string of the list there, as {@code type} ({@code null} and others stay). */
    void strings(int p, DetectorType type) {
      if (quoteAt(p)) {
        string(p, type);
        return;
      }
      if (s.at(p) != '[') {
        return;
      }
      p = blanks(p + 1);
      while (p >= 0 && p < limit) {
        if (quoteAt(p)) {
          string(p, type);
        }
        p = blanks(skipValue(p));
        if (p < 0 || p >= limit || s.b[p] != ',') {
          return;
        }
        p = blanks(p + 1);
      }
    }

    private void string(int quote, DetectorType type) {
      int end = stringEnd(quote);
      if (end > contentStart(quote)) {
        value(s, contentStart(quote), end, type);
      }
    }

    /** Whether the key's content {@code [from, to)} is {@code word}. */
    boolean is(int from, int to, String word) {
      return FhirDetector.is(s, from, to, word);
    }
  }
}
