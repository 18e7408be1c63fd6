package io.companyos.agent.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueuedBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-over from the SDK's exporters to the disk queue ({@link QueueingSenderProvider#commit}). */
class QueueCommitterTest {
  @TempDir
  Path dir;

  private static List<String> drain(DiskQueue q) throws Exception {
    List<String> out = new ArrayList<>();
    for (Optional<QueuedBatch> b = q.peek(); b.isPresent(); b = q.peek()) {
      out.add(new String(b.get().payload(), StandardCharsets.UTF_8));
      q.ack(b.get().seq());
    }
    return out;
  }

  @Test
  void everyBatchHandedOverIsAppendedInOrderFromSeveralThreads() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      QueueingSenderProvider provider = new QueueingSenderProvider(q);
      List<Thread> producers = new ArrayList<>();
      for (String signal : List.of("logs", "metrics")) {
        Thread t = new Thread(() -> {
          for (int i = 0; i < 300; i++) {
            try {
              provider.commit((signal + "-" + i).getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        });
        producers.add(t);
        t.start();
      }
      for (Thread t : producers) {
        t.join(30_000);
      }
      assertThat(provider.awaitCommitted(Duration.ofSeconds(30))).isTrue();
      List<String> queued = drain(q);
      assertThat(queued).hasSize(600);
      for (String signal : List.of("logs", "metrics")) {
        List<String> own = queued.stream().filter(s -> s.startsWith(signal + "-")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          expected.add(signal + "-" + i);
        }
        assertThat(own).as("each exporter's batches in the order it handed them over").isEqualTo(expected);
      }
    }
  }

  @Test
  void aBatchTheQueueRefusesIsCountedThereAndDoesNotHoldUpTheRest() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).maxBytes(1024).open()) {
      QueueingSenderProvider provider = new QueueingSenderProvider(q);
      provider.commit("before".getBytes(StandardCharsets.UTF_8));
      provider.commit(new byte[2048]); // larger than the cap: refused by the queue
      provider.commit("after".getBytes(StandardCharsets.UTF_8));
      assertThat(provider.awaitCommitted(Duration.ofSeconds(30))).isTrue();
      assertThat(drain(q)).containsExactly("before", "after");
      assertThat(q.stats().dropped()).isEqualTo(1);
    }
  }

  @Test
  void awaitCommittedAnswersAtOnceWhenNothingIsPending() throws Exception {
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      assertThat(new QueueingSenderProvider(q).awaitCommitted(Duration.ZERO)).isTrue();
    }
  }
}
