package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A patient's, a relative's, a guarantor's, an insured's and a doctor's personal data in HL7 v2 messages (v2.3 to
 * v2.8), as hospital interface engines log them whole: Mirth Connect's and Rhapsody's message logs, Cloverleaf's,
 * HAPI's {@code Received message: MSH|^~\&|…} at DEBUG. HL7 v2 marks nothing with a key: a value's meaning is its
 * position, the segment's three letters then {@code |}-separated fields ({@code ^} separates components, {@code ~}
 * repetitions, {@code \} starts an escape), so the name {@code DOE^JANE^Q} is PID-5 because four {@code |} come
 * before it. Found at {@code PID|}, {@code NK1|}, {@code GT1|}, {@code IN1|} and {@code PV1|} in capitals where a
 * segment starts: a line's start, after a carriage return (a file's or MLLP's segment separator), after a logger's
 * escape of one ({@code \r}, {@code \n}: a message logged on one line), after a blank or tab (a log line's message)
 * or a quote (a JSON string's); its first field, the Set ID, is empty or a small number ({@code PID|PPID|USER}
 * of a pipe-separated table is no segment).
 * The fields each segment's table (below) names are taken whole, one span each (an empty field, HL7's null
 * {@code ""} and a token of an earlier redaction stay):
 *
 * <ul>
 *   <li>PID (patient): 5 name, 6 mother's maiden name, 9 alias ({@code name}), 7 date of birth ({@code birthdate}),
 *       11 address ({@code address}), 13 and 14 home and business phone ({@code phone}: the whole XTN, whose v2.5
 *       form has no formatted number, only {@code ^PRN^PH^^1^217^5550123}), 19 SSN ({@code ssn}); and in the
 *       identifier lists (2, 3, 4) an identifier whose type (component 5) is {@code SS}: its number (component 1).
 *       The other identifiers (the MRN, the account number) stay: support correlates messages by them;
 *   <li>NK1 (next of kin): 2 name, 4 address, 5 and 6 phones, 16 date of birth, 30 to 32 the contact person's name,
 *       phone and address, 37 the contact person's SSN;
 *   <li>GT1 (guarantor): 3 name, 4 spouse's name, 5 address, 6 and 7 phones, 8 date of birth, 12 SSN;
 *   <li>IN1 (insurance): 16 the insured's name, 18 date of birth, 19 address. A sender one field short or over
 *       before them (IN1-17 or IN1-19 a date where IN1-18 holds none) has the three one field earlier or later;
 *   <li>PV1 (visit): 7 attending, 8 referring, 9 consulting, 17 admitting doctor and 52 other provider, XCNs
 *       ({@code id^family^given^…^DR^MD}): per repetition the name, what follows the id (the id stays).
 * </ul>
 *
 * A segment ends at a line end, a carriage return, its escape, a control byte (MLLP's frame bytes), a quote that
 * closes a JSON string or a quoted message (not HL7's {@code ""} nor an escaped {@code \"}), or {@value #MAX_SEGMENT}
 * bytes on. The spans are kept and the pass goes on over the fields (a phone, an e-mail address there is found as
 * anywhere).
 */
final class Hl7Detector {
  private Hl7Detector() {}

  /** How far a segment's fields are read: a line of pipes and no end costs no more. */
  static final int MAX_SEGMENT = 4 * 1024;
  /** The highest field number a table below names (PV1-52). */
  private static final int FIELDS = 52;
  /** PV1's doctors: attending, referring, consulting, admitting, other healthcare provider. */
  private static final int[] DOCTORS = {7, 8, 9, 17, 52};

  /** At the {@code |} of {@code PID|}, {@code NK1|}, {@code GT1|}, {@code IN1|} or {@code PV1|}. */
  static int find(Scan s, int last) {
    int id = last - 3;
    if (!Bytes.isUpper(s.at(id)) || !startsSegment(s, id) || !setIdAt(s, last + 1) || !anyEnabled(s)) {
      return -1;
    }
    int[] ends = new int[FIELDS + 1]; // ends[n]: where field n ends; it starts after ends[n - 1]
    int n = fields(s, last, ends);
    if (Bytes.startsWith(s.b, id, last, "PID")) {
      patient(s, ends, n);
    } else if (Bytes.startsWith(s.b, id, last, "NK1")) {
      nextOfKin(s, ends, n);
    } else if (Bytes.startsWith(s.b, id, last, "GT1")) {
      guarantor(s, ends, n);
    } else if (Bytes.startsWith(s.b, id, last, "IN1")) {
      insured(s, ends, n);
    } else if (Bytes.startsWith(s.b, id, last, "PV1")) {
      visit(s, ends, n);
    }
    return -1; // the spans are kept; the pass goes on over the fields
  }

  private static void patient(Scan s, int[] ends, int n) {
    for (int f = 2; f <= 4; f++) {
      socialSecurityIds(s, ends, n, f);
    }
    field(s, ends, n, 5, DetectorType.PERSON_NAME);
    field(s, ends, n, 6, DetectorType.PERSON_NAME);
    field(s, ends, n, 7, DetectorType.BIRTH_DATE);
    field(s, ends, n, 9, DetectorType.PERSON_NAME);
    field(s, ends, n, 11, DetectorType.STREET_ADDRESS);
    field(s, ends, n, 13, DetectorType.PHONE);
    field(s, ends, n, 14, DetectorType.PHONE);
    field(s, ends, n, 19, DetectorType.US_SSN);
  }

  private static void nextOfKin(Scan s, int[] ends, int n) {
    field(s, ends, n, 2, DetectorType.PERSON_NAME);
    field(s, ends, n, 4, DetectorType.STREET_ADDRESS);
    field(s, ends, n, 5, DetectorType.PHONE);
    field(s, ends, n, 6, DetectorType.PHONE);
    field(s, ends, n, 16, DetectorType.BIRTH_DATE);
    field(s, ends, n, 30, DetectorType.PERSON_NAME);
    field(s, ends, n, 31, DetectorType.PHONE);
    field(s, ends, n, 32, DetectorType.STREET_ADDRESS);
    field(s, ends, n, 37, DetectorType.US_SSN);
  }

  private static void guarantor(Scan s, int[] ends, int n) {
    field(s, ends, n, 3, DetectorType.PERSON_NAME);
    field(s, ends, n, 4, DetectorType.PERSON_NAME);
    field(s, ends, n, 5, DetectorType.STREET_ADDRESS);
    field(s, ends, n, 6, DetectorType.PHONE);
    field(s, ends, n, 7, DetectorType.PHONE);
    field(s, ends, n, 8, DetectorType.BIRTH_DATE);
    field(s, ends, n, 12, DetectorType.US_SSN);
  }

  /** IN1's insured: name, relationship, date of birth, address, found by the date of birth (see the class). */
  private static void insured(Scan s, int[] ends, int n) {
    int birth = 18;
    if (!isDate(s, ends, n, 18)) {
      birth = isDate(s, ends, n, 17) ? 17 : isDate(s, ends, n, 19) ? 19 : 18;
    }
    field(s, ends, n, birth - 2, DetectorType.PERSON_NAME);
    field(s, ends, n, birth, DetectorType.BIRTH_DATE);
    field(s, ends, n, birth + 1, DetectorType.STREET_ADDRESS);
  }

  private static void visit(Scan s, int[] ends, int n) {
    for (int f : DOCTORS) {
      doctor(s, ends, n, f);
    }
  }

  /** Field {@code f} whole, as {@code type}, when the segment has it. */
  private static void field(Scan s, int[] ends, int n, int f, DetectorType type) {
    if (f <= n) {
      value(s, ends[f - 1] + 1, ends[f], type);
    }
  }

  /** Per repetition of field {@code f}, an XCN: what follows its first component (a doctor's id). */
  private static void doctor(Scan s, int[] ends, int n, int f) {
    if (f > n) {
      return;
    }
    int end = ends[f];
    for (int r = ends[f - 1] + 1; r < end; ) {
      int rEnd = indexOf(s, r, end, '~');
      int caret = indexOf(s, r, rEnd, '^');
      if (caret < rEnd) {
        value(s, caret + 1, rEnd, DetectorType.PERSON_NAME);
      }
      r = rEnd + 1;
    }
  }

  /**
   * Per repetition of field {@code f}, a CX identifier ({@code id^check digit^scheme^authority^type}): the id of one
   * whose type is {@code SS}, a social security number (PID-3's {@code 412556789^^^USSSA^SS}).
   */
  private static void socialSecurityIds(Scan s, int[] ends, int n, int f) {
    if (f > n) {
      return;
    }
    int end = ends[f];
    for (int r = ends[f - 1] + 1; r < end; ) {
      int rEnd = indexOf(s, r, end, '~');
      int type = r;
      for (int c = 1; c < 5 && type < rEnd; c++) {
        type = indexOf(s, type, rEnd, '^') + 1;
      }
      int typeEnd = indexOf(s, Math.min(type, rEnd), rEnd, '^');
      if (typeEnd - type == 2 && s.b[type] == 'S' && s.b[type + 1] == 'S') {
        value(s, r, indexOf(s, r, rEnd, '^'), DetectorType.US_SSN);
      }
      r = rEnd + 1;
    }
  }

  /** Adds {@code [from, to)} unless it holds no data (separators only, HL7's null {@code ""}) or is a token of ours. */
  private static void value(Scan s, int from, int to, DetectorType type) {
    if (to - from == 2 && s.b[from] == '"' && s.b[from + 1] == '"') {
      return;
    }
    boolean data = false;
    for (int p = from; p < to && !data; p++) {
      data = s.b[p] != '^' && s.b[p] != '&' && s.b[p] != '~';
    }
    if (data && !(s.b[from] == '<' && s.tokenEnd(from) == to)) {
      s.add(from, to, type);
    }
  }

  /**
   * Whether field {@code f} starts with a date, HL7's {@code YYYYMMDD[HHMM[SS]]}, or is the token an earlier
   * redaction wrote for one (so that the insured's fields are found where they were: redacting twice equals once).
   */
  private static boolean isDate(Scan s, int[] ends, int n, int f) {
    if (f > n) {
      return false;
    }
    int from = ends[f - 1] + 1;
    int to = ends[f];
    return Bytes.digitRun(s.b, from, to, 8) == 8
        || (Bytes.startsWith(s.b, from, to, "<birthdate") && s.tokenEnd(from) == to);
  }

  /**
   * Reads the fields after the segment's {@code |} at {@code last} into {@code ends} (field 1 from {@code last + 1},
   * {@code ends[0] = last}), up to field {@value #FIELDS}; returns how many there are.
   */
  private static int fields(Scan s, int last, int[] ends) {
    int limit = Math.min(s.hi, last + 1 + MAX_SEGMENT);
    ends[0] = last;
    for (int f = 1; f <= FIELDS; f++) {
      int end = fieldEnd(s, ends[f - 1] + 1, limit);
      ends[f] = end;
      if (end >= limit || s.b[end] != '|') {
        return f;
      }
    }
    return FIELDS;
  }

  /** The {@code |} that ends the field starting at {@code p}, or the end of the segment (see the class). */
  private static int fieldEnd(Scan s, int p, int limit) {
    while (p < limit) {
      int c = s.b[p] & 0xFF;
      if (c == '|' || (c < ' ' && c != '\t')) {
        return p;
      }
      if (c == '\\') {
        int q = p + 1;
        while (q < limit && s.b[q] == '\\') {
          q++; // (a backslash escaped again: a message in JSON in JSON)
        }
        if (q < limit && (s.b[q] == 'r' || s.b[q] == 'n')) {
          return p; // a logger's escape of a carriage return or line feed
        }
        p = q < limit && s.b[q] == '"' ? q + 1 : q;
      } else if (c == '"') {
        if (p + 1 >= limit || s.b[p + 1] != '"') {
          return p; // the end of a JSON string or a quoted message
        }
        p += 2; // HL7's null, ""
      } else {
        p++;
      }
    }
    return limit;
  }

  /** Where a segment's three letters at {@code id} start: see the class. */
  private static boolean startsSegment(Scan s, int id) {
    if (id - 1 < s.lo) {
      return false;
    }
    int c = s.b[id - 1];
    return c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '"'
        || ((c == 'r' || c == 'n') && id - 2 >= s.lo && s.b[id - 2] == '\\');
  }

  /**
   * Whether a Set ID, the first field, starts at {@code p}: empty or a number of one or two digits (a message has one
   * PID and PV1, a few NK1, GT1 and IN1; a process id is mostly larger: {@code PID|4242|root|…} of a pipe-separated
   * process list is no segment), then the second field's {@code |}.
   */
  private static boolean setIdAt(Scan s, int p) {
    int digits = Bytes.digitRun(s.b, p, s.hi, 3);
    return digits <= 2 && s.at(p + digits) == '|';
  }

  private static boolean anyEnabled(Scan s) {
    return s.enabled(DetectorType.PERSON_NAME) || s.enabled(DetectorType.BIRTH_DATE)
        || s.enabled(DetectorType.STREET_ADDRESS) || s.enabled(DetectorType.US_SSN) || s.enabled(DetectorType.PHONE);
  }

  /** The first {@code c} in {@code [from, to)}, or {@code to}. */
  private static int indexOf(Scan s, int from, int to, char c) {
    int p = from;
    while (p < to && s.b[p] != c) {
      p++;
    }
    return p;
  }
}
