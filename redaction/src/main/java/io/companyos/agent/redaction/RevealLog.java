package io.companyos.agent.redaction;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
  private final Set<String> seen = new HashSet<>();
  private final Base64.Encoder base64 = Base64.getEncoder();
  private OutputStream writer;

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
    try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
      lines.limit(MAX_REMEMBERED).forEach(l -> log.seen.add(l));
    }
    return log;
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
    byte[] encoded = base64.encode(v);
    byte[] line = new byte[token.length + 1 + encoded.length + 1];
    System.arraycopy(token, 0, line, 0, token.length);
    line[token.length] = '\t';
    System.arraycopy(encoded, 0, line, token.length + 1, encoded.length);
    line[line.length - 1] = '\n';
    // the line without its newline, as the file's lines are read back into seen (all ASCII: one char per byte)
    String key = new String(line, 0, line.length - 1, StandardCharsets.ISO_8859_1);
    if (seen.contains(key)) {
      return;
    }
    if (seen.size() < MAX_REMEMBERED) {
      seen.add(key);
    }
    try {
      if (writer == null) {
        writer = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 8192);
      }
      writer.write(line);
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
    List<String> values = new ArrayList<>();
    String prefix = token + "\t";
    try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
      lines.filter(l -> l.startsWith(prefix)).forEach(l -> {
        String v = new String(Base64.getDecoder().decode(l.substring(prefix.length())), StandardCharsets.UTF_8);
        if (!values.contains(v)) {
          values.add(v);
        }
      });
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
}
