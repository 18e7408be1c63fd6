package io.companyos.agent.bundle;

import java.util.Comparator;
import java.util.List;

/** The two orders of a bundle's files: which to keep first, and how they are laid out in the tar. */
final class BundleOrder {

  /** Top-level folders in the order a reader meets them after the manifest and the report. */
  private static final List<String> LAYOUT = List.of("health", "metrics", "logs", "config", "system", "agent");

  private BundleOrder() {}

  /** Priority class, then logs newest-first (others by path), then path. */
  static final Comparator<BundleSource> KEEP_FIRST = Comparator
      .comparing(BundleSource::priority)
      .thenComparing((a, b) -> a.priority() == SourcePriority.LOGS ? b.lastModified().compareTo(a.lastModified()) : 0)
      .thenComparing(BundleSource::path);

  /** Known top-level folders in {@link #LAYOUT} order, anything else after them, each by path. */
  static final Comparator<String> LAYOUT_ORDER = Comparator
      .comparingInt(BundleOrder::layoutRank)
      .thenComparing(Comparator.naturalOrder());

  private static int layoutRank(String path) {
    int slash = path.indexOf('/');
    int rank = slash < 0 ? -1 : LAYOUT.indexOf(path.substring(0, slash));
    return rank < 0 ? LAYOUT.size() : rank;
  }
}
