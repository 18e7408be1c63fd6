package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Accounts in the listings an admin pastes (session 31's held-out red team on accounts):
 *
 * <ul>
 *   <li>{@code ls -l}: a line's owner after its mode and link count ({@code -rwxr-x---. 1 etl_loader etl_loader 8812
 *       Mar 12 17:33 x.sh}), the group when it is the owner's own, and the file's name when it is the owner's
 *       ({@code ls -l /home}); numbers ({@code ls -ln}) and built-in accounts stay;
 *   <li>{@code getfacl}: {@code # owner: X} and an ACL entry's {@code user:X:r-x};
 *   <li>FreeIPA's {@code User login: X} and LDIF's {@code memberUid: X};
 *   <li>a label's first or last name, {@code First name: Agnieszka} (FreeIPA, {@code net user}, forms), one word
 *       too (the key {@code name} alone wants two).
 * </ul>
 */
final class AccountListingDetector {
  static final int LS = 0;
  static final int LABEL = 1; // "# owner: ", "user login: ", "memberuid: ": the rest of the line's first word
  static final int ACL = 2;
  static final int NAME_LABEL = 3; // "first name: ", "last name: ", "given name: ": a one-word name too

  private AccountListingDetector() {}

  /** At the pattern's last byte, as {@code flags} says. */
  static int find(Scan s, int last, int patternLength, int flags) {
    switch (flags) {
      case LS:
        return ls(s, last - patternLength + 2);
      case ACL:
        return acl(s, last + 1);
      case NAME_LABEL:
        int word = last - 6; // past the label word's last letter (" name: " ends every label)
        boolean first = Bytes.startsWithIgnoreCase(s.b, word - 5, word, "first") && !Bytes.isWord(s.at(word - 6));
        boolean lastName = Bytes.startsWithIgnoreCase(s.b, word - 4, word, "last") && !Bytes.isWord(s.at(word - 5));
        boolean given = Bytes.startsWithIgnoreCase(s.b, word - 5, word, "given") && !Bytes.isWord(s.at(word - 6));
        return first || lastName || given ? nameLabel(s, last + 1) : -1;
      default:
        return label(s, last + 1);
    }
  }

  /** An {@code ls -l} line whose mode starts at {@code mode}. */
  private static int ls(Scan s, int mode) {
    for (int k = 1; k < 10; k++) { // (the mode's type, - d l c b s p, is the pattern's)
      if ("rwxsStT-".indexOf(s.at(mode + k)) < 0) {
        return -1;
      }
    }
    int p = mode + 10;
    if (s.at(p) == '.' || s.at(p) == '+' || s.at(p) == '@') {
      p++;
    }
    int links = KeyValueDetector.skipSpaces(s, p);
    int linksEnd = links + Bytes.digitRun(s.b, links, s.hi, 8);
    int owner = KeyValueDetector.skipSpaces(s, linksEnd);
    if (links == p || linksEnd == links || owner == linksEnd) {
      return -1;
    }
    int ownerEnd = word(s, owner);
    int group = KeyValueDetector.skipSpaces(s, ownerEnd);
    int groupEnd = word(s, group);
    int size = KeyValueDetector.skipSpaces(s, groupEnd);
    if (ownerEnd == owner || group == ownerEnd || groupEnd == group || size == groupEnd || !Bytes.isDigit(s.at(size))
        || Bytes.isDigit(s.at(owner)) || KeyValueDetector.isSystemAccount(s, owner, ownerEnd)) {
      return -1;
    }
    int r = s.add(owner, ownerEnd, DetectorType.USERNAME) ? ownerEnd : -1;
    if (same(s, owner, ownerEnd, group, groupEnd) && s.add(group, groupEnd, DetectorType.USERNAME)) {
      r = groupEnd;
    }
    // the file's name, the line's last word, when it is the owner's (a home directory)
    int le = size;
    while (le < s.hi && s.b[le] != '\n' && s.b[le] != '\r' && le - size < 512) {
      le++;
    }
    int name = le - (ownerEnd - owner);
    if (name > size && s.at(name - 1) == ' ' && same(s, owner, ownerEnd, name, le)
        && s.add(name, le, DetectorType.USERNAME)) {
      r = le;
    }
    return r;
  }

  /** After {@code user:} at a line's start: getfacl's {@code user:NAME:rwx} (not the owner's {@code user::rwx}). */
  private static int acl(Scan s, int start) {
    int end = word(s, start);
    if (end == start || s.at(end) != ':' || "r-".indexOf(s.at(end + 1)) < 0 || "w-".indexOf(s.at(end + 2)) < 0
        || "xX-".indexOf(s.at(end + 3)) < 0 || Bytes.isDigit(s.at(start))
        || KeyValueDetector.isSystemAccount(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** After a label: the first word, to the line's end or a blank. */
  private static int label(Scan s, int start) {
    int end = word(s, start);
    int after = s.at(end);
    if (end == start || !(after == '\n' || after == '\r' || after == 0) || Bytes.isDigit(s.at(start))
        || KeyValueDetector.isSystemAccount(s, start, end) || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** A first or last name to the line's end: one to three words of letters, each from a capital or a non-ASCII one. */
  private static int nameLabel(Scan s, int start) {
    int end = start;
    int words = 0;
    boolean wordStart = true;
    while (end < s.hi && end - start < 64 && s.b[end] != '\n' && s.b[end] != '\r') {
      int c = s.b[end];
      if (c == ' ') {
        wordStart = true;
      } else {
        if (wordStart) {
          if (!(Bytes.isUpper(c) || c < 0)) {
            return -1;
          }
          words++;
          wordStart = false;
        } else if (!(Bytes.isAlpha(c) || c < 0 || c == '-' || c == '\'')) {
          return -1;
        }
      }
      end++;
    }
    while (end > start && s.b[end - 1] == ' ') {
      end--;
    }
    // (FreeIPA's admin: Last name: Administrator, a built-in account's name, no person's)
    return words >= 1 && words <= 3 && !KeyValueDetector.isBuiltInAccount(s, start, end)
        && s.add(start, end, DetectorType.PERSON_NAME) ? end : -1;
  }

  /** A login's word: letters, digits, {@code . _ - $ @ \}, at most 64 bytes. */
  private static int word(Scan s, int p) {
    int start = p;
    while (p < s.hi && p - start < 64 && (Bytes.isAlnum(s.b[p]) || s.b[p] == '.' || s.b[p] == '_' || s.b[p] == '-'
        || s.b[p] == '$' || s.b[p] == '@' || s.b[p] == '\\' || s.b[p] < 0)) {
      p++;
    }
    return p;
  }

  private static boolean same(Scan s, int a, int ae, int b, int be) {
    return ae - a == be - b && java.util.Arrays.equals(s.b, a, ae, s.b, b, be);
  }
}
