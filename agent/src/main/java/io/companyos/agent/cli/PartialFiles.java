package io.companyos.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The temporary files {@code redact --out-dir} is writing. If the JVM shuts down before they are complete (Ctrl-C,
 * SIGTERM, SIGHUP), a shutdown hook removes them and says so in one line; without it, every file being redacted left
 * a hidden {@code .NAME.partial} behind in the output directory.
 */
final class PartialFiles implements AutoCloseable {
  private final Set<Path> open = new HashSet<>();
  private final PrintWriter err;
  private final Thread hook;
  private boolean shuttingDown;

  private PartialFiles(PrintWriter err) {
    this.err = err;
    this.hook = new Thread(this::shutdown, "redact-partial-cleanup");
  }

  /** Arms the cleanup until {@link #close()}. */
  static PartialFiles arm(PrintWriter err) {
    PartialFiles files = new PartialFiles(err);
    Runtime.getRuntime().addShutdownHook(files.hook);
    return files;
  }

  /** Registers a temporary file about to be written; false once the JVM is shutting down (do not start it). */
  synchronized boolean add(Path partial) {
    return !shuttingDown && open.add(partial);
  }

  /** Renames a complete temporary file into place, unless the JVM is shutting down (then it is removed). */
  synchronized void moveIntoPlace(Path partial, Path target) throws IOException {
    if (shuttingDown) {
      throw new IOException("interrupted");
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    open.remove(partial);
  }

  /** The temporary file was removed after a failure. */
  synchronized void removed(Path partial) {
    open.remove(partial);
  }

  private synchronized void shutdown() {
    shuttingDown = true;
    if (open.isEmpty()) {
      return;
    }
    for (Path partial : open) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // best effort in a shutting-down JVM: the line below still says which output is incomplete
      }
    }
    err.println("error: interrupted: " + open.size() + " file" + (open.size() == 1 ? " was" : "s were")
        + " not written; "
        + (open.size() == 1 ? "its temporary file is" : "their temporary files are") + " removed");
    err.flush();
  }

  /** The work ended: no cleanup at shutdown. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
