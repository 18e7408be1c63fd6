package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The account a shell command acts on, in a shell's history, a runbook or a ticket (session 31's second blind red
 * team on accounts): {@code passwd jdoe}, {@code passwd -l jdoe}, {@code chage -l jdoe} (the last argument),
 * {@code chown -R jsilva:jsilva /srv/reports} (the owner, and the group when it is the owner's own); useradd, usermod
 * and userdel are {@code CommandLineDetector}'s ({@code SHADOW_TOOL}). Only where the word stands as a command: at
 * the line's start, after a prompt ({@code $ }, {@code # }), {@code sudo}, {@code ;}, {@code &&} or a history's
 * number. Built-in accounts stay
 * ({@code chown -R www-data:www-data}, {@code passwd root}).
 */
final class AccountCommandDetector {
  static final int LAST_ARGUMENT = 0; // passwd, chage: the account is the last argument
  static final int OWNER = 1; // chown: the first argument, owner[:group]

  private AccountCommandDetector() {}

  /** At the blank after the command's name (the pattern's last byte). */
  static int find(Scan s, int last, int patternLength, int flags) {
    int word = last - patternLength + 1;
    if (!commandPosition(s, word)) {
      return -1;
    }
    int p = last + 1;
    int lastArg = -1;
    int lastArgEnd = -1;
    int r = -1;
    while (p < s.hi && p - last < 1024) {
      while (p < s.hi && s.b[p] == ' ') {
        p++;
      }
      int c = s.at(p);
      int token = c == '<' ? s.tokenEnd(p) : -1;
      if (token > p) { // one of our tokens, from an earlier redaction: redacting twice equals redacting once
        lastArg = -1;
        p = token;
        continue;
      }
      if (c == 0 || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '>' || c == '<' || c == '#') {
        break;
      }
      int start = p;
      int end;
      if (c == '\'' || c == '"') {
        end = Bytes.indexOf(s.b, p + 1, Math.min(s.hi, p + 256), String.valueOf((char) c));
        if (end < 0) {
          return r;
        }
        p = end + 1;
        start++;
      } else {
        while (p < s.hi && s.b[p] > ' ' && s.b[p] != ';' && s.b[p] != '&' && s.b[p] != '|') {
          p++;
        }
        end = p;
      }
      if (s.b[start] == '-' && c != '\'' && c != '"') {
        continue; // an option (an option's value, passwd -n 7, chage -M 90, is a number before the account)
      }
      if (flags == OWNER) {
        return owner(s, start, end, r);
      }
      lastArg = start;
      lastArgEnd = end;
    }
    if (lastArg >= 0 && Bytes.isAlpha(s.b[lastArg]) && !KeyValueDetector.isSystemAccount(s, lastArg, lastArgEnd)
        && !KeyValueDetector.isPlaceholder(s, lastArg, lastArgEnd) && s.add(lastArg, lastArgEnd, DetectorType.USERNAME)) {
      r = lastArgEnd;
    }
    return r;
  }

  /** chown's {@code owner[:group]} ({@code .} too): the owner, and the group when it is the same name. */
  private static int owner(Scan s, int start, int end, int r) {
    int sep = start;
    while (sep < end && s.b[sep] != ':' && s.b[sep] != '.') {
      sep++;
    }
    if (sep == start || !Bytes.isAlpha(s.b[start]) || KeyValueDetector.isSystemAccount(s, start, sep)
        || KeyValueDetector.isPlaceholder(s, start, sep)) {
      return r;
    }
    if (s.add(start, sep, DetectorType.USERNAME)) {
      r = sep;
    }
    if (sep < end && end - sep - 1 == sep - start
        && java.util.Arrays.equals(s.b, sep + 1, end, s.b, start, sep) && s.add(sep + 1, end, DetectorType.USERNAME)) {
      r = end;
    }
    return r;
  }

  /**
   * Whether the word at {@code word} stands where a shell reads a command: the line's start (past blanks and a
   * history's number), a prompt's {@code $ }, {@code # } or {@code > }, {@code sudo }, {@code doas }, {@code ; } or
   * {@code && }.
   */
  static boolean commandPosition(Scan s, int word) {
    if (KeyedForms.startsLine(s, word)) {
      return true;
    }
    int p = word;
    while (s.b[p - 1] == ' ') {
      p--;
    }
    int c = s.b[p - 1];
    if ((c == '$' || c == '#' || c == '>' || c == ';' || c == '&') && p < word) {
      return true;
    }
    int w = p;
    while (w > s.lo && Bytes.isAlnum(s.b[w - 1])) {
      w--;
    }
    boolean lineStart = KeyedForms.startsLine(s, w);
    return (Bytes.startsWith(s.b, w, p, "sudo") && p - w == 4) || (Bytes.startsWith(s.b, w, p, "doas") && p - w == 4)
        || (Bytes.digitRun(s.b, w, p, 8) == p - w && p > w && lineStart); // bash history's "  512  passwd jdoe"
  }
}
