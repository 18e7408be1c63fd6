package io.companyos.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingTest {

  @TempDir
  Path tmp;

  /**
   * One source holds its worker until the task has run, so the task can only run on the other worker, once every
   * source is taken (the four others opened): the tail of staging, where a core would idle.
   */
  @Test
  void theTaskAfterTheSourcesRunsOnceOnTheWorkerThatRunsOutOfSources() throws Exception {
    AtomicInteger opened = new AtomicInteger();
    CountDownLatch ran = new CountDownLatch(1);
    List<BundleSource> sources = new ArrayList<>();
    sources.add(source("logs/a-held.log", () -> {
      try {
        if (!ran.await(30, TimeUnit.SECONDS)) {
          throw new IOException("the task did not run while this source was held");
        }
      } catch (InterruptedException e) {
        throw new InterruptedIOException("interrupted");
      }
      return new ByteArrayInputStream("held key SECRET-0\n".getBytes(StandardCharsets.UTF_8));
    }));
    for (int i = 1; i <= 4; i++) {
      byte[] bytes = ("line " + i + " key SECRET-" + i + "\n").getBytes(StandardCharsets.UTF_8);
      sources.add(source("logs/b-" + i + ".log", () -> {
        opened.incrementAndGet();
        return new ByteArrayInputStream(bytes);
      }));
    }
    List<String> runs = new CopyOnWriteArrayList<>();

    Staging.Result result = new Staging(new PlantedSecretRedactor(), BundleLimits.DEFAULTS, 2,
        BundleWriter.DEFAULT_CHUNK_BYTES, new ExportProgress()).run(sources, Files.createDirectories(tmp.resolve("s")),
        null, () -> {
          runs.add(Thread.currentThread().getName() + " after " + opened.get() + " sources");
          ran.countDown();
        });

    assertThat(runs).hasSize(1).allMatch(run -> run.matches("bundle-redactor-[12] after 4 sources"));
    assertThat(result.omissions()).isEmpty();
    assertThat(result.files()).hasSize(5);
  }

  private static BundleSource source(String path, ContentOpener opener) {
    return new BundleSource(path, ContentKind.TEXT, SourcePriority.LOGS, BundleSource.UNKNOWN_SIZE, TestBundles.NOW,
        opener);
  }
}
