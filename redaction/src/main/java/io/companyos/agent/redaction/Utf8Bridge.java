package io.companyos.agent.redaction;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Carries characters through the byte engine: Reader → UTF-8 → redacting stream → UTF-8 → Writer. */
final class Utf8Bridge {
  private Utf8Bridge() {}

  static void copy(Reader in, Writer out, Function<OutputStream, OutputStream> redacting) throws IOException {
    OutputStream sink = redacting.apply(new DecodingStream(out));
    CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars = CharBuffer.allocate(32 * 1024);
    ByteBuffer bytes = ByteBuffer.allocate(128 * 1024);
    boolean eof = false;
    while (!eof) {
      int n = in.read(chars);
      eof = n < 0;
      chars.flip();
      CoderResult r = enc.encode(chars, bytes, eof);
      if (r.isError()) {
        r.throwException();
      }
      if (eof) {
        enc.flush(bytes);
      }
      sink.write(bytes.array(), 0, bytes.position());
      bytes.clear();
      chars.compact();
    }
    sink.close();
    out.flush();
  }

  /** Decodes UTF-8 written to it into a Writer, keeping split sequences for the next write. */
  private static final class DecodingStream extends OutputStream {
    private final Writer out;
    private final CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(256 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(256 * 1024);

    DecodingStream(Writer out) {
      this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
      write(new byte[] {(byte) c}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int k = Math.min(len, pending.remaining());
        pending.put(b, off, k);
        off += k;
        len -= k;
        decode(false);
      }
    }

    private void decode(boolean end) throws IOException {
      pending.flip();
      CoderResult r;
      do {
        r = dec.decode(pending, chars, end);
        out.write(chars.array(), 0, chars.position());
        chars.clear();
      } while (r.isOverflow());
      if (end) {
        dec.flush(chars);
        out.write(chars.array(), 0, chars.position());
        chars.clear();
      }
      pending.compact();
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      decode(true);
      out.flush();
    }
  }
}
