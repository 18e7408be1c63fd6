package io.companyos.agent.exporters.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code heartbeat-state.json}: small JSON, replaced atomically (write, force, rename). */
final class FileHeartbeatStateStore implements HeartbeatStateStore {
  static final String FILE_NAME = "heartbeat-state.json";
  private static final Logger LOG = LoggerFactory.getLogger(FileHeartbeatStateStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  FileHeartbeatStateStore(Path file) {
    this.file = file;
  }

  @Override
  public Optional<HeartbeatState> load() {
    try {
      JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return Optional.of(new HeartbeatState(instant(n, "lastSuccessAt"), instant(n, "lastAttemptAt"),
          n.path("lastOutcome").asText("none yet"), instant(n, "nextDueAt").orElseThrow(),
          n.path("consecutiveFailures").asInt(0), instant(n, "failingSince")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.warn("heartbeat state {} is unreadable ({}); starting afresh", file.getFileName(),
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  @Override
  public void save(HeartbeatState state) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("lastSuccessAt", state.lastSuccessAt().map(Instant::toString).orElse(null));
    n.put("lastAttemptAt", state.lastAttemptAt().map(Instant::toString).orElse(null));
    n.put("lastOutcome", state.lastOutcome());
    n.put("nextDueAt", state.nextDueAt().toString());
    n.put("consecutiveFailures", state.consecutiveFailures());
    n.put("failingSince", state.failingSince().map(Instant::toString).orElse(null));
    byte[] bytes = (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(bytes));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Optional<Instant> instant(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v.asText()));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("bad time in " + key);
    }
  }
}
