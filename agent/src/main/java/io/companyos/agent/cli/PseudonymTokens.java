package io.companyos.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pseudonym tokens {@code agent redact --reveal} looks up: given as arguments, or found in text on stdin. */
final class PseudonymTokens {
  private PseudonymTokens() {}

  /**
   * A pseudonym token as {@code redact} writes it: a label (a detector's, or a custom rule's name), a colon, 8 hex
   * digits, in angle brackets.
   */
  private static final Pattern TOKEN = Pattern.compile("<[a-z0-9][a-z0-9_-]{0,39}:[0-9a-f]{8}>");

  /** The longest token: '<', a 40-character label, ':', 8 hex digits, '>'. */
  private static final int TOKEN_MAX = 51;

  /**
   * Every distinct token in {@code in}, in order, read in blocks: a whole redacted log piped in
   * ({@code agent redact --reveal - < app.redacted.log}) was read into memory at once, which a batch heap does not hold.
   */
  static Set<String> in(InputStream in) throws IOException {
    Set<String> tokens = new LinkedHashSet<>();
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] block = new char[1 << 16];
    StringBuilder window = new StringBuilder();
    int n;
    while ((n = reader.read(block)) > 0) {
      window.append(block, 0, n);
      Matcher m = TOKEN.matcher(window);
      while (m.find()) {
        tokens.add(m.group());
      }
      // keep a tail that may hold the start of a token cut at the block's end
      window.delete(0, Math.max(0, window.length() - (TOKEN_MAX - 1)));
    }
    return tokens;
  }

  /**
   * {@code arg} as a token: as written ({@code <email:5f2c9a1e>}), or without the angle brackets, which a shell
   * reads as redirections unless quoted ({@code email:5f2c9a1e}).
   */
  static String parse(String arg) throws UsageException {
    String t = arg.strip();
    if (!t.startsWith("<")) {
      t = "<" + t + ">";
    }
    if (!TOKEN.matcher(t).matches()) {
      throw new UsageException("--reveal: '" + arg + "' is not a pseudonym token (expected <label:8 hex digits>, "
          + "e.g. '<email:5f2c9a1e>' or email:5f2c9a1e; a masked value such as <email> has no original kept)");
    }
    return t;
  }
}
