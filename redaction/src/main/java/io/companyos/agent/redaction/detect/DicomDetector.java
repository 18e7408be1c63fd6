package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.List;

/**
 * DICOM's patient and staff attributes where imaging systems log them: dcmtk's {@code dcmdump} text ({@code
 * (0010,0010) PN [WHITAKER^JOHN^A]  #  16, 1 PatientName}, the value in brackets after the value representation) and
 * DICOM JSON (PS3.18, QIDO-RS and WADO-RS: {@code "00100010":{"vr":"PN","Value":[{"Alphabetic":"GARCIA^LUCIA"}]}},
 * {@code "00100030":{"vr":"DA","Value":["19790311"]}}). Names, the birth date, the address and the phone numbers of
 * PS3.15's de-identification profile; the patient id (an MRN) stays, as HL7's and FHIR's do.
 */
final class DicomDetector {
  private DicomDetector() {}

  /** The attributes' tags, group and element, and their types ({@link #type}). */
  static final List<String> TAGS = List.of("00100010", "00100030", "00101040", "00102154", "00101001", "00101060",
      "00080090", "00081050", "00081060", "00081070", "00321032");

  private static DetectorType type(String tag) {
    switch (tag) {
      case "00100030":
        return DetectorType.BIRTH_DATE;
      case "00101040":
        return DetectorType.STREET_ADDRESS;
      case "00102154":
        return DetectorType.PHONE;
      default:
        return DetectorType.PERSON_NAME; // patient's, other, mother's birth, referring, performing, reading, operators'
    }
  }

  /** At the blank after {@code (gggg,eeee)}: two letters (the VR), blanks, the value in brackets. */
  static int dcmdump(Scan s, int last, String pattern) {
    int p = last + 1;
    if (!Bytes.isUpper(s.at(p)) || !Bytes.isUpper(s.at(p + 1)) || s.at(p + 2) != ' ') {
      return -1;
    }
    p += 3;
    while (s.at(p) == ' ' && p - last < 16) {
      p++;
    }
    if (s.at(p) != '[') {
      return -1;
    }
    int start = p + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] != ']' && s.b[end] != '\n') {
      end++;
    }
    if (s.at(end) != ']' || end == start) {
      return -1;
    }
    String tag = pattern.substring(1, 5) + pattern.substring(6, 10);
    return s.add(start, end, type(tag)) ? end : -1;
  }

  /** At the brace of {@code "gggg eeee":{}: the strings of its {@code "Value"} (PN's {@code Alphabetic} ones). */
  static int json(Scan s, int last, String pattern) {
    String tag = pattern.substring(1, 9);
    int limit = Math.min(s.hi, last + 1024);
    int value = Bytes.indexOf(s.b, last, limit, "\"Value\":[");
    int close = Bytes.indexOf(s.b, last, limit, "}");
    if (value < 0) {
      return -1;
    }
    int end = Bytes.indexOf(s.b, value, limit, "]");
    if (end < 0 || (close >= 0 && close < value)) {
      return -1;
    }
    DetectorType type = type(tag);
    int p = value + 9;
    while (p < end) {
      int q = Bytes.indexOf(s.b, p, end, "\"");
      if (q < 0) {
        break;
      }
      int qe = KeyValueDetector.closingQuote(s, q + 1, '"');
      if (qe < 0 || qe > end) {
        break;
      }
      boolean key = s.at(qe + 1) == ':'; // "Alphabetic": a member's name, not a value
      if (!key && qe > q + 1) {
        s.add(q + 1, qe, type);
      }
      p = qe + 1;
    }
    return -1; // the spans are kept; the pass goes on
  }
}
