package io.companyos.agent.collectors.logs;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {

  @TempDir Path dir;

  @Test
  void returnsAppendedCompleteLinesOnly() throws Exception {
    Path log = dir.resolve("app.log");
    append(log, "old line\n");
    try (LogFollower follower = new LogFollower(log, true)) {
      assertThat(follower.poll()).isEmpty();

      append(log, "one\ntw");
      assertThat(follower.poll()).containsExactly("one");
      append(log, "o\nthree\n");
      assertThat(follower.poll()).containsExactly("two", "three");
      assertThat(follower.poll()).isEmpty();
    }
  }

  @Test
  void waitsForAFileThatDoesNotExistYetAndReadsItFromTheStart() throws Exception {
    Path log = dir.resolve("late.log");
    try (LogFollower follower = new LogFollower(log, true)) {
      assertThat(follower.poll()).isEmpty();
      append(log, "first\n");
      // Created after following began: everything in it is new.
      assertThat(follower.poll()).containsExactly("first");
    }
  }

  @Test
  void followsRenameRotationWithoutLosingTheOldFilesTail() throws Exception {
    Path log = dir.resolve("app.log");
    append(log, "a1\n");
    try (LogFollower follower = new LogFollower(log, false)) {
      assertThat(follower.poll()).containsExactly("a1");

      append(log, "a2\na3-partial");
      Files.move(log, dir.resolve("app.log.1"), StandardCopyOption.ATOMIC_MOVE);
      append(dir.resolve("app.log.1"), "\n"); // writer still had the old file open
      append(log, "b1\nb2\n");

      assertThat(follower.poll()).containsExactly("a2", "a3-partial", "b1", "b2");
      append(log, "b3\n");
      assertThat(follower.poll()).containsExactly("b3");
    }
  }

  @Test
  void followsCopytruncateRotation() throws Exception {
    Path log = dir.resolve("app.log");
    append(log, "a1\na2\n");
    try (LogFollower follower = new LogFollower(log, false)) {
      assertThat(follower.poll()).containsExactly("a1", "a2");

      Files.copy(log, dir.resolve("app.log.1"));
      try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
        channel.truncate(0);
      }
      append(log, "b1\n");

      assertThat(follower.poll()).containsExactly("b1");
      append(log, "b2\n");
      assertThat(follower.poll()).containsExactly("b2");
    }
  }

  @Test
  void survivesRepeatedRotationsWhileBeingWritten() throws Exception {
    Path log = dir.resolve("app.log");
    java.util.List<String> seen = new java.util.ArrayList<>();
    try (LogFollower follower = new LogFollower(log, false)) {
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 100; i++) {
          append(log, "r" + round + "-" + i + "\n");
          if (i % 37 == 0) {
            seen.addAll(follower.poll());
          }
        }
        if (round % 2 == 0) {
          Files.move(log, dir.resolve("app.log." + round));
        } else {
          seen.addAll(follower.poll()); // copytruncate loses unread lines: read them first
          try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
          }
        }
      }
      seen.addAll(follower.poll());
    }
    assertThat(seen).hasSize(500).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("r0-0");
    assertThat(seen.get(499)).isEqualTo("r4-99");
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, CREATE, APPEND);
  }
}
