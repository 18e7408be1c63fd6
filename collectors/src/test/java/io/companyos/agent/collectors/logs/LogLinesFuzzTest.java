package io.companyos.agent.collectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for the log sources (Jazzer): the line reader over raw bytes, and the assembler that detects the
 * format, joins CRI partial lines and Java stack traces and finds levels, times and exception types. No exception
 * escapes either; no line is lost or changed in plain and JSON logs. Regression inputs:
 * {@code src/test/resources/io/companyos/agent/collectors/logs/LogLinesFuzzTestInputs/<method>/}.
 */
class LogLinesFuzzTest {

  /** Lines of any bytes, in any format, grouped into events. */
  @FuzzTest
  void assemblesAnyLinesIntoEvents(FuzzedDataProvider data) {
    LogFormat format = data.pickValue(LogFormat.values());
    ZoneId zone = data.consumeBoolean() ? ZoneOffset.UTC : ZoneOffset.ofHours(data.consumeInt(-18, 18));
    String text = data.consumeRemainingAsString();
    List<String> lines = List.of(text.split("\n", -1));
    List<LogEvent> events = new ArrayList<>();
    LogEventAssembler assembler = new LogEventAssembler("svc", format, zone, events::add);
    for (String line : lines) {
      assembler.accept(line);
    }
    assembler.flush();

    for (LogEvent event : events) {
      assertThat(event.service()).isEqualTo("svc");
      if (format == LogFormat.PLAIN && event.exceptionType() != null) {
        // JSON records may name any type in a field; in plain text it is a class name taken from the text
        assertThat(event.exceptionType()).matches("[\\w$.]+");
        assertThat(event.text()).contains(event.exceptionType());
      }
    }
    if (format == LogFormat.PLAIN || format == LogFormat.JSON) {
      // every line is in exactly one event, in order and unchanged
      List<String> joined = new ArrayList<>();
      events.forEach(e -> joined.add(e.text()));
      assertThat(String.join("\n", joined)).isEqualTo(String.join("\n", lines));
    }
  }

  /**
   * Raw bytes read as lines from any start offset, buffer size and line limit: lines never exceed the limit (in
   * bytes), offsets move forward, and reading up to a limit reads no byte past it.
   */
  @FuzzTest
  void readsLinesFromAnyBytes(FuzzedDataProvider data) throws IOException {
    int buffer = data.consumeInt(1, 64);
    int maxLine = data.consumeInt(1, 300);
    int start = data.consumeInt(0, 50);
    int limitSlack = data.consumeInt(0, 100);
    boolean unterminated = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    long limit = Math.min(bytes.length, start + (long) limitSlack);
    ChannelLines reader = new ChannelLines(new BytesChannel(bytes), start, buffer, maxLine, limit);
    long previous = start;
    int count = 0;
    for (String line = reader.next(unterminated); line != null; line = reader.next(unterminated)) {
      assertThat(line).doesNotContain("\n");
      assertThat(line.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(3 * maxLine); // each kept byte decodes to at most one U+FFFD (3 bytes)
      assertThat(reader.lastLineStart()).isEqualTo(previous);
      assertThat(reader.nextLineStart()).isGreaterThan(previous).isLessThanOrEqualTo(Math.max(limit, start));
      previous = reader.nextLineStart();
      assertThat(++count).isLessThanOrEqualTo(bytes.length + 1);
    }
  }

  /** A read-only channel over a byte array. */
  private static final class BytesChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private long position;

    BytesChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, (int) position, n);
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {
      // nothing to release
    }
  }
}
