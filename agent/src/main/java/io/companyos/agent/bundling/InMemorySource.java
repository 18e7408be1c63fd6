package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.ContentKind;
import io.companyos.agent.bundle.SourcePriority;
import java.io.ByteArrayInputStream;
import java.time.Instant;

/** A text source the agent produced itself (a report, a metrics exposition), with its exact size. */
final class InMemorySource {
  private InMemorySource() {}

  static BundleSource of(String path, SourcePriority priority, byte[] content) {
    byte[] copy = content.clone();
    return new BundleSource(path, ContentKind.TEXT, priority, copy.length, Instant.now(),
        () -> new ByteArrayInputStream(copy));
  }
}
