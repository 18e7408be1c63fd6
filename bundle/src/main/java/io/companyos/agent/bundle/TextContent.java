package io.companyos.agent.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * What a source's bytes are, and the UTF-8 text the redactor reads from them. The redactor scans UTF-8 (or any
 * ASCII-compatible) bytes; anything else would pass through it unread, its secrets with it: a rotated log compressed
 * by logrotate or the kubelet ({@code app.log.2.gz}), a Windows file in UTF-16 (SQL Server's {@code ERRORLOG},
 * PowerShell 5's {@code >}, {@code reg export}), a keystore or a core dump.
 *
 * <p>{@link #open} looks at the first {@value #SNIFF_BYTES} bytes (after decompressing) and:
 * <ul>
 *   <li>passes plain text on unchanged (the common case: the bytes it looked at, then the stream itself);
 *   <li>decompresses gzip, bzip2, zstd, LZ4 frames and Unix {@code compress} (the libraries already in the agent),
 *       then looks at the decompressed bytes;
 *   <li>decodes UTF-16 and UTF-32 (by byte order mark, or UTF-16 by the zero bytes of ASCII text) into UTF-8;
 *   <li>refuses everything else with a {@link NotTextException} that says what it is: other compression (xz),
 *       archives (zip, tar), binary files (a zero byte in the first line that is not padding).
 * </ul>
 * A zero byte inside a run of {@value #PADDING_RUN} or more is padding, not binary: the block of zeros a crash leaves
 * at a log's end. Only the start of a stream is looked at.
 */
public final class TextContent {
  /** How much of a stream's start decides what it is. */
  static final int SNIFF_BYTES = 8192;
  /** How much of a stream's start without a line break counts as its first line. */
  static final int FIRST_LINE = 1024;
  /** Zero bytes in a run at least this long are padding. */
  static final int PADDING_RUN = 8;

  /** The compressions {@link #open} reads (commons-compress' names; zstd through zstd-jni). */
  private static final Set<String> READ = Set.of(CompressorStreamFactory.GZIP, CompressorStreamFactory.BZIP2,
      CompressorStreamFactory.ZSTANDARD, CompressorStreamFactory.LZ4_FRAMED, CompressorStreamFactory.Z);

  private TextContent() {
  }

  /**
   * A source opened as text.
   *
   * @param text the UTF-8 text to redact (for plain text, the source's own bytes)
   * @param compression the compression that was undone ({@code gzip}, {@code bzip2}, {@code zstd}, {@code lz4},
   *     {@code compress}), or {@code null}
   * @param charset the source's encoding: UTF-8 (or any ASCII-compatible one), UTF-16LE/BE or UTF-32LE/BE
   */
  public record Opened(InputStream text, String compression, Charset charset) {
    /** Whether the text is the source's bytes as they are (no decompression, no transcoding). */
    public boolean plain() {
      return compression == null && charset.equals(StandardCharsets.UTF_8);
    }

    /** For a note to the user: e.g. {@code gzip-compressed UTF-16LE text}; {@code text} when plain. */
    public String description() {
      String text = charset.equals(StandardCharsets.UTF_8) ? "text" : charset.name() + " text";
      return compression == null ? text : compression + "-compressed " + text;
    }
  }

  /**
   * Opens {@code raw} as text. Reads up to {@value #SNIFF_BYTES} bytes from it before returning; the returned stream
   * gives those first. The caller closes {@code raw} (closing {@link Opened#text()} closes it too).
   *
   * @throws NotTextException if the content is not text the redactor can read (its message says what it is)
   * @throws IOException if reading fails, or the compressed data is corrupt
   */
  public static Opened open(InputStream raw) throws IOException {
    byte[] head = raw.readNBytes(SNIFF_BYTES);
    InputStream whole = rejoin(head, raw);
    String compression = compression(head);
    if (compression == null) {
      return decoded(head, whole, null);
    }
    if (!READ.contains(compression)) {
      throw new NotTextException("compressed with " + compression + ", which the agent does not read;"
          + " decompress it first");
    }
    String name = switch (compression) {
      case CompressorStreamFactory.ZSTANDARD -> "zstd";
      case CompressorStreamFactory.LZ4_FRAMED -> "lz4";
      case CompressorStreamFactory.Z -> "compress";
      case CompressorStreamFactory.GZIP -> "gzip";
      default -> compression;
    };
    Underlying source = new Underlying(whole);
    InputStream decompressed;
    try {
      decompressed = new Decompressed(new CompressorStreamFactory(true).createCompressorInputStream(compression,
          new BufferedInputStream(source, 64 * 1024)), source, name);
    } catch (CompressorException e) {
      throw source.thrown(e) ? source.failure
          : new CorruptContentException(name + " data is corrupt: " + messageOf(e), e);
    }
    byte[] inner = decompressed.readNBytes(SNIFF_BYTES);
    if (compression(inner) != null) {
      throw new NotTextException(name + "-compressed data that is compressed again (" + compression(inner)
          + "); decompress it first");
    }
    return decoded(inner, rejoin(inner, decompressed), name);
  }

  /** Whether {@code raw}'s content is plain text: {@link #open} would pass it through unchanged. Reads its start. */
  public static boolean isPlain(InputStream raw) throws IOException {
    Opened opened;
    try {
      opened = open(raw);
    } catch (NotTextException e) {
      return false;
    }
    try (InputStream text = opened.text()) { // a decompressor's native memory is freed now, not at collection
      return opened.plain();
    }
  }

  /**
   * A name without the suffix of a compression {@link #open} undoes ({@code app.log.2.gz} → {@code app.log.2}), for a
   * file whose decompressed text is what a bundle holds; any other name unchanged.
   */
  public static String withoutCompressionSuffix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gz", ".bz2", ".zst", ".lz4", ".z"}) {
      if (lower.endsWith(suffix) && name.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  /** The compression whose signature {@code head} starts with (commons-compress' name), or {@code null}. */
  private static String compression(byte[] head) {
    String found;
    try {
      found = CompressorStreamFactory.detect(new BufferedInputStream(new ByteArrayInputStream(head)));
    } catch (CompressorException e) {
      return null; // no known signature
    }
    return switch (found) {
      // zlib's two-byte header includes "x^": text may start so; raw deflate data is caught as binary anyway
      case CompressorStreamFactory.DEFLATE -> null;
      // "BZh" then a block size and a block's magic (or the end-of-stream magic), not only three letters
      case CompressorStreamFactory.BZIP2 -> bzip2(head) ? found : null;
      default -> found;
    };
  }

  private static boolean bzip2(byte[] head) {
    if (head.length < 10 || head[3] < '1' || head[3] > '9') {
      return false;
    }
    return startsWith(head, 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59) || startsWith(head, 4, 0x17, 0x72, 0x45, 0x38,
        0x50, 0x90);
  }

  /** Decides the text's encoding from its first bytes {@code head}; {@code whole} gives the whole text. */
  private static Opened decoded(byte[] head, InputStream whole, String compression) throws IOException {
    if (startsWith(head, 0, 0xFF, 0xFE, 0, 0)) {
      return transcoded(whole, 4, Charset.forName("UTF-32LE"), compression);
    }
    if (startsWith(head, 0, 0, 0, 0xFE, 0xFF)) {
      return transcoded(whole, 4, Charset.forName("UTF-32BE"), compression);
    }
    if (startsWith(head, 0, 0xFF, 0xFE)) {
      return transcoded(whole, 2, StandardCharsets.UTF_16LE, compression);
    }
    if (startsWith(head, 0, 0xFE, 0xFF)) {
      return transcoded(whole, 2, StandardCharsets.UTF_16BE, compression);
    }
    int utf16 = asciiAsUtf16(head);
    if (utf16 != 0) {
      return transcoded(whole, 0, utf16 < 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE, compression);
    }
    String binary = binary(head);
    if (binary != null) {
      throw new NotTextException(compression == null ? binary : compression + "-compressed " + binary);
    }
    return new Opened(whole, compression, StandardCharsets.UTF_8);
  }

  private static Opened transcoded(InputStream whole, int bom, Charset charset, String compression)
      throws IOException {
    whole.skipNBytes(bom);
    // malformed input (an unpaired surrogate, a code unit cut off at the end) becomes U+FFFD, as in the UTF-8 paths
    java.io.Reader reader = new java.io.InputStreamReader(whole, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    InputStream utf8 = ReaderInputStream.builder().setReader(reader)
        .setCharsetEncoder(StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))
        .setBufferSize(8192).get();
    return new Opened(utf8, compression, charset);
  }

  /**
   * Whether {@code head} is mostly ASCII written in UTF-16 without a byte order mark: {@code -1} little-endian
   * (every second byte zero, the others not), {@code 1} big-endian, {@code 0} neither.
   */
  private static int asciiAsUtf16(byte[] head) {
    int units = head.length / 2;
    if (units < 4) {
      return 0;
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i + 1 < head.length; i += 2) {
      zeroEven += head[i] == 0 ? 1 : 0;
      zeroOdd += head[i + 1] == 0 ? 1 : 0;
    }
    // and it starts as text does: two ASCII characters (an executable's header with UTF-16 strings after it is not)
    if (zeroOdd * 10 >= units * 9 && zeroEven * 10 <= units && asciiUnit(head[0], head[1])
        && asciiUnit(head[2], head[3])) {
      return -1;
    }
    if (zeroEven * 10 >= units * 9 && zeroOdd * 10 <= units && asciiUnit(head[1], head[0])
        && asciiUnit(head[3], head[2])) {
      return 1;
    }
    return 0;
  }

  private static boolean asciiUnit(byte low, byte high) {
    return high == 0 && (low >= 0x20 && low < 0x7F || low == '\t' || low == '\n' || low == '\r');
  }

  /**
   * What {@code head} is if it is not text (a phrase for the user), or {@code null} for text: binary when its first
   * line (up to {@value #FIRST_LINE} bytes) holds a zero byte that is not padding. Only the first line: a log with
   * binary garbage further on is redacted around it, as it always was, and control bytes are text's too (FIX logs'
   * SOH, HL7's MLLP framing); a keystore, a DER key, an executable, a core dump, a database or an archive has a zero
   * byte in its first bytes.
   */
  private static String binary(byte[] head) {
    int end = Math.min(head.length, FIRST_LINE);
    for (int i = 0; i < end; i++) {
      if (head[i] == '\n') {
        return null;
      }
      if (head[i] == 0) {
        int run = i;
        while (run < head.length && head[run] == 0) {
          run++;
        }
        // a run cut off by the end of what was looked at may go on: padding too
        if (run - i < PADDING_RUN && run < head.length) {
          String kind = archive(head);
          return kind != null ? "a " + kind + " archive; give the files in it instead"
              : "binary content (a zero byte at offset " + i + "); the agent redacts text only";
        }
        i = run - 1;
      }
    }
    return null;
  }

  /** The archive format {@code head} starts with (commons-compress' name), or {@code null}. */
  private static String archive(byte[] head) {
    try {
      return ArchiveStreamFactory.detect(new BufferedInputStream(new ByteArrayInputStream(head)));
    } catch (ArchiveException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] head, int from, int... bytes) {
    if (head.length < from + bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[from + i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static InputStream rejoin(byte[] head, InputStream rest) {
    return new SequenceInputStream(new ByteArrayInputStream(head), rest);
  }

  /** The compressed stream; remembers the failures that were its own, to tell them from the decompressor's. */
  private static final class Underlying extends java.io.FilterInputStream {
    private IOException failure;

    Underlying(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    /** Whether {@code e} is (or was caused by) a failure of this stream's own reads. */
    boolean thrown(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t == failure) {
          return true;
        }
      }
      return false;
    }
  }

  /** A decompressor whose own errors say that the data is corrupt; the source's read errors pass as they are. */
  private static final class Decompressed extends java.io.FilterInputStream {
    private final Underlying source;
    private final String name;

    Decompressed(InputStream decompressor, Underlying source, String name) {
      super(decompressor);
      this.source = source;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw translated(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw translated(e);
      }
    }

    private IOException translated(IOException e) {
      if (source.thrown(e)) {
        return source.failure;
      }
      return new CorruptContentException(name + " data is corrupt or cut short: " + messageOf(e), e);
    }
  }

  private static String messageOf(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
