package io.companyos.agent.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.companyos.agent.policy.ledger.LedgerEntry;
import io.companyos.agent.policy.ledger.LedgerReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code kill -9} of a drainer with requests in flight: a {@link DrainerChildMain} JVM drains the state directory's
 * queue towards an endpoint that accepts each connection and never answers, and is killed (SIGKILL) as soon as the
 * ledger holds two {@code send} entries — one request in flight, the next recorded ahead of it.
 */
final class KilledDrainer {
  private static final long WITHIN_SECONDS = 120;

  private KilledDrainer() {}

  /** Runs and kills the child on {@code dir} (its queue, ledger and {@code child.err}). */
  static void killAfterTwoSends(Path dir) throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Process child = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
          "-cp", System.getProperty("java.class.path"), DrainerChildMain.class.getName(), dir.toString(),
          "http://127.0.0.1:" + silent.getLocalPort()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(dir.resolve("child.err").toFile())
          .start();
      try {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WITHIN_SECONDS);
        while (ledger(dir).stream().filter(e -> e.event().equals("send")).count() < 2) {
          if (!child.isAlive() || System.nanoTime() > until) {
            fail("the child did not record two sends within " + WITHIN_SECONDS + " s (alive: " + child.isAlive()
                + "): ledger " + ledger(dir) + ", child's stderr " + childErr(dir));
          }
          Thread.sleep(20);
        }
      } finally {
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  /** The ledger's entries in {@code dir/ledger}, oldest first; none when there is no ledger yet. */
  static List<LedgerEntry> ledger(Path dir) throws IOException {
    List<LedgerEntry> entries = new ArrayList<>();
    if (Files.isDirectory(dir.resolve("ledger"))) {
      LedgerReader.forEach(dir.resolve("ledger"), Instant.EPOCH, entries::add);
    }
    return entries;
  }

  private static String childErr(Path dir) throws IOException {
    Path err = dir.resolve("child.err");
    return Files.exists(err) ? Files.readString(err) : "";
  }
}
