package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bundle.compressionLevel} reaches the bundle: the same logs make a smaller bundle at 19 than at 1. */
class BundleCompressionLevelTest {

  @TempDir Path dir;
  private BundleFixture fx;

  @BeforeEach
  void setUp() throws IOException {
    fx = new BundleFixture(dir);
    // 4 MiB of log lines of few shapes and many numbers: what zstd's higher levels compress better
    Random random = new Random(11);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("logs").resolve(BundleFixture.KEYWORD + "-app")
        .resolve("requests.log"), StandardCharsets.UTF_8)) {
      for (long written = 0; written < 4L << 20; ) {
        String line = now + " INFO [worker-" + random.nextInt(16) + "] GET /api/v2/items/" + random.nextInt(5000)
            + " status=" + (random.nextInt(10) == 0 ? 404 : 200) + " took " + random.nextInt(900) + " ms rows="
            + random.nextInt(100) + "\n";
        w.write(line);
        written += line.length();
      }
    }
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void aHigherLevelMakesASmallerBundleOfTheSameLogs() throws IOException {
    long fastest = exportSize();
    // the fixture's configuration ends with its bundle: section
    Files.writeString(fx.config, "  compressionLevel: 19\n", StandardOpenOption.APPEND);
    long smallest = exportSize();

    assertThat(smallest).isLessThan(fastest * 85 / 100);
  }

  private long exportSize() throws IOException {
    assertThat(fx.export("--include", "logs")).as(fx.err.toString()).isZero();
    Path bundle = fx.onlyBundle();
    long size = Files.size(bundle);
    Files.delete(bundle);
    return size;
  }
}
