package io.companyos.agent.bundle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code companyos-support-<cluster>-<node>-<UTC timestamp>.tar.zst.pgp}, safe as a file name on any system. */
final class BundleFileName {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private BundleFileName() {}

  static String of(String cluster, String node, Instant createdAt) {
    return "companyos-support-" + clean(cluster) + "-" + clean(node) + "-" + STAMP.format(createdAt)
        + ".tar.zst.pgp";
  }

  private static String clean(String part) {
    String cleaned = part.replaceAll("[^A-Za-z0-9._-]", "_");
    if (cleaned.isEmpty() || cleaned.startsWith(".")) {
      cleaned = "_" + cleaned;
    }
    return cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
  }
}
