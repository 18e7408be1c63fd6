package io.companyos.agent.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What {@code agent redact FILE…} has read so far, for its {@link ProgressLine} on a terminal. */
final class RedactProgress {
  private final int filesTotal;
  private final long bytesExpected;
  private final AtomicInteger filesDone = new AtomicInteger();
  private final AtomicLong bytesRead = new AtomicLong();

  RedactProgress(List<Path> files) {
    long expected = 0;
    for (Path f : files) {
      try {
        expected += Files.isRegularFile(f) ? Files.size(f) : 0; // a pipe's size is unknown
      } catch (IOException e) {
        // its read fails with its own message
      }
    }
    this.filesTotal = files.size();
    this.bytesExpected = expected;
  }

  /** {@code in}, counting what is read from it. */
  InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytesRead.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }
    };
  }

  void fileDone() {
    filesDone.incrementAndGet();
  }

  /** The line after {@code seconds}: files done, bytes read of those expected, rate, and an ETA while one is known. */
  String render(double seconds) {
    long read = bytesRead.get();
    double rate = seconds > 0 ? read / seconds : 0;
    String eta = "";
    if (rate > 0 && bytesExpected > read) {
      long left = (long) ((bytesExpected - read) / rate);
      eta = String.format(Locale.ROOT, ", ETA %d:%02d", left / 60, left % 60);
    }
    return String.format(Locale.ROOT, "redacting: %d/%d files, read %s of %s (%s/s)%s", filesDone.get(), filesTotal,
        ByteSize.format(read), ByteSize.format(bytesExpected), ByteSize.format((long) rate), eta);
  }
}
