package io.companyos.agent.redaction;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The local reverse map of pseudonyms, {@code token → original value}, so that the customer, on the
 * installation that holds the key, can look tokens up ({@code agent redact --reveal}). It lives in the
 * state directory in a file readable by the owner only and is never part of a bundle or of telemetry.
 *
 * <p>It keeps only the types whose reveal serves correlation ({@link #keeps(String)}): a pair of any other type is
 * not written, is removed from a map an earlier version wrote, and is not looked up.
 *
 * <p>One line per pair: the token, a tab, the value in base64. Thread-safe.
 */
public final class RevealLog implements Closeable {
  /** The file name inside the state directory. */
  public static final String FILE_NAME = "pseudonyms.tsv";
  /** The types whose pairs are kept ({@link #keeps(String)}), and their labels. */
  private static final Set<DetectorType> KEPT = Collections.unmodifiableSet(EnumSet.of(DetectorType.EMAIL,
      DetectorType.IPV4, DetectorType.IPV6, DetectorType.MAC, DetectorType.PHONE, DetectorType.USERNAME,
      DetectorType.PERSON_NAME, DetectorType.HOSTNAME, DetectorType.KEYWORD, DetectorType.BIRTH_DATE,
      DetectorType.STREET_ADDRESS, DetectorType.DEVICE_ID));
  private static final byte[][] KEPT_LABELS = KEPT.stream()
      .map(t -> t.label().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
  private static final int MAX_REMEMBERED = 1_000_000;
  /** The reader's buffer when the map is read at start (grown for a longer line). */
  private static final int READ_BUFFER = 1 << 20;

  private final Path file;
  /** The lines known to be in the file (without their ends), up to {@value #MAX_REMEMBERED}, by fingerprint. */
  private final LineSet seen = new LineSet();
  private final Base64.Encoder base64 = Base64.getEncoder();
  /** The line being recorded, and its value in base64 (reused: no allocation per line). */
  private byte[] line = new byte[512];
  private byte[] encoded = new byte[512];
  private OutputStream writer;
  /** The file's last line has no end (a write cut short): the first pair written starts a line of its own. */
  private boolean unended;

  private RevealLog(Path file) {
    this.file = file;
  }

  /**
   * Opens (creating with mode {@code 0600} when missing) the reverse map in {@code stateDir} for recording. A map
   * written by an earlier version may hold pairs of types that are never kept ({@link #keeps(String)}): they are
   * removed here, by rewriting the file under a temporary name and renaming it (mode {@code 0600}, the other lines
   * in their order), and the agent's log says how many (never which).
   *
   * @throws IOException if the file cannot be created, read or rewritten
   */
  public static RevealLog open(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    Path file = stateDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      createOwnerOnly(file);
    }
    RevealLog log = new RevealLog(file);
    int dropped = log.readKnownLines();
    if (dropped > 0) {
      log.dropLinesNeverKept();
      LoggerFactory.getLogger(RevealLog.class).info("pseudonym reverse map {}: removed {} entries of types that are "
          + "never kept (credentials, card numbers, IBANs, SSNs, custom rules), recorded by an earlier version", file,
          dropped);
    }
    log.unended = endsUnended(file);
    return log;
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  /**
   * Whether the map keeps the values of tokens labelled {@code label}: only the types whose reveal serves
   * correlation (which address, host, user, person or customer name a token stands for). Never a credential
   * (secrets, API and AWS keys, private keys, Authorization values, JWTs, password hashes), a regulated number (card,
   * IBAN, SSN) or a custom rule's match: a file of those in clear text would be a credential store on every node.
   */
  public static boolean keeps(String label) {
    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
    return isKept(l, 0, l.length);
  }

  /** {@link #keeps(String)} for a built-in detector's type. */
  public static boolean keeps(DetectorType type) {
    return KEPT.contains(type);
  }

  /** Whether {@code b[off, end)} is the label of a kept type. */
  private static boolean isKept(byte[] b, int off, int end) {
    for (byte[] l : KEPT_LABELS) {
      if (Arrays.equals(b, off, end, l, 0, l.length)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The position of the colon that ends the label of the token {@code b[off, end)} starts with ({@code <label:}),
   * or -1 when it does not start with one before a tab.
   */
  private static int labelEnd(byte[] b, int off, int end) {
    if (off >= end || b[off] != '<') {
      return -1;
    }
    for (int i = off + 1; i < end; i++) {
      if (b[i] == ':') {
        return i;
      }
      if (b[i] == '\t') {
        return -1;
      }
    }
    return -1;
  }

  /** Whether the line {@code b[off, end)} is the pair of a token whose type is never kept. */
  private static boolean neverKept(byte[] b, int off, int end) {
    int colon = labelEnd(b, off, end);
    return colon > 0 && !isKept(b, off + 1, colon);
  }

  /**
   * Puts the fingerprints of the file's first {@value #MAX_REMEMBERED} lines of kept types into {@link #seen}: no
   * line is kept, only 8 bytes per line in a table (a map of a million lines, ~50 MB, used to be held as bytes:
   * ~115 MB more resident and ~0.5 s more at every start of {@code agent redact} and {@code agent export-bundle}).
   * Returns how many lines are of types that are never kept (the whole file is read for them).
   */
  private int readKnownLines() throws IOException {
    int[] counts = new int[2]; // lines remembered, lines never kept
    forEachLine(file, (b, off, end) -> {
      if (neverKept(b, off, end)) {
        counts[1]++;
      } else if (counts[0] < MAX_REMEMBERED) {
        seen.add(b, off, end - off);
        counts[0]++;
      }
    });
    return counts[1];
  }

  /** Rewrites the file without the lines of types that are never kept: a temporary file, then a rename. */
  private void dropLinesNeverKept() throws IOException {
    Path temporary = file.resolveSibling("." + FILE_NAME + ".purge");
    Files.deleteIfExists(temporary);
    createOwnerOnly(temporary);
    try {
      try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        forEachLine(file, (b, off, end) -> {
          if (!neverKept(b, off, end)) {
            out.write(b, off, end - off);
            out.write('\n');
          }
        });
        out.flush();
        ch.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Receives the lines of a file, without their ends. */
  private interface LineVisitor {
    void line(byte[] b, int off, int end) throws IOException;
  }

  /**
   * Calls {@code visitor} with each line of {@code file}, streaming. Lines end at {@code \n}, {@code \r} or
   * {@code \r\n}, as for {@link Files#lines}; any byte is taken as it is; a last line without its end is a line.
   */
  private static void forEachLine(Path file, LineVisitor visitor) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[(int) Math.min(READ_BUFFER, Files.size(file) + 1)];
      int have = 0; // bytes at the buffer's start: the part of a line read before
      boolean skipLf = false; // the last line ended at a \r: a \n right after it belongs to that end
      boolean eof = false;
      while (!eof) {
        int end = have;
        while (end < buf.length) {
          int n = in.read(buf, end, buf.length - end);
          if (n < 0) {
            eof = true;
            break;
          }
          end += n;
        }
        int start = 0;
        int p = have;
        if (skipLf && p == 0 && end > 0) {
          if (buf[0] == '\n') {
            start = 1;
            p = 1;
          }
          skipLf = false;
        }
        for (; p < end; p++) {
          byte c = buf[p];
          if (c == '\n' || c == '\r') {
            visitor.line(buf, start, p);
            if (c == '\r') {
              if (p + 1 == end) {
                skipLf = true;
              } else if (buf[p + 1] == '\n') {
                p++;
              }
            }
            start = p + 1;
          }
        }
        if (eof && start < end) {
          visitor.line(buf, start, end); // a last line without its end
          start = end;
        }
        have = end - start;
        if (start == 0 && !eof) {
          buf = Arrays.copyOf(buf, 2 * buf.length); // a line longer than the buffer
        } else {
          System.arraycopy(buf, start, buf, 0, have);
        }
      }
    }
  }

  /** Whether the file's last line has no end (a write cut short). */
  private static boolean endsUnended(Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.position(size - 1).read(last);
      return last.get(0) != '\n' && last.get(0) != '\r';
    }
  }

  /**
   * Remembers that {@code token} stands for {@code value}; repeated pairs are written once, pairs of a type that is
   * never kept ({@link #keeps(String)}) not at all.
   */
  public void record(String token, String value) {
    record(token.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@link #record(String, String)} for a token and a value as bytes, as the redaction engine holds them: the
   * same line, built without the strings, the string concatenation and a character encoder (one of these per
   * new value; in {@code agent redact} they were ~10 % of the CPU). {@code value} is taken as UTF-8, malformed
   * sequences as U+FFFD, as {@code new String(value, UTF_8)} would.
   */
  public synchronized void record(byte[] token, byte[] value) {
    int colon = labelEnd(token, 0, token.length);
    if (colon < 0 || !isKept(token, 1, colon)) {
      return;
    }
    byte[] v = value;
    for (byte c : value) {
      if (c < 0) {
        v = new String(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        break;
      }
    }
    int n = token.length + 1 + 4 * ((v.length + 2) / 3);
    if (line.length < n + 1) {
      line = new byte[Math.max(n + 1, 2 * line.length)];
      encoded = new byte[line.length];
    }
    byte[] l = line;
    System.arraycopy(token, 0, l, 0, token.length);
    l[token.length] = '\t';
    base64.encode(v, encoded);
    System.arraycopy(encoded, 0, l, token.length + 1, n - token.length - 1);
    l[n] = '\n';
    // the line without its newline, as the file's lines are read back into seen
    if (!seen.addIfAbsent(l, 0, n, MAX_REMEMBERED)) {
      return;
    }
    try {
      if (writer == null) {
        writer = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16);
        if (unended) {
          writer.write('\n');
        }
      }
      writer.write(l, 0, n + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pseudonym reverse map " + file, e);
    }
  }

  /**
   * The original values recorded for {@code token} (usually one; two values may share a token); none for a type that
   * is never kept.
   *
   * @throws IOException if the file cannot be read
   */
  public synchronized List<String> lookup(String token) throws IOException {
    flush();
    return read(file, List.of(token)).get(token);
  }

  /**
   * The original values recorded for each of {@code tokens} in the reverse map of {@code stateDir}, read in one pass
   * and without opening the map for writing (nothing is created; {@code agent redact --reveal}). A token that is
   * not in the map, or of a type that is never kept (even if an earlier version wrote it), maps to an empty list; the
   * map's order is the tokens' order.
   *
   * @throws IOException if the map is missing or cannot be read
   */
  public static Map<String, List<String>> lookup(Path stateDir, Collection<String> tokens) throws IOException {
    return read(stateDir.resolve(FILE_NAME), tokens);
  }

  private static Map<String, List<String>> read(Path file, Collection<String> tokens) throws IOException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, List<String>> wanted = new HashMap<>();
    for (String t : tokens) {
      List<String> found = new ArrayList<>();
      values.put(t, found);
      byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
      int colon = labelEnd(b, 0, b.length);
      if (colon > 0 && isKept(b, 1, colon)) {
        wanted.put(t, found);
      }
    }
    Base64.Decoder base64 = Base64.getDecoder();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        int tab = l.indexOf('\t');
        List<String> found = tab > 0 ? wanted.get(l.substring(0, tab)) : null;
        // the writer pads its base64: a length that is not a multiple of 4 is a line cut short by a crash
        if (found != null && (l.length() - tab - 1) % 4 == 0) {
          String v;
          try {
            v = new String(base64.decode(l.substring(tab + 1)), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            continue; // a line cut short by a crash: its pair is recorded again when the value is seen again
          }
          if (!found.contains(v)) {
            found.add(v);
          }
        }
      }
    }
    return values;
  }

  /** Writes buffered pairs to the file. */
  public synchronized void flush() throws IOException {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  /**
   * A set of byte strings (lines) kept as 64-bit fingerprints in an open-addressing table: 8 bytes per line, none
   * of its bytes. Two different lines are taken for one only if their fingerprints are equal: for a million lines
   * the odds of that anywhere in the set are about 1 in 37 million, and its cost is one pair not written (its token
   * could not be revealed). Not thread-safe.
   */
  static final class LineSet {
    /** Fingerprint per slot, 0 when empty (a fingerprint of 0 is stored as 1); at most half full. */
    private long[] table = new long[2048];
    private int size;

    int size() {
      return size;
    }

    /** Adds {@code b[off, off + len)} unless it is there; returns whether it was absent. */
    boolean add(byte[] b, int off, int len) {
      return addIfAbsent(b, off, len, Integer.MAX_VALUE);
    }

    /**
     * Whether {@code b[off, off + len)} is absent; it is added when absent and the set holds fewer than {@code max}
     * lines.
     */
    boolean addIfAbsent(byte[] b, int off, int len, int max) {
      long f = fingerprint(b, off, len);
      int mask = table.length - 1;
      int slot = (int) f & mask;
      for (long e; (e = table[slot]) != 0; slot = (slot + 1) & mask) {
        if (e == f) {
          return false;
        }
      }
      if (size >= max) {
        return true;
      }
      table[slot] = f;
      if (2 * ++size > table.length) {
        grow();
      }
      return true;
    }

    private void grow() {
      long[] t = new long[2 * table.length];
      int mask = t.length - 1;
      for (long f : table) {
        if (f != 0) {
          int slot = (int) f & mask;
          while (t[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          t[slot] = f;
        }
      }
      table = t;
    }

    /**
     * A 64-bit fingerprint of all of {@code b[off, off + len)} and its length: 8 bytes at a time, each word
     * multiplied into the state and rotated, then MurmurHash3's 64-bit finalizer; never 0.
     */
    static long fingerprint(byte[] b, int off, int len) {
      long h = 0x9E3779B97F4A7C15L ^ len;
      int end = off + len;
      int i = off;
      for (; i + 8 <= end; i += 8) {
        long w = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
            | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48
            | (b[i + 7] & 0xFFL) << 56;
        h = Long.rotateLeft(h ^ w * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
      }
      long tail = 0;
      for (int shift = 0; i < end; i++, shift += 8) {
        tail |= (b[i] & 0xFFL) << shift;
      }
      h = Long.rotateLeft(h ^ tail * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      h *= 0xC4CEB9FE1A85EC53L;
      h ^= h >>> 33;
      return h == 0 ? 1 : h;
    }
  }
}
