package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import java.util.List;

/**
 * One thing {@code export-bundle} collects. {@link CollectorRunner} runs each once, on its own thread, under a
 * timeout; a collector that throws or hangs is recorded in the manifest and skipped.
 */
interface BundleCollector {

  /** The name in the manifest, e.g. {@code health}, {@code logs:core-api}. */
  String name();

  /** The {@code --include} category: health, metrics, logs, config, system or agent. */
  String category();

  /** Collects; sources are read later, by the bundle writer. */
  Collected collect() throws Exception;

  /**
   * @param detail a short summary without customer text ({@code "3 files"}); may be empty
   */
  record Collected(List<BundleSource> sources, String detail) {
    public Collected {
      sources = List.copyOf(sources);
      detail = detail == null ? "" : detail;
    }
  }
}
