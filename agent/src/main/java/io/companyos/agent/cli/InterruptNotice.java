package io.companyos.agent.cli;

import java.io.PrintWriter;

/**
 * Says why nothing was written when the JVM shuts down in the middle of writing a bundle. SIGINT and SIGTERM are
 * normally handled by {@link ExportCancellation} without a shutdown; this notice is the fallback for the rest (SIGHUP,
 * a JVM ended by {@link ExportCancellation} after a second signal, signals it could not handle). The bundle writer's
 * own shutdown hooks remove the temporary bundle file and the staging directory.
 */
final class InterruptNotice implements AutoCloseable {
  private final Thread hook;

  /** The notice of a bundle export. */
  static final String NO_BUNDLE = "error: interrupted: no bundle was written; its temporary files are removed";

  private InterruptNotice(PrintWriter err, String line) {
    this.hook = new Thread(() -> {
      err.println(line);
      err.flush();
    }, "bundle-interrupt-notice");
  }

  /** Arms {@code line} as the notice until {@link #close()}. */
  static InterruptNotice arm(PrintWriter err, String line) {
    InterruptNotice notice = new InterruptNotice(err, line);
    Runtime.getRuntime().addShutdownHook(notice.hook);
    return notice;
  }

  /** The work ended (done or failed with its own message): no notice. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: the notice is right
    }
  }
}
