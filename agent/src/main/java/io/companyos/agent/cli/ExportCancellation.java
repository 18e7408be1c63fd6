package io.companyos.agent.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM during a bundle export into a cancellation the command reports itself: the
 * handlers interrupt the working thread (its file channels close, its worker pools stop, its {@code finally} blocks
 * remove the temporary bundle file and the staging directory) and the command prints one line and exits 1. Without
 * them the JVM would start its shutdown and exit 130/143.
 *
 * <p>Installed for the duration of the export only; {@link #close()} puts the previous handlers back. A second signal,
 * or a worker that does not come back within {@link #GRACE}, ends the JVM with status 1; the bundle writer's shutdown
 * hooks and {@link InterruptNotice} remain the fallback then, and for signals that cannot be handled here (a signal
 * ignored since start, e.g. SIGINT of a background job, or a JVM started with {@code -Xrs}).
 *
 * <p>{@code sun.misc.Signal} is reached by reflection: it lives in {@code jdk.unsupported}, which every JDK 17 exports,
 * but javac warns on every direct use and the warning cannot be suppressed. If it is missing, nothing is installed.
 */
final class ExportCancellation implements AutoCloseable {
  /** How long a cancelled export may take to clean up before the JVM is ended. */
  static final Duration GRACE = Duration.ofSeconds(10);
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final Thread worker;
  private final AtomicReference<String> signal = new AtomicReference<>();
  private final List<Object[]> previous = new ArrayList<>();
  private final InterruptNotice fallback;
  private final CountDownLatch closed = new CountDownLatch(1);

  private ExportCancellation(Thread worker, PrintWriter err, String notice) {
    this.worker = worker;
    this.fallback = InterruptNotice.arm(err, notice);
  }

  /** Installs the handlers; the signals then interrupt {@code worker}. */
  static ExportCancellation arm(Thread worker, PrintWriter err) {
    return arm(worker, err, InterruptNotice.NO_BUNDLE);
  }

  /**
   * As {@link #arm(Thread, PrintWriter)} for another command than a bundle export: {@code notice} is the line of
   * the shutdown fallback (e.g. "error: interrupted: nothing was extracted").
   */
  static ExportCancellation arm(Thread worker, PrintWriter err, String notice) {
    ExportCancellation cancellation = new ExportCancellation(worker, err, notice);
    for (String name : SIGNALS) {
      cancellation.install(name);
    }
    return cancellation;
  }

  /**
   * Standard output as an interruptible channel, for {@code --out -}: a write blocked on a stalled pipe wakes up when
   * the export is cancelled ({@code System.out} would stay blocked). Not closed when the export ends normally.
   */
  static OutputStream stdout() {
    return Channels.newOutputStream(new FileOutputStream(FileDescriptor.out).getChannel());
  }

  /** The signal that cancelled the export ({@code SIGINT}, {@code SIGTERM}), or null if none arrived. */
  String signal() {
    return signal.get();
  }

  /** Throws if a signal arrived: for the points between phases, in case a phase swallowed the interruption. */
  void check() throws InterruptedException {
    if (signal.get() != null) {
      throw new InterruptedException(signal.get());
    }
  }

  /** The line the command prints when cancelled. */
  String message(String what) {
    return "error: interrupted (" + signal.get() + "): " + what;
  }

  void received(String name) {
    if (!signal.compareAndSet(null, "SIG" + name)) {
      end("a second signal"); // the user insists: stop now, the shutdown hooks clean up
      return;
    }
    worker.interrupt();
    Thread watchdog = new Thread(() -> {
      try {
        if (!closed.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          end("no clean stop within " + GRACE.toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bundle-cancel-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static void end(String why) {
    // Runtime.exit runs the shutdown hooks (temp file and staging removal, the InterruptNotice line)
    Thread exit = new Thread(() -> Runtime.getRuntime().exit(ExitCodes.FAILED), "bundle-cancel-exit (" + why + ")");
    exit.start();
  }

  @Override
  public void close() {
    closed.countDown();
    for (Object[] old : previous) {
      try {
        handle().invoke(null, old[0], old[1]);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // best effort: the process is about to return from the command anyway
      }
    }
    previous.clear();
    fallback.close();
  }

  private void install(String name) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object sig = signalClass.getConstructor(String.class).newInstance(name);
      Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
          (proxy, method, args) -> {
            if ("handle".equals(method.getName())) {
              received(name);
              return null;
            }
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "ExportCancellation(" + name + ")";
            };
          });
      Object old = handle().invoke(null, sig, handler);
      Object ignored = handlerClass.getField("SIG_IGN").get(null);
      if (old == ignored) {
        handle().invoke(null, sig, old); // ignored since start (a background job): leave it ignored
        return;
      }
      previous.add(new Object[] {sig, old});
    } catch (ReflectiveOperationException | RuntimeException e) {
      // no sun.misc.Signal, or the signal is reserved (-Xrs): the shutdown hooks remain the fallback
    }
  }

  private static Method handle() throws ReflectiveOperationException {
    return Class.forName("sun.misc.Signal").getMethod("handle", Class.forName("sun.misc.Signal"),
        Class.forName("sun.misc.SignalHandler"));
  }
}
