package io.companyos.agent.policy.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained record of everything that leaves ({@code stateDir/egress-ledger.jsonl}). Entries are
 * written and forced to disk before the payload is sent. When the file would pass its size cap it is rotated to
 * {@code egress-ledger.1.jsonl} (older ones shift up, the oldest beyond the cap is deleted) and the chain continues in
 * the new file. Thread-safe; one writer per state directory (the state directory lock guarantees it).
 */
public final class EgressLedger {
  private static final Logger LOG = LoggerFactory.getLogger(EgressLedger.class);

  private final Path dir;
  private final LedgerLimits limits;
  private final Clock clock;
  private long lastSeq;
  private String lastHash;

  private EgressLedger(Path dir, LedgerLimits limits, Clock clock, long lastSeq, String lastHash) {
    this.dir = dir;
    this.limits = limits;
    this.clock = clock;
    this.lastSeq = lastSeq;
    this.lastHash = lastHash;
  }

  /**
   * Opens the ledger in {@code dir}, continuing its chain. A partial last line (a write interrupted by a crash) is
   * cut off: it was never complete, so nothing after it refers to it.
   */
  public static EgressLedger open(Path dir, LedgerLimits limits, Clock clock) throws IOException {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(clock, "clock");
    Files.createDirectories(dir);
    Path current = dir.resolve(LedgerFiles.CURRENT);
    if (Files.exists(current)) {
      dropPartialLastLine(current);
    }
    long seq = 0;
    String hash = LedgerEntry.GENESIS;
    List<Path> files = LedgerFiles.oldestFirst(dir);
    for (int i = files.size() - 1; i >= 0; i--) {
      String last = lastLine(files.get(i));
      if (last != null) {
        try {
          LedgerEntry e = LedgerLine.parse(last);
          seq = e.seq();
          hash = e.hash();
        } catch (LedgerFormatException e) {
          // Continue after it anyway: `agent ledger verify` reports the damage; refusing to start would stop egress
          // accounting, not the damage.
          LOG.warn("egress ledger: the last entry of {} is damaged ({}); continuing the chain after it",
              files.get(i).getFileName(), e.getMessage());
          JsonNode node = new ObjectMapper().readTree(last);
          seq = node.path("seq").asLong(0);
          hash = LedgerLine.sha256Hex(last);
        }
        break;
      }
    }
    return new EgressLedger(dir, limits, clock, seq, hash);
  }

  /** Records a payload about to be sent; call before sending and send only if this returns. */
  public synchronized LedgerEntry recordSend(String kind, URI destination, byte[] payload) throws IOException {
    return append(LedgerEntry.SEND, kind, destination.toString(), payload.length, LedgerLine.sha256Hex(payload),
        "pending");
  }

  /** Records how the attempt recorded by {@code send} ended, e.g. {@code delivered 202} or {@code failed timeout}. */
  public synchronized LedgerEntry recordResult(LedgerEntry send, String outcome) throws IOException {
    return append(LedgerEntry.RESULT, send.kind(), send.destination(), send.bytes(), send.sha256(), outcome);
  }

  public Path directory() {
    return dir;
  }

  private LedgerEntry append(String event, String kind, String destination, long bytes, String sha256,
      String outcome) throws IOException {
    LedgerEntry entry = LedgerLine.seal(lastSeq + 1, clock.instant().truncatedTo(ChronoUnit.MILLIS), event, kind,
        destination, bytes, sha256, outcome, lastHash);
    byte[] line = (LedgerLine.format(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    Path current = dir.resolve(LedgerFiles.CURRENT);
    if (Files.exists(current) && Files.size(current) > 0 && Files.size(current) + line.length > limits.maxFileBytes()) {
      rotate();
    }
    try (FileChannel ch = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    }
    lastSeq = entry.seq();
    lastHash = entry.hash();
    writeHead();
    return entry;
  }

  private void rotate() throws IOException {
    int keep = limits.maxFiles() - 1;
    if (keep == 0) {
      Files.delete(dir.resolve(LedgerFiles.CURRENT));
      return;
    }
    Files.deleteIfExists(LedgerFiles.rotated(dir, keep));
    for (int n = keep - 1; n >= 1; n--) {
      Path from = LedgerFiles.rotated(dir, n);
      if (Files.exists(from)) {
        Files.move(from, LedgerFiles.rotated(dir, n + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(dir.resolve(LedgerFiles.CURRENT), LedgerFiles.rotated(dir, 1), StandardCopyOption.REPLACE_EXISTING);
  }

  private void writeHead() throws IOException {
    Path head = dir.resolve(LedgerFiles.HEAD);
    Path tmp = dir.resolve(LedgerFiles.HEAD + ".tmp");
    Files.writeString(tmp, "{\"seq\":" + lastSeq + ",\"hash\":\"" + lastHash + "\"}\n", StandardCharsets.US_ASCII);
    try {
      Files.move(tmp, head, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, head, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String lastLine(Path file) throws IOException {
    String last = null;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          last = line;
        }
      }
    }
    return last;
  }

  private static void dropPartialLastLine(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size == 0) {
        return;
      }
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.read(one, size - 1);
      if (one.get(0) == '\n') {
        return;
      }
      long pos = size - 1;
      while (pos > 0) {
        one.clear();
        ch.read(one, pos - 1);
        if (one.get(0) == '\n') {
          break;
        }
        pos--;
      }
      ch.truncate(pos);
      ch.force(true);
      LOG.warn("egress ledger: removed a partial last line ({} bytes) left by an interrupted write", size - pos);
    }
  }
}
