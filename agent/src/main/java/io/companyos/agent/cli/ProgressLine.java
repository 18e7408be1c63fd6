package io.companyos.agent.cli;

import io.companyos.agent.bundle.ExportProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A one-line progress display on a terminal (files, bytes read, bytes written, rate, ETA), redrawn twice a second
 * with a carriage return; of a bundle export or of any other text. Only started on a terminal ({@link Terminal#interactive()}): piped output stays quiet.
 */
final class ProgressLine implements AutoCloseable {
  private final DoubleFunction<String> text;
  private final PrintWriter err;
  private final Thread thread;
  private final long started = System.nanoTime();
  private volatile boolean stopped;
  private int lastLength;

  private ProgressLine(DoubleFunction<String> text, PrintWriter err) {
    this.text = text;
    this.err = err;
    this.thread = new Thread(this::loop, "progress-line");
    thread.setDaemon(true);
  }

  /** Starts the display of an export when {@code enabled}; otherwise returns a display that shows nothing. */
  static ProgressLine start(ExportProgress progress, PrintWriter err, boolean enabled) {
    return start(seconds -> render(progress, seconds), err, enabled);
  }

  /** Starts the display of {@code text} (of the seconds since the start) when {@code enabled}. */
  static ProgressLine start(DoubleFunction<String> text, PrintWriter err, boolean enabled) {
    ProgressLine line = new ProgressLine(text, err);
    if (enabled) {
      line.thread.start();
    }
    return line;
  }

  private void loop() {
    while (!stopped) {
      draw();
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void draw() {
    String now = text.apply((System.nanoTime() - started) / 1e9);
    StringBuilder line = new StringBuilder("\r").append(now);
    for (int i = now.length(); i < lastLength; i++) {
      line.append(' ');
    }
    lastLength = now.length();
    err.print(line);
    err.flush();
  }

  static String render(ExportProgress p, double seconds) {
    double rate = seconds > 0 ? p.bytesRead() / seconds : 0;
    String eta = "";
    if (p.phase() == ExportProgress.Phase.REDACTING && rate > 0 && p.bytesExpected() > p.bytesRead()) {
      long left = (long) ((p.bytesExpected() - p.bytesRead()) / rate);
      eta = String.format(Locale.ROOT, ", ETA %d:%02d", left / 60, left % 60);
    }
    return String.format(Locale.ROOT, "%s: %d/%d files, read %s of %s (%s/s), written %s%s",
        p.phase().name().toLowerCase(Locale.ROOT), p.filesDone(), p.filesTotal(), ByteSize.format(p.bytesRead()),
        ByteSize.format(p.bytesExpected()), ByteSize.format((long) rate), ByteSize.format(p.bytesWritten()), eta);
  }

  @Override
  public void close() {
    if (thread.isAlive()) {
      stopped = true;
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      draw();
      err.println();
      err.flush();
    }
  }
}
