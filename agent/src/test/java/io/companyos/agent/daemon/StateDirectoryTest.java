package io.companyos.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  @Test
  void createsAPrivateDirectoryWithAStableInstallationId(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("a/b/state");
    String id;
    try (StateDirectory state = StateDirectory.open(dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
      id = state.installationId().toString();
      assertThat(Files.readString(dir.resolve("installation-id")).trim()).isEqualTo(id);
    }
    try (StateDirectory again = StateDirectory.open(dir)) {
      assertThat(again.installationId().toString()).isEqualTo(id);
    }
  }

  @Test
  @SuppressWarnings("try") // opening is what is tested
  void tightensAnExistingDirectoryToOwnerOnly(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("state"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (StateDirectory ignored = StateDirectory.open(dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
  }

  @Test
  void aSecondOpenIsRefusedUntilTheFirstCloses(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("state");
    StateDirectory first = StateDirectory.open(dir);
    assertThatThrownBy(() -> StateDirectory.open(dir))
        .isInstanceOf(StateDirectoryException.class)
        .hasMessage("state directory " + dir + " is in use by another agent (pid " + ProcessHandle.current().pid()
            + "); give each agent its own stateDir");
    first.close();
    StateDirectory.open(dir).close();
  }

  @Test
  void aCorruptInstallationIdIsRefusedNotReplaced(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("state");
    StateDirectory.open(dir).close();
    Files.writeString(dir.resolve("installation-id"), "not-a-uuid\n");
    assertThatThrownBy(() -> StateDirectory.open(dir))
        .hasMessageContaining("installation-id is not a UUID");
    assertThat(Files.readString(dir.resolve("installation-id"))).isEqualTo("not-a-uuid\n");
  }

  @Test
  void reportsWhenTheDirectoryStopsBeingWritable(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("state");
    try (StateDirectory state = StateDirectory.open(dir)) {
      assertThat(state.writabilityProblem()).isNull();
      deleteTree(dir);
      assertThat(state.writabilityProblem())
          .isEqualTo("state directory " + dir + " is not writable (NoSuchFileException)");
    }
  }

  static void deleteTree(Path dir) throws Exception {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
