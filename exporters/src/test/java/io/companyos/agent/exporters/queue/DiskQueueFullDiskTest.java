package io.companyos.agent.exporters.queue;

import io.companyos.agent.collectors.testing.SmallFileSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up while batches are queued: the write fails with the file system's own reason, is counted, and
 * leaves the queue as it was: what was committed before and after the failure is read back in order, also after a
 * restart, with nothing reported corrupt. On a real 2 MiB tmpfs where this process may mount one (root, as here and in
 * CI), else on a channel that runs out of space the same way; the injected channel is exercised everywhere.
 */
class DiskQueueFullDiskTest {
  private static final long DISK = 2L * 1024 * 1024;
  private static final int BATCH = 100 * 1024;

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tmpfs", "injected"})
  void aFullDiskFailsTheAppendCleanlyAndTheQueueStaysReadable(String where) throws Exception {
    SmallFileSystem tmpfs = where.equals("tmpfs") ? SmallFileSystem.mount(tmp, "2m") : null;
    try {
      Path dir = tmpfs != null ? tmpfs.root().resolve("queue") : tmp.resolve("queue");
      Files.createDirectories(dir);
      DiskQueue.Builder builder = DiskQueue.builder(dir).maxBytes(64L * 1024 * 1024).segmentBytes(256 * 1024);
      if (tmpfs == null) {
        builder.segmentChannels(SpaceLimitedChannel.in(dir, DISK));
      }
      SplittableRandom random = new SplittableRandom(3);
      List<byte[]> committed = new ArrayList<>();
      try (DiskQueue queue = builder.open()) {
        IOException full = null;
        for (int i = 0; i < 40 && full == null; i++) { // 40 x 100 KiB > 2 MiB
          byte[] batch = batch(random);
          try {
            queue.append(batch);
            committed.add(batch);
          } catch (IOException e) {
            full = e;
          }
        }
        assertThat(full).as("the disk filled up on " + SmallFileSystem.describe(tmpfs)).isNotNull();
        assertThat(full).hasMessageContaining("No space left on device");
        assertThat(committed).hasSizeBetween(10, 20);
        assertThat(queue.stats().writeErrors()).isEqualTo(1);
        assertThat(queue.stats().batches()).isEqualTo(committed.size());

        // still full: refused again, without damage
        assertThatThrownBy(() -> queue.append(batch(random))).isInstanceOf(IOException.class);
        assertThat(queue.stats().writeErrors()).isEqualTo(2);

        // the exporter catches up: acknowledged segments are deleted, space comes back, appends work again
        for (int i = 0; i < 6; i++) {
          QueuedBatch head = queue.peek().orElseThrow();
          assertThat(head.payload()).isEqualTo(committed.get(0));
          queue.ack(head.seq());
          committed.remove(0);
        }
        byte[] after = batch(random);
        queue.append(after);
        committed.add(after);
      }

      try (DiskQueue reopened = DiskQueue.builder(dir).maxBytes(64L * 1024 * 1024).segmentBytes(256 * 1024).open()) {
        assertThat(reopened.stats().corrupt()).as("no torn record was left behind").isZero();
        List<byte[]> replayed = new ArrayList<>();
        for (var next = reopened.peek(); next.isPresent(); next = reopened.peek()) {
          replayed.add(next.get().payload());
          reopened.ack(next.get().seq());
        }
        assertThat(replayed).hasSameSizeAs(committed);
        for (int i = 0; i < committed.size(); i++) {
          assertThat(Arrays.equals(replayed.get(i), committed.get(i))).as("batch %d", i).isTrue();
        }
      }
    } finally {
      if (tmpfs != null) {
        tmpfs.close();
      }
    }
  }

  private static byte[] batch(SplittableRandom random) {
    byte[] b = new byte[BATCH];
    random.nextBytes(b);
    return b;
  }
}
