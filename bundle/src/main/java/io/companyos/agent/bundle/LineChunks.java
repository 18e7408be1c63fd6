package io.companyos.agent.bundle;

import io.companyos.agent.redaction.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a large text source may be cut into chunks that are redacted independently (in parallel) with the same result
 * as redacting it whole. Most of the redaction engine's detectors are line-local, but not all: a private-key block
 * spans lines (at most {@code PemDetector.MAX_BLOCK}, 48 KiB, from its {@code -----BEGIN}); the items of a YAML
 * sequence or block scalar under a secret key are secrets because of the key line above them; a {@code .netrc} login
 * is a user because of the {@code machine} line before it or the {@code password} line next to it. No match reaches
 * more than {@link #LOOK_AHEAD} bytes from where it is decided (the engine's own window overlap). So a cut goes at a
 * line start {@code s} where the redactor gives the same bytes for the {@link #LOOK_AHEAD} bytes on either side of
 * {@code s} redacted together as redacted apart: nothing the engine decides across {@code s} changes anything, and
 * nothing further away can reach it. The redactor itself answers, so a detector added later that spans lines is
 * covered without this class knowing it. A line start with a {@code -----begin} (in any case) in the
 * {@link #LOOK_AHEAD} bytes before it is skipped without asking (a key block may still be open), and so is one where
 * a table's rows may go on across it ({@link Redactor#mayContinueTable}): a header that types the rows' columns may
 * stand any distance above (a CSV export's first line).
 *
 * <p>Chunk {@code k} of a source cut nominally every {@code size} bytes starts at the first such cut in
 * {@code [k * size, (k + 1) * size)} ({@link #cut}; the source's start for chunk 0) and ends where the next chunk
 * with a cut starts ({@link #chunk}): pure functions of the content and the rules, so the worker that redacts chunk
 * {@code k} and the one that redacts chunk {@code k + 1} meet exactly, without gap or overlap and without talking. A
 * range without a cut (no line start, a key block open throughout, or {@link #MAX_TRIES} line starts in a row that
 * are no cut) gives an empty chunk; the chunk before it takes its bytes.
 */
final class LineChunks {

  /** The redaction engine's overlap: no match reaches further past the point where it starts being scanned. */
  static final int LOOK_AHEAD = 64 * 1024;

  /** The source's end: no cut at or after the nominal offset. */
  static final long END = Long.MAX_VALUE;

  /** Line starts of a chunk's range that are looked at before the range is taken to have no cut. */
  static final int MAX_TRIES = 64;

  private static final byte[] BEGIN = "-----begin".getBytes(StandardCharsets.US_ASCII);
  private static final int READ = 64 * 1024;

  private final SeekableContentOpener opener;
  private final ContentRedactor redactor;
  private final String sourceName;
  /** {@link #cut}'s answers by range start: the workers of neighbouring chunks ask for the same cut. */
  private final Map<Long, Long> cuts = new ConcurrentHashMap<>();

  /** @param sourceName the source's path in the bundle, as the chunks are redacted with */
  LineChunks(SeekableContentOpener opener, ContentRedactor redactor, String sourceName) {
    this.opener = opener;
    this.redactor = redactor;
    this.sourceName = sourceName;
  }

  /**
   * Chunk {@code k} of {@code count} chunks of nominally {@code size} bytes: {@code {start, end}}, {@code end}
   * {@link #END} for the source's end, both {@link #END} for an empty chunk.
   */
  long[] chunk(int k, long size, int count) throws IOException {
    long start = k == 0 ? 0 : cut(k * size, (k + 1) * size);
    if (start == END) {
      return new long[] {END, END};
    }
    long end = END;
    for (int j = k + 1; j < count && end == END; j++) {
      end = cut(j * size, (j + 1) * size);
    }
    return new long[] {start, end};
  }

  /**
   * The first line start {@code s} in {@code [from, to)} such that no {@code -----begin} starts in
   * {@code [s - LOOK_AHEAD, s)} and the redactor gives the same bytes for {@code [s - LOOK_AHEAD, s + LOOK_AHEAD)} as
   * for its two halves, looking at no more than {@link #MAX_TRIES} line starts; {@link #END} when there is none.
   * Thread-safe; a range's answer is worked out once ({@code to} must be the same for every {@code from}).
   */
  long cut(long from, long to) throws IOException {
    Long known = cuts.get(from);
    if (known != null) {
      return known;
    }
    long cut = firstCut(from, to);
    cuts.put(from, cut);
    return cut;
  }

  private long firstCut(long from, long to) throws IOException {
    long candidate = Math.max(from, 1);
    for (int tries = 0; tries < MAX_TRIES && candidate < to; tries++) {
      long lineStart = lineStartAtOrAfter(candidate);
      if (lineStart >= to) {
        return END;
      }
      long begin = lastBegin(Math.max(0, lineStart - LOOK_AHEAD), lineStart);
      if (begin >= 0) {
        // every line start up to begin + LOOK_AHEAD still has this block within reach
        candidate = begin + LOOK_AHEAD + 1;
      } else if (cutChangesNothing(lineStart)) {
        return lineStart;
      } else {
        candidate = lineStart + 1;
      }
    }
    return END;
  }

  /**
   * Whether the {@link #LOOK_AHEAD} bytes on either side of {@code cut} redact the same together and apart. The two
   * sides are trimmed to whole lines where they hold a line end, so that the redactor (which records every value it
   * pseudonymises in the installation's reverse map) sees no value cut in two but in a line longer than that.
   */
  private boolean cutChangesNothing(long cut) throws IOException {
    long from = Math.max(0, cut - LOOK_AHEAD);
    int split = (int) (cut - from);
    byte[] region = new byte[split + LOOK_AHEAD];
    int length;
    try (InputStream in = opener.openAt(from)) {
      length = in.readNBytes(region, 0, region.length);
    }
    if (length < split) {
      throw new IOException("source shrank while being chunked");
    }
    int start = 0;
    if (from > 0) {
      int lf = indexOf(region, 0, split);
      start = lf < 0 || lf + 1 == split ? 0 : lf + 1; // one line longer than the side: its last 64 KiB
    }
    int end = length;
    if (length == region.length) {
      int lf = lastIndexOf(region, split, length);
      end = lf < 0 ? length : lf + 1;
    }
    int before = split >= 2 ? lastIndexOf(region, 0, split - 1) + 1 : 0;
    int after = indexOf(region, split, length);
    if (Redactor.mayContinueTable(region, before, split, after < 0 ? length : after + 1)) {
      return false; // a table's rows may go on across the cut, typed by a header further up
    }
    ByteArrayOutputStream apart = new ByteArrayOutputStream(end - start + 4096);
    redactor.redact(new ByteArrayInputStream(region, start, split - start), apart, sourceName);
    redactor.redact(new ByteArrayInputStream(region, split, end - split), apart, sourceName);
    ByteArrayOutputStream whole = new ByteArrayOutputStream(end - start + 4096);
    redactor.redact(new ByteArrayInputStream(region, start, end - start), whole, sourceName);
    return Arrays.equals(apart.toByteArray(), whole.toByteArray());
  }

  private static int indexOf(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] b, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
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
