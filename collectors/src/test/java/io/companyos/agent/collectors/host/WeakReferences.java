package io.companyos.agent.collectors.host;

import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;

/** For tests of meters whose state Micrometer holds weakly. */
final class WeakReferences {

  private WeakReferences() {}

  /**
   * Collects garbage until a weakly held probe object is gone, so every object reachable only through weak references
   * at the call is gone too (System.gc() alone is only a request).
   */
  static void clear() {
    WeakReference<Object> probe = new WeakReference<>(new Object());
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
      System.gc();
      return probe.get() == null;
    });
  }
}
