package io.companyos.agent.exporters.queue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Child process for {@link DiskQueueKillTest}: appends batches forever, printing each sequence number once durable. */
public final class QueueWriterMain {
  private QueueWriterMain() {}

  public static void main(String[] args) throws Exception {
    try (DiskQueue q = DiskQueue.builder(Path.of(args[0])).segmentBytes(4096).open()) {
      for (int i = 0; ; i++) {
        byte[] payload = ("payload-" + i + "-" + "x".repeat(i % 200)).getBytes(StandardCharsets.UTF_8);
        long seq = q.append(payload);
        System.out.println(seq + " " + i);
        System.out.flush();
      }
    }
  }
}
