package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a large text source may be cut into chunks that are redacted independently (in parallel) with the same result
 * as redacting it whole. The redaction engine's detectors are line-local (none reads past a line end, before or
 * after) except the private-key detector, whose {@code -----BEGIN … PRIVATE KEY-----} block spans lines and at most
 * {@code PemDetector.MAX_BLOCK} (48 KiB) from its start; the engine itself gives any match at most
 * {@link #LOOK_AHEAD} bytes past its own window cuts. So a cut goes at a line start with no {@code -----begin} (in any
 * case) in the {@link #LOOK_AHEAD} bytes before it: nothing the engine finds can span it.
 *
 * <p>{@link #boundary} is the smallest such line start at or after a nominal offset: a pure function of the content,
 * non-decreasing in the offset, so chunk {@code k} ({@code [boundary(k * size), boundary((k + 1) * size))}) computed
 * by one worker and chunk {@code k + 1} computed by another meet exactly, without gap or overlap.
 */
final class LineChunks {

  /** The redaction engine's overlap: no match reaches further past the point where it starts being scanned. */
  static final int LOOK_AHEAD = 64 * 1024;

  /** The source's end: no cut at or after the nominal offset. */
  static final long END = Long.MAX_VALUE;

  private static final byte[] BEGIN = "-----begin".getBytes(StandardCharsets.US_ASCII);
  private static final int READ = 64 * 1024;

  private final SeekableContentOpener opener;

  LineChunks(SeekableContentOpener opener) {
    this.opener = opener;
  }

  /**
   * The smallest line start {@code s >= nominal} such that no {@code -----begin} starts in {@code [s - LOOK_AHEAD, s)};
   * {@link #END} when there is none before the content's end. {@code nominal <= 0} gives 0.
   */
  long boundary(long nominal) throws IOException {
    if (nominal <= 0) {
      return 0;
    }
    long candidate = nominal;
    while (true) {
      long lineStart = lineStartAtOrAfter(candidate);
      if (lineStart == END) {
        return END;
      }
      long begin = lastBegin(Math.max(0, lineStart - LOOK_AHEAD), lineStart);
      if (begin < 0) {
        return lineStart;
      }
      // every line start up to begin + LOOK_AHEAD still has this block within reach
      candidate = begin + LOOK_AHEAD + 1;
    }
  }

  /** The first {@code s >= from} with a line feed at {@code s - 1}; {@link #END} when the content ends first. */
  private long lineStartAtOrAfter(long from) throws IOException {
    try (InputStream in = opener.openAt(from - 1)) {
      byte[] buffer = new byte[READ];
      long position = from - 1;
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            long start = position + i + 1;
            return start;
          }
        }
        position += n;
      }
      return END;
    }
  }

  /** The offset where the last {@code -----begin} (ASCII case-insensitive) in {@code [from, to)} starts, or -1. */
  private long lastBegin(long from, long to) throws IOException {
    int length = (int) (to - from);
    byte[] bytes = new byte[length];
    try (InputStream in = opener.openAt(from)) {
      int read = in.readNBytes(bytes, 0, length);
      if (read < length) {
        throw new IOException("source shrank while being chunked");
      }
    }
    for (int i = length - BEGIN.length; i >= 0; i--) {
      if (matchesBegin(bytes, i)) {
        return from + i;
      }
    }
    return -1;
  }

  private static boolean matchesBegin(byte[] b, int at) {
    for (int j = 0; j < BEGIN.length; j++) {
      int c = b[at + j];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != BEGIN[j]) {
        return false;
      }
    }
    return true;
  }
}
