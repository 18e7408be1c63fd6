package io.companyos.agent.bundle.archive;

import io.companyos.agent.bundle.archive.UnsafeEntryException.Kind;

/**
 * The one rule for paths inside a bundle, applied both when writing (to sources' paths) and when extracting (to
 * whatever a tar claims): relative, {@code /}-separated, no {@code .}/{@code ..} segments, no empty segments, no
 * backslashes or control characters.
 */
public final class EntryNames {

  /** Longest accepted entry name, in characters. */
  public static final int MAX_LENGTH = 1024;

  private EntryNames() {}

  /**
   * Returns {@code name} if it is a safe bundle path, otherwise throws with the specific reason.
   *
   * @param name a tar entry name; a single trailing {@code /} (a directory entry) is allowed
   */
  public static String requireSafe(String name) throws UnsafeEntryException {
    if (name == null || name.isEmpty()) {
      throw new UnsafeEntryException(Kind.INVALID_NAME, "refusing an entry with an empty name");
    }
    String shown = printable(name);
    if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
      throw new UnsafeEntryException(Kind.ABSOLUTE_PATH,
          "refusing entry '" + shown + "': absolute paths are not allowed in a bundle");
    }
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    for (String segment : trimmed.split("/", -1)) {
      if (segment.equals("..")) {
        throw new UnsafeEntryException(Kind.PATH_TRAVERSAL,
            "refusing entry '" + shown + "': path traversal ('..') is not allowed in a bundle");
      }
    }
    if (name.length() > MAX_LENGTH) {
      throw new UnsafeEntryException(Kind.INVALID_NAME, "refusing an entry name longer than " + MAX_LENGTH);
    }
    for (String segment : trimmed.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        throw new UnsafeEntryException(Kind.INVALID_NAME,
            "refusing entry '" + shown + "': empty or '.' path segments are not allowed");
      }
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw new UnsafeEntryException(Kind.INVALID_NAME,
            "refusing entry '" + shown + "': control characters and backslashes are not allowed");
      }
    }
    return name;
  }

  /**
   * Whether a link at {@code entryName} pointing to {@code target} stays inside the extraction root.
   */
  static boolean linkStaysInside(String entryName, String target, boolean hardLink) {
    if (target.isEmpty() || target.startsWith("/") || target.startsWith("\\")
        || (target.length() > 1 && target.charAt(1) == ':')) {
      return false;
    }
    // symbolic links resolve from the link's directory; hard links from the archive root
    int depth = 0;
    if (!hardLink) {
      String[] parts = entryName.split("/");
      depth = parts.length - 1;
    }
    for (String segment : target.split("/")) {
      if (segment.equals("..")) {
        depth--;
        if (depth < 0) {
          return false;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return true;
  }

  private static String printable(String name) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < name.length() && i < 200; i++) {
      char c = name.charAt(i);
      shown.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return shown.toString();
  }
}
