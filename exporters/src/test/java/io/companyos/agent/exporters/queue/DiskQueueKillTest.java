package io.companyos.agent.exporters.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a JVM in the middle of appending loses nothing that {@code append} had returned for. */
class DiskQueueKillTest {
  @TempDir
  Path dir;

  @Test
  void everyCommittedBatchSurvivesKillMinus9() throws Exception {
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), QueueWriterMain.class.getName(), dir.toString()))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Map<Long, Integer> committed = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        committed.put(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
        if (committed.size() == 300) {
          child.destroyForcibly(); // SIGKILL, mid-append
          break;
        }
      }
    }
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

    try (DiskQueue q = DiskQueue.builder(dir).segmentBytes(4096).open()) {
      Map<Long, String> onDisk = new HashMap<>();
      while (true) {
        var next = q.peek();
        if (next.isEmpty()) {
          break;
        }
        onDisk.put(next.get().seq(), new String(next.get().payload(), StandardCharsets.UTF_8));
        q.ack(next.get().seq());
      }
      for (Map.Entry<Long, Integer> c : committed.entrySet()) {
        int i = c.getValue();
        assertThat(onDisk.get(c.getKey())).as("batch %d", c.getKey())
            .isEqualTo("payload-" + i + "-" + "x".repeat(i % 200));
      }
      assertThat(q.stats().corrupt()).as("at most the one record being written was torn").isLessThanOrEqualTo(1);
    }
  }
}
