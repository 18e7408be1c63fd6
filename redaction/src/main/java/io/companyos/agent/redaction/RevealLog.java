package io.companyos.agent.redaction;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local reverse map of pseudonyms, {@code token → original value}, so that the customer, on the
 * installation that holds the key, can look tokens up ({@code agent redact --reveal}). It lives in the
 * state directory in a file readable by the owner only and is never part of a bundle or of telemetry.
 *
 * <p>One line per pair: the token, a tab, the value in base64. Thread-safe.
 */
public final class RevealLog implements Closeable {
  /** The file name inside the state directory. */
  public static final String FILE_NAME = "pseudonyms.tsv";
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
   * Opens (creating with mode {@code 0600} when missing) the reverse map in {@code stateDir}.
   *
   * @throws IOException if the file cannot be created or read
   */
  public static RevealLog open(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    Path file = stateDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      if (stateDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    }
    RevealLog log = new RevealLog(file);
    log.readKnownLines();
    return log;
  }

  /**
   * Puts the fingerprints of the file's first {@value #MAX_REMEMBERED} lines into {@link #seen}: no line is kept,
   * only 8 bytes per line in a table (a map of a million lines, ~50 MB, used to be held as bytes: ~115 MB more
   * resident and ~0.5 s more at every start of {@code agent redact} and {@code agent export-bundle}). Lines end at
   * {@code \n}, {@code \r} or {@code \r\n}, as for {@link Files#lines}; any byte is taken as it is.
   */
  private void readKnownLines() throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[(int) Math.min(READ_BUFFER, Files.size(file) + 1)];
      int have = 0; // bytes at the buffer's start: the part of a line read before
      int lines = 0;
      boolean skipLf = false; // the last line ended at a \r: a \n right after it belongs to that end
      boolean eof = false;
      while (!eof && lines < MAX_REMEMBERED) {
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
        for (; p < end && lines < MAX_REMEMBERED; p++) {
          byte c = buf[p];
          if (c == '\n' || c == '\r') {
            seen.add(buf, start, p - start);
            lines++;
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
        if (eof && start < end && lines < MAX_REMEMBERED) {
          seen.add(buf, start, end - start); // a last line without its end
          lines++;
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
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size > 0) {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.position(size - 1).read(last);
        unended = last.get(0) != '\n' && last.get(0) != '\r';
      }
    }
  }

  /** Remembers that {@code token} stands for {@code value}; repeated pairs are written once. */
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
   * The original values recorded for {@code token} (usually one; two values may share a token).
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
   * not in the map maps to an empty list; the map's order is the tokens' order.
   *
   * @throws IOException if the map is missing or cannot be read
   */
  public static Map<String, List<String>> lookup(Path stateDir, Collection<String> tokens) throws IOException {
    return read(stateDir.resolve(FILE_NAME), tokens);
  }

  private static Map<String, List<String>> read(Path file, Collection<String> tokens) throws IOException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String t : tokens) {
      values.put(t, new ArrayList<>());
    }
    Base64.Decoder base64 = Base64.getDecoder();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        int tab = l.indexOf('\t');
        List<String> found = tab > 0 ? values.get(l.substring(0, tab)) : null;
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
