package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text in another encoding as a stream of UTF-8 bytes, in bounded memory. Malformed input (an unpaired surrogate, a
 * code unit cut off at the end) becomes U+FFFD, as the UTF-8 decoding of the redactor's other paths does.
 */
final class Utf8Transcoding extends InputStream {
  private final Reader reader;
  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
  private boolean endOfInput;
  private boolean flushed;

  Utf8Transcoding(InputStream in, Charset charset) {
    this.reader = new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    bytes.flip(); // empty, ready to be read
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    while (!bytes.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, bytes.remaining());
    bytes.get(b, off, n);
    return n;
  }

  /** Encodes the next characters into {@link #bytes} (which is empty). */
  private void fill() throws IOException {
    bytes.clear();
    if (!endOfInput) {
      int n = reader.read(chars);
      endOfInput = n < 0;
    }
    chars.flip();
    CoderResult result = encoder.encode(chars, bytes, endOfInput);
    if (result.isOverflow()) {
      throw new IllegalStateException("UTF-8 buffer too small"); // 3 bytes per char at most: cannot happen
    }
    if (endOfInput && !chars.hasRemaining()) {
      encoder.flush(bytes);
      flushed = true;
    }
    chars.compact(); // a high surrogate waiting for its pair stays
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
