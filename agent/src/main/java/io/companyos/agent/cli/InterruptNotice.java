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

  private InterruptNotice(PrintWriter err) {
    this.hook = new Thread(() -> {
      err.println("error: interrupted: no bundle was written; its temporary files are removed");
      err.flush();
    }, "bundle-interrupt-notice");
  }

  /** Arms the notice until {@link #close()}. */
  static InterruptNotice arm(PrintWriter err) {
    InterruptNotice notice = new InterruptNotice(err);
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
