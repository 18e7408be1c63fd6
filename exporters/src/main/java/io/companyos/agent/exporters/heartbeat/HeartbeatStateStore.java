package io.companyos.agent.exporters.heartbeat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the scheduler keeps its {@link HeartbeatState}. */
public interface HeartbeatStateStore {
  /** The stored state; empty when none (first run) or unreadable (logged; the scheduler then starts fresh). */
  Optional<HeartbeatState> load();

  /** Replaces the stored state atomically. */
  void save(HeartbeatState state) throws IOException;

  /** The state in {@code stateDir/heartbeat-state.json}. */
  static HeartbeatStateStore inDirectory(Path stateDir) {
    return new FileHeartbeatStateStore(stateDir.resolve(FileHeartbeatStateStore.FILE_NAME));
  }
}
