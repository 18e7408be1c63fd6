package io.companyos.agent.exporters.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskQueueTest {
  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> drainAll(DiskQueue q) throws Exception {
    List<String> out = new ArrayList<>();
    while (true) {
      var next = q.peek();
      if (next.isEmpty()) {
        return out;
      }
      out.add(new String(next.get().payload(), StandardCharsets.UTF_8));
      q.ack(next.get().seq());
    }
  }

  private List<Path> segments() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    }
  }

  @Test
  void firstInFirstOutWithTimestamps() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    try (DiskQueue q = DiskQueue.builder(dir).clock(clock).open()) {
      long s1 = q.append(bytes("a"));
      long s2 = q.append(bytes("b"));
      assertThat(s2).isGreaterThan(s1);
      assertThat(q.stats().batches()).isEqualTo(2);
      assertThat(q.stats().bytes()).isEqualTo(2);
      assertThat(q.stats().oldestEnqueuedAt()).contains(Instant.parse("2026-11-25T10:00:00Z"));
      assertThat(drainAll(q)).containsExactly("a", "b");
      assertThat(q.stats().batches()).isZero();
    }
  }

  @Test
  void aRestartReplaysWhatWasNotAcknowledged() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
      for (int i = 0; i < 10; i++) {
        q.append(bytes("batch-" + i));
      }
      for (int i = 0; i < 4; i++) {
        q.ack(q.peek().orElseThrow().seq());
      }
    }
    try (DiskQueue reopened = DiskQueue.builder(dir).segmentBytes(64).open()) {
      assertThat(reopened.stats().corrupt()).isZero();
      long next = reopened.append(bytes("after-restart"));
      assertThat(drainAll(reopened)).containsExactly("batch-4", "batch-5", "batch-6", "batch-7", "batch-8",
          "batch-9", "after-restart");
      assertThat(next).isEqualTo(11);
    }
    assertThat(segments()).as("acknowledged segments are deleted").hasSizeLessThanOrEqualTo(1);
  }

  /**
   * Segment names are ASCII digits whatever the JVM's default locale: named under Persian digits (e.g. LANG=fa_IR),
   * a queue's old segments sorted after the ones a later run under another locale wrote, and were replayed last.
   */
  @Test
  void segmentNamesAndReplayOrderDoNotDependOnTheDefaultLocale() throws Exception {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("fa-IR"));
      try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
        for (int i = 0; i < 3; i++) {
          q.append(bytes("before-" + i));
        }
      }
      Locale.setDefault(Locale.ROOT);
      try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
        for (int i = 0; i < 3; i++) {
          q.append(bytes("after-" + i));
        }
      }
      assertThat(segments()).hasSizeGreaterThan(1)
          .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("[0-9]{20}\\.seg"));
      try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
        assertThat(drainAll(q)).containsExactly("before-0", "before-1", "before-2", "after-0", "after-1", "after-2");
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  /** Segments an earlier version named with Persian digits are replayed before the ones written since. */
  @Test
  void segmentsNamedWithOtherDigitsAreReplayedInTheirOrder() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
      for (int i = 0; i < 3; i++) {
        q.append(bytes("before-" + i));
      }
    }
    for (Path segment : segments()) {
      StringBuilder persian = new StringBuilder();
      segment.getFileName().toString().chars()
          .forEach(c -> persian.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + c - '0') : (char) c));
      Files.move(segment, segment.resolveSibling(persian.toString()));
    }
    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
      assertThat(q.stats().corrupt()).isZero();
      for (int i = 0; i < 3; i++) {
        q.append(bytes("after-" + i));
      }
    }
    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
      assertThat(drainAll(q)).containsExactly("before-0", "before-1", "before-2", "after-0", "after-1", "after-2");
    }
  }

  @Test
  void whenFullTheOldestAreDroppedAndCounted() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).maxBytes(1024).segmentBytes(300).open()) {
      for (int i = 0; i < 20; i++) {
        q.append(bytes(String.format(Locale.ROOT, "%099d", i))); // 99 bytes each; 10 fit under 1024
      }
      assertThat(q.stats().dropped()).isEqualTo(10);
      assertThat(q.stats().bytes()).isLessThanOrEqualTo(1024);
      List<String> left = drainAll(q);
      assertThat(left).hasSize(10);
      assertThat(Long.parseLong(left.get(0))).isEqualTo(10);
      assertThat(Long.parseLong(left.get(9))).isEqualTo(19);
    }
    try (DiskQueue reopened = DiskQueue.builder(dir).maxBytes(1024).segmentBytes(300).open()) {
      assertThat(reopened.stats().batches()).as("drops survive a restart").isZero();
    }
  }

  @Test
  void aBatchLargerThanTheCapIsRefused() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).maxBytes(1024).open()) {
      assertThatThrownBy(() -> q.append(new byte[2000]))
          .hasMessage("batch of 2000 bytes exceeds the queue cap of 1024 bytes");
      assertThat(q.stats().dropped()).isEqualTo(1);
    }
  }

  @Test
  void aTornWriteAtTheTailIsCutOffCountedAndAppendsContinue() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      q.append(bytes("one"));
      q.append(bytes("two"));
      q.append(bytes("three"));
    }
    Path seg = segments().get(0);
    long size = Files.size(seg);
    try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
      f.setLength(size - 2); // the last record lost its last bytes, as a crash mid-write leaves it
    }
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      assertThat(q.stats().corrupt()).isEqualTo(1);
      q.append(bytes("four"));
      assertThat(drainAll(q)).containsExactly("one", "two", "four");
    }
  }

  @Test
  void aFlippedByteIsDetectedAndTheDamagedSegmentSkippedWithoutFailingToOpen() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
      for (int i = 0; i < 6; i++) {
        q.append(bytes("record-" + i)); // 28 + 8 bytes each: one record per 64-byte segment
      }
    }
    List<Path> segs = segments();
    assertThat(segs).hasSize(6);
    try (RandomAccessFile f = new RandomAccessFile(segs.get(2).toFile(), "rw")) {
      f.seek(30);
      int b = f.read();
      f.seek(30);
      f.write(b ^ 0x40);
    }
    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) {
      assertThat(q.stats().corrupt()).isEqualTo(1);
      assertThat(drainAll(q)).containsExactly("record-0", "record-1", "record-3", "record-4", "record-5");
    }
  }

  @Test
  void garbageInTheDirectoryNeverPreventsOpening() throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve("00000000000000000001.seg"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
        14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30});
    Files.writeString(dir.resolve("acked"), "not a number");
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      assertThat(q.stats().corrupt()).isEqualTo(2);
      q.append(bytes("fine"));
      assertThat(drainAll(q)).containsExactly("fine");
    }
  }

  @Test
  void ackingOutOfOrderIsRefused() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      q.append(bytes("a"));
      long second = q.append(bytes("b"));
      assertThatThrownBy(() -> q.ack(second)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void peekAfterGivesTheSuccessorOfAQueuedBatchOnly() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(64).open()) { // one record per segment: reads across files
      long a = q.append(bytes("a"));
      long b = q.append(bytes("b"));
      long c = q.append(bytes("c"));
      assertThat(q.peekAfter(a).map(x -> new String(x.payload(), StandardCharsets.UTF_8))).contains("b");
      assertThat(q.peekAfter(b).map(QueuedBatch::seq)).contains(c);
      assertThat(q.peekAfter(c)).as("the newest has no successor").isEmpty();
      q.ack(a);
      assertThat(q.peekAfter(a)).as("acknowledged: no longer queued").isEmpty();
      assertThat(q.peek().map(QueuedBatch::seq)).contains(b);
      assertThat(drainAll(q)).containsExactly("b", "c");
    }
  }

  @Test
  void theConsumerIsNotHeldUpByAFlushAndSeesABatchOnlyOnceItIsDurable() throws Exception {
    java.util.concurrent.CountDownLatch flushing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean();
    SpaceLimitedChannel.FlushHook hook = () -> {
      if (slow.get()) {
        flushing.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    java.util.concurrent.ExecutorService producer = java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.concurrent.ExecutorService consumer = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (DiskQueue q = DiskQueue.builder(dir).segmentChannels(SpaceLimitedChannel.in(dir, Long.MAX_VALUE, hook))
        .open()) {
      try {
        long first = q.append(bytes("first"));
        slow.set(true);
        java.util.concurrent.Future<Long> second = producer.submit(() -> q.append(bytes("second")));
        assertThat(flushing.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // the second batch is written and being flushed: the consumer goes on (within a bound, where it used to wait
        // for the flush), and does not see it yet
        consumer.submit(() -> {
          assertThat(q.peek().map(QueuedBatch::seq)).contains(first);
          assertThat(q.peekAfter(first)).isEmpty();
          q.ack(first);
          assertThat(q.peek()).isEmpty();
          assertThat(q.stats().batches()).isZero();
          return null;
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(second.isDone()).isFalse();
        release.countDown();
        long seq = second.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(q.peek().map(QueuedBatch::seq)).contains(seq);
        assertThat(drainAll(q)).containsExactly("second");
      } finally {
        release.countDown(); // before the queue closes: closing waits for the append
      }
    } finally {
      producer.shutdownNow();
      consumer.shutdownNow();
    }
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      assertThat(drainAll(q)).as("both acknowledged before the restart").isEmpty();
    }
  }
}
