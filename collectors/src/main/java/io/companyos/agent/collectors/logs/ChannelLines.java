package io.companyos.agent.collectors.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}-terminated lines from a channel starting at a byte offset, with a bounded
 * buffer and a bounded line length (longer lines are cut; the rest up to the line break is
 * skipped). Invalid UTF-8 becomes U+FFFD. A trailing {@code \r} is dropped.
 */
final class ChannelLines {

  private final SeekableByteChannel channel;
  private final ByteBuffer buffer;
  private final int maxLineBytes;
  private final long limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long position;
  private long lineStart;
  private long lastLineStart;
  private boolean cut;
  private boolean eof;

  ChannelLines(SeekableByteChannel channel, long start, int bufferBytes, int maxLineBytes) {
    this(channel, start, bufferBytes, maxLineBytes, Long.MAX_VALUE);
  }

  /** Reads no byte at or past {@code limit}: the data ends there as far as this reader knows. */
  ChannelLines(
      SeekableByteChannel channel, long start, int bufferBytes, int maxLineBytes, long limit) {
    this.channel = channel;
    this.limit = limit;
    this.buffer = ByteBuffer.allocate(bufferBytes).flip();
    this.maxLineBytes = maxLineBytes;
    this.position = start;
    this.lineStart = start;
  }

  /** Offset just after the last line returned (where the next line starts). */
  long nextLineStart() {
    return lineStart;
  }

  /** Offset of the first byte of the line last returned by {@link #next}. */
  long lastLineStart() {
    return lastLineStart;
  }

  /**
   * The next complete line, or null at end of data. When {@code includeUnterminated}, a last
   * line without a line break is returned too; otherwise it stays unread.
   */
  String next(boolean includeUnterminated) throws IOException {
    while (true) {
      while (buffer.hasRemaining()) {
        if (line.size() >= maxLineBytes) {
          // over the cap: find the line break without copying (a 1 GiB line must not cost a GiB of byte calls)
          byte[] array = buffer.array();
          int from = buffer.arrayOffset() + buffer.position();
          int to = buffer.arrayOffset() + buffer.limit();
          int at = from;
          while (at < to && array[at] != '\n') {
            at++;
          }
          cut |= at > from;
          position += at - from;
          buffer.position(at - buffer.arrayOffset());
          if (at == to) {
            break;
          }
        }
        byte b = buffer.get();
        position++;
        if (b == '\n') {
          return finish(position);
        }
        if (line.size() < maxLineBytes) {
          line.write(b);
        } else {
          cut = true;
        }
      }
      if (eof || !fill()) {
        eof = true;
        if (includeUnterminated && (line.size() > 0 || cut)) {
          return finish(position);
        }
        return null;
      }
    }
  }

  /**
   * After {@link #next}{@code (false)} returned null: the unterminated last line it stopped at (cut to the cap), now
   * consumed, or null when there is none. Saves reading a long unterminated tail a second time.
   */
  String unterminatedRest() {
    if (!eof || (line.size() == 0 && !cut)) {
      return null;
    }
    return finish(position);
  }

  private String finish(long end) {
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (!cut && length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    line.reset();
    cut = false;
    lastLineStart = lineStart;
    lineStart = end;
    return text;
  }

  private boolean fill() throws IOException {
    if (position >= limit) {
      return false;
    }
    buffer.clear();
    if (limit - position < buffer.capacity()) {
      buffer.limit((int) (limit - position));
    }
    channel.position(position);
    int read = channel.read(buffer);
    buffer.flip();
    return read > 0;
  }
}
