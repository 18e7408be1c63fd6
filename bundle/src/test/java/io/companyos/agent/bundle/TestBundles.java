package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.bundle.manifest.TimeWindow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small fixtures shared by the bundle tests. */
final class TestBundles {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  static final BundleInfo INFO = new BundleInfo("1.2.3", "inst-test", "prod-eu", "node-7", "airgapped",
      TimeWindow.endingAt(NOW, Duration.ofHours(24)));

  static final List<CollectorRun> RUNS = List.of(new CollectorRun("logs", CollectorRun.Status.OK, 12, ""));

  private TestBundles() {}

  static BundleSource text(String path, SourcePriority priority, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new BundleSource(path, ContentKind.TEXT, priority, bytes.length, NOW,
        () -> new ByteArrayInputStream(bytes));
  }

  static BundleSource binary(String path, byte[] content) {
    return new BundleSource(path, ContentKind.BINARY_SAFE, SourcePriority.METRICS, content.length, NOW,
        () -> new ByteArrayInputStream(content));
  }
}
