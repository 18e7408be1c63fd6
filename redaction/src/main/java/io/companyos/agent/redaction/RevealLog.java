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

  private final Path file;
  /** The lines known to be in the file (without their ends), up to {@value #MAX_REMEMBERED}. */
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
   * Puts the file's first {@value #MAX_REMEMBERED} lines into {@link #seen}, as bytes: no characters, strings or
   * hash-set nodes (at every start of {@code agent redact} this read the whole map, ~6 MB for 256 MiB of logs, into
   * a {@code HashSet<String>}: ~0.3 CPU-s and ~20 MB more resident than with an empty map). Lines end at
   * {@code \n}, {@code \r} or {@code \r\n}, as for {@link Files#lines}; any byte is taken as it is.
   */
  private void readKnownLines() throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      // each buffer is filled, then kept as the set's storage of the lines that end in it (no copy of them)
      byte[] buf = new byte[(int) Math.min(LineSet.BLOCK, Files.size(file) + 1)];
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
            seen.addInPlace(buf, start, p - start);
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
          seen.addInPlace(buf, start, end - start); // a last line without its end
          lines++;
          start = end;
        }
        have = end - start;
        if (start == 0) {
          buf = Arrays.copyOf(buf, 2 * buf.length); // a line longer than the buffer (or the end of the file)
        } else if (!eof) {
          byte[] next = new byte[Math.max(LineSet.BLOCK, 2 * have)];
          System.arraycopy(buf, start, next, 0, have);
          buf = next;
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
   * A set of byte strings (lines), kept as bytes in 1 MiB blocks and found by an open-addressing table of
   * entry numbers: exact (a hash match is compared byte for byte), no object per line. Not thread-safe.
   */
  static final class LineSet {
    private static final int BLOCK = 1 << 20;
    private final List<byte[]> blocks = new ArrayList<>();
    /** The block that new lines are copied into, and its number. */
    private byte[] block = new byte[0];
    private int blockIndex;
    private int blockUsed;
    /** The last block taken over from the caller ({@link #addInPlace}), and its number. */
    private byte[] adopted;
    private int adoptedIndex;
    /** Per entry: its block (high 32 bits) and offset (low 32 bits), length and hash. */
    private long[] where = new long[1024];
    private int[] lengths = new int[1024];
    private int[] hashes = new int[1024];
    private int size;
    /** Entry number + 1 per slot, 0 when empty; at most half full. */
    private int[] table = new int[2048];

    int size() {
      return size;
    }

    /** Adds {@code b[off, off + len)} unless it is there; returns whether it was absent. */
    boolean add(byte[] b, int off, int len) {
      return addIfAbsent(b, off, len, Integer.MAX_VALUE);
    }

    /**
     * Whether {@code b[off, off + len)} is absent; it is added (copied) when absent and the set holds fewer than
     * {@code max} lines.
     */
    boolean addIfAbsent(byte[] b, int off, int len, int max) {
      int h = hash(b, off, len);
      int slot = slotOf(b, off, len, h);
      if (table[slot] != 0) {
        return false;
      }
      if (size >= max) {
        return true;
      }
      if (block.length - blockUsed < len) {
        block = new byte[Math.max(BLOCK, len)];
        blockIndex = blocks.size();
        blocks.add(block);
        blockUsed = 0;
      }
      System.arraycopy(b, off, block, blockUsed, len);
      put(slot, blockIndex, blockUsed, len, h);
      blockUsed += len;
      return true;
    }

    /**
     * Adds {@code b[off, off + len)} unless it is there, keeping {@code b} itself as its storage (the caller
     * never changes {@code b} again); returns whether it was absent.
     */
    boolean addInPlace(byte[] b, int off, int len) {
      int h = hash(b, off, len);
      int slot = slotOf(b, off, len, h);
      if (table[slot] != 0) {
        return false;
      }
      if (adopted != b) {
        adopted = b;
        adoptedIndex = blocks.size();
        blocks.add(b);
      }
      put(slot, adoptedIndex, off, len, h);
      return true;
    }

    /** The slot that holds this line, else the empty slot where it goes. */
    private int slotOf(byte[] b, int off, int len, int h) {
      int mask = table.length - 1;
      int slot = h & mask;
      for (int e; (e = table[slot]) != 0; slot = (slot + 1) & mask) {
        e--;
        if (hashes[e] == h && lengths[e] == len) {
          long w = where[e];
          int at = (int) w;
          if (Arrays.equals(blocks.get((int) (w >>> 32)), at, at + len, b, off, off + len)) {
            return slot;
          }
        }
      }
      return slot;
    }

    private void put(int slot, int blockNumber, int at, int len, int h) {
      if (size == where.length) {
        where = Arrays.copyOf(where, 2 * size);
        lengths = Arrays.copyOf(lengths, 2 * size);
        hashes = Arrays.copyOf(hashes, 2 * size);
      }
      where[size] = ((long) blockNumber << 32) | at;
      lengths[size] = len;
      hashes[size] = h;
      table[slot] = ++size;
      if (2 * size > table.length) {
        grow();
      }
    }

    private void grow() {
      int[] t = new int[2 * table.length];
      int mask = t.length - 1;
      for (int e = 0; e < size; e++) {
        int slot = hashes[e] & mask;
        while (t[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        t[slot] = e + 1;
      }
      table = t;
    }

    /**
     * The length, the first 32 bytes (the token, the tab, the value's start) and the last 8: the tokens' 32 bits
     * tell the lines apart, so the rest of a long value need not be hashed (equal hashes are compared in full).
     */
    private static int hash(byte[] b, int off, int len) {
      int h = len;
      int end = off + len;
      int head = off + Math.min(len, 32);
      for (int i = off; i < head; i++) {
        h = 31 * h + b[i];
      }
      for (int i = Math.max(head, end - 8); i < end; i++) {
        h = 31 * h + b[i];
      }
      h *= 0x9E3779B9; // the table takes the low bits: spread the high ones into them
      return h ^ (h >>> 16);
    }
  }
}
