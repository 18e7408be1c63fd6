package io.companyos.agent.redaction;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
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
  private BufferedWriter writer;

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
  public synchronized void record(String token, String value) {
    String line = token + "\t" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    if (seen.contains(line)) {
      return;
    }
    if (seen.size() < MAX_REMEMBERED) {
      seen.add(line);
    }
    try {
      if (writer == null) {
        writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
      }
      writer.write(line);
      writer.write('\n');
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
