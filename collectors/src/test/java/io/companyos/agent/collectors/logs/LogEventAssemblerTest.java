package io.companyos.agent.collectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEventAssemblerTest {

  private final List<LogEvent> events = new ArrayList<>();

  private List<LogEvent> assemble(LogFormat format, String... lines) {
    LogEventAssembler assembler = new LogEventAssembler("core-api", format, ZoneOffset.UTC, events::add);
    for (String line : lines) {
      assembler.accept(line);
    }
    assembler.flush();
    return events;
  }

  @Test
  void javaStackTraceIsJoinedIntoTheErrorEventWithItsExceptionType() {
    assemble(LogFormat.AUTO,
        "2026-11-25 10:00:00,001 INFO  [main] c.c.Api - started",
        "2026-11-25 10:00:01,002 ERROR [http-1] c.c.Api - request failed",
        "java.lang.IllegalStateException: graph unavailable",
        "\tat io.companyos.graph.Client.query(Client.java:42)",
        "\tat io.companyos.api.Handler.handle(Handler.java:7)",
        "Caused by: java.net.ConnectException: Connection refused",
        "\t... 12 more",
        "2026-11-25 10:00:02,003 WARN  [main] c.c.Api - slow");

    assertThat(events).hasSize(3);
    LogEvent error = events.get(1);
    assertThat(error.level()).isEqualTo("ERROR");
    assertThat(error.isError()).isTrue();
    assertThat(error.exceptionType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.time()).isEqualTo(Instant.parse("2026-11-25T10:00:01.002Z"));
    assertThat(error.text()).hasLineCount(6).endsWith("\t... 12 more");
    assertThat(events.get(0).isError()).isFalse();
    assertThat(events.get(2).level()).isEqualTo("WARN");
  }

  @Test
  void errorWithoutTraceTakesAnExceptionNamedInItsLine() {
    assemble(LogFormat.PLAIN,
        "2026-11-25T10:00:00Z ERROR job failed with java.util.concurrent.TimeoutException after 5s",
        "2026-11-25T10:00:01Z ERROR plain failure");

    assertThat(events).extracting(LogEvent::exceptionType)
        .containsExactly("java.util.concurrent.TimeoutException", null);
  }

  @Test
  void aTimestampWithAnImpossibleOffsetIsNoTimestamp() {
    // found by LogLinesFuzzTest: ZoneOffset.of("+62:00") threw out of the assembler
    assemble(LogFormat.PLAIN, "2026-11-25T10:00:00+62:00 ERROR boom", "2026-11-25T10:00:01+01:00 INFO ok");

    assertThat(events).extracting(LogEvent::time)
        .containsExactly(null, java.time.Instant.parse("2026-11-25T09:00:01Z"));
  }

  @Test
  void untimestampedLogsJoinOnlyStackTraceLines() {
    assemble(LogFormat.PLAIN,
        "SEVERE: servlet failed",
        "java.lang.NullPointerException",
        "\tat a.B.c(B.java:1)",
        "next message",
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
        "\tat a.B.d(B.java:2)");

    assertThat(events).extracting(LogEvent::text).containsExactly(
        "SEVERE: servlet failed\njava.lang.NullPointerException\n\tat a.B.c(B.java:1)",
        "next message",
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n\tat a.B.d(B.java:2)");
    assertThat(events.get(0).isError()).isTrue();
    assertThat(events.get(0).exceptionType()).isEqualTo("java.lang.NullPointerException");
    assertThat(events.get(2).exceptionType()).isEqualTo("java.lang.OutOfMemoryError");
  }

  @Test
  void jsonRecordsGiveLevelTimeAndExceptionType() {
    assemble(LogFormat.AUTO,
        "{\"@timestamp\":\"2026-11-25T10:00:00.5Z\",\"level\":\"INFO\",\"message\":\"ok\"}",
        "{\"@timestamp\":\"2026-11-25T10:00:01Z\",\"log\":{\"level\":\"error\"},\"message\":\"boom\","
            + "\"stack_trace\":\"java.io.UncheckedIOException: disk\\n\\tat a.B.c(B.java:1)\"}",
        "{\"time\":\"2026-11-25T10:00:02Z\",\"severity\":\"ERROR\",\"exception\":{\"type\":\"x\"},"
            + "\"exception.type\":\"com.acme.QuotaException\"}");

    assertThat(events).extracting(LogEvent::level).containsExactly("INFO", "ERROR", "ERROR");
    assertThat(events).extracting(LogEvent::exceptionType)
        .containsExactly(null, "java.io.UncheckedIOException", "com.acme.QuotaException");
    assertThat(events.get(0).time()).isEqualTo(Instant.parse("2026-11-25T10:00:00.5Z"));
  }

  @Test
  void criPartialLinesAreJoinedAndStackTracesFollow() {
    assemble(LogFormat.AUTO,
        "2026-11-25T10:00:00.000000001Z stdout P 2026-11-25 10:00:00,000 ERROR [w] c.c.Ingest - part one, ",
        "2026-11-25T10:00:00.000000002Z stdout P part two, ",
        "2026-11-25T10:00:00.000000003Z stdout F part three",
        "2026-11-25T10:00:00.000000004Z stderr F java.lang.IllegalArgumentException: bad",
        "2026-11-25T10:00:00.000000005Z stderr F \tat a.B.c(B.java:1)",
        "2026-11-25T10:00:01.000000000Z stdout F 2026-11-25 10:00:01,000 INFO [w] c.c.Ingest - fine");

    assertThat(events).hasSize(2);
    assertThat(events.get(0).text()).isEqualTo(
        "2026-11-25 10:00:00,000 ERROR [w] c.c.Ingest - part one, part two, part three\n"
            + "java.lang.IllegalArgumentException: bad\n\tat a.B.c(B.java:1)");
    assertThat(events.get(0).time()).isEqualTo(Instant.parse("2026-11-25T10:00:00.000000001Z"));
    assertThat(events.get(0).exceptionType()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(events.get(1).level()).isEqualTo("INFO");
  }

  @Test
  void criPartialLinesThatNeverEndAreJoinedOnlyUpToTheLineCap() {
    LogEventAssembler assembler = new LogEventAssembler("core-api", LogFormat.CRI, ZoneOffset.UTC, events::add);
    String chunk = "x".repeat(64 * 1024);
    assembler.accept("2026-11-25T10:00:00.000000001Z stdout P 2026-11-25 10:00:00,000 ERROR [w] c.c.Ingest - ");
    for (int i = 0; i < 100; i++) { // 6.4 MiB of one line that never ends
      assembler.accept("2026-11-25T10:00:00.000000002Z stdout P " + chunk);
    }
    assembler.accept("2026-11-25T10:00:00.000000003Z stdout F end");
    assembler.flush();

    assertThat(events).hasSize(1);
    assertThat(events.get(0).level()).isEqualTo("ERROR");
    assertThat(events.get(0).text()).hasSize(LogEventAssembler.MAX_JOINED_CHARS).doesNotEndWith("end");
  }

  @Test
  void criCarryingJsonIsReadAsJson() {
    assemble(LogFormat.CRI,
        "2026-11-25T10:00:00Z stdout F {\"level\":\"error\",\"msg\":\"failed\",\"error.type\":\"io.x.DbError\"}");

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.level()).isEqualTo("ERROR");
      assertThat(e.exceptionType()).isEqualTo("io.x.DbError");
      assertThat(e.time()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    });
  }

  @Test
  void levelWordsInsideTheMessageDoNotCount() {
    assemble(LogFormat.PLAIN, "2026-11-25T10:00:00Z INFO retried after ERROR from upstream");

    assertThat(events.get(0).level()).isEqualTo("INFO");
  }
}
