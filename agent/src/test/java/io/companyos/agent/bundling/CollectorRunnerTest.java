package io.companyos.agent.bundling;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.redaction.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {
  private final Redactor redactor = Redactor.builder().keywords(List.of("globex")).build();

  private static BundleCollector collector(String name, Callable<BundleCollector.Collected> body) {
    return new BundleCollector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String category() {
        return "health";
      }

      @Override
      public Collected collect() throws Exception {
        return body.call();
      }
    };
  }

  @Test
  void failuresAndHangsAreRecordedWithoutCustomerTextAndNeverBlock() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    List<BundleCollector> collectors = List.of(
        collector("ok", () -> new BundleCollector.Collected(List.of(InMemorySource.of("health/a.json",
            SourcePriority.HEALTH, "{}".getBytes(StandardCharsets.UTF_8))), "1 probe")),
        collector("scrape:globex-api", () -> {
          throw new CollectorFailure("HTTP 503 from api.globex.internal");
        }),
        collector("crash", () -> {
          throw new IllegalStateException("password=Hunter2 for globex");
        }),
        collector("hang", () -> {
          never.await();
          return null;
        }));

    BundleCollection.Result result = new CollectorRunner(Duration.ofMillis(500), redactor::redact).run(collectors);

    assertThat(result.sources()).extracting(s -> s.path()).containsExactly("health/a.json");
    List<CollectorRun> runs = result.runs();
    assertThat(runs).extracting(CollectorRun::status).containsExactly(CollectorRun.Status.OK,
        CollectorRun.Status.FAILED, CollectorRun.Status.FAILED, CollectorRun.Status.TIMED_OUT);
    assertThat(runs.get(0).detail()).isEqualTo("1 probe");
    assertThat(runs.get(1).name()).startsWith("scrape:<keyword:").endsWith(">-api");
    assertThat(runs.get(1).detail()).startsWith("HTTP 503 from ").doesNotContain("globex");
    assertThat(runs.get(2).detail()).isEqualTo("IllegalStateException");
    assertThat(runs.get(3).detail()).isEqualTo("did not finish within 500ms");
  }
}
