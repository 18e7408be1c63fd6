package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;

/**
 * The values that loguru's {@code diagnose=True} (its default) and better_exceptions print under a traceback's source
 * line, each below the expression it is the value of:
 *
 * <pre>
 *     connect(user=name, password=pw)
 *                  │              └ 'Kr0nos!Bind99'
 *                  └ 'tgreenberg'</pre>
 *
 * A value in quotes is typed by the name at its marker's column in the source line above the markers: the keyword it
 * is passed as ({@code password=}) or else the expression's last identifier ({@code pw}, {@code self.smtp_password}),
 * as a key of that name would type it ({@link KeyNames}); other values stay.
 */
final class AnnotatedTracebackDetector {
  private AnnotatedTracebackDetector() {}

  /** At the quote after {@code └ }. */
  static int find(Scan s, int last) {
    int q = s.b[last];
    int marker = last - 4; // the first byte of └ (E2 94 94)
    int line = CommandLineDetector.lineStartWithin(s, marker, 1024);
    int column = columns(s, line, marker);
    int end = KeyValueDetector.closingQuote(s, last + 1, q);
    if (end <= last + 1 || line <= s.lo) {
      return -1;
    }
    // the source line: the nearest line above made of more than blanks and markers
    int source = line;
    for (int k = 0; k < 24; k++) {
      if (source <= s.lo) {
        return -1;
      }
      int above = CommandLineDetector.lineStartWithin(s, source - 1, 2048);
      source = above;
      if (!markersOnly(s, above, source == line ? line : lineEnd(s, above))) {
        break;
      }
    }
    int at = byteAtColumn(s, source, lineEnd(s, source), column);
    if (at < 0 || !isIdentifierStart(s.b[at])) {
      return -1;
    }
    int idEnd = at;
    while (idEnd < s.hi && (Bytes.isWord(s.b[idEnd]) || s.b[idEnd] == '.')) {
      idEnd++;
    }
    int last1 = idEnd;
    while (last1 > at && s.b[last1 - 1] != '.') {
      last1--;
    }
    DetectorType type = null;
    if (s.at(at - 1) == '=' && Bytes.isWord(s.at(at - 2))) {
      int kw = at - 1;
      while (kw > source && Bytes.isWord(s.b[kw - 1])) {
        kw--;
      }
      type = classify(s, kw, at - 1); // user=name, password=pw: the keyword says what the value is used as
    }
    if (type == null) {
      type = classify(s, last1, idEnd);
    }
    if (type == null || KeyValueDetector.isPlaceholder(s, last + 1, end)) {
      return -1;
    }
    return s.add(last + 1, end, type) ? end : -1;
  }

  private static DetectorType classify(Scan s, int from, int to) {
    return to - from < 2 || to - from > 64 ? null
        : KeyNames.classify(new String(s.b, from, to - from, StandardCharsets.ISO_8859_1));
  }

  private static boolean isIdentifierStart(int c) {
    return Bytes.isAlpha(c) || c == '_';
  }

  private static int lineEnd(Scan s, int from) {
    return CommandLineDetector.lineEndWithin(s, from, 2048);
  }

  /** Whether {@code [from, to)} holds only blanks and the markers {@code │} and {@code └} and what follows a marker. */
  private static boolean markersOnly(Scan s, int from, int to) {
    int p = from;
    while (p < to && s.b[p] == ' ') {
      p++;
    }
    return p + 2 < to && (s.b[p] & 0xFF) == 0xE2 && (s.b[p + 1] & 0xFF) == 0x94
        && ((s.b[p + 2] & 0xFF) == 0x82 || (s.b[p + 2] & 0xFF) == 0x94);
  }

  /** The characters (UTF-8 sequences) in {@code [from, to)}. */
  private static int columns(Scan s, int from, int to) {
    int n = 0;
    for (int p = from; p < to; p++) {
      if ((s.b[p] & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }

  /** The byte at character column {@code column} of the line {@code [from, to)}, or -1. */
  private static int byteAtColumn(Scan s, int from, int to, int column) {
    int n = 0;
    for (int p = from; p < to; p++) {
      if ((s.b[p] & 0xC0) != 0x80) {
        if (n == column) {
          return p;
        }
        n++;
      }
    }
    return -1;
  }
}
