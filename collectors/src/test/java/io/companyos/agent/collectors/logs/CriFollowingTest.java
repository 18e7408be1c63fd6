package io.companyos.agent.collectors.logs;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follower, CRI joining, stack-trace joining and the error counter together, as the daemon runs them. */
class CriFollowingTest {

  @TempDir Path dir;

  @Test
  void kubeletRotationInTheMiddleOfAPartialLineLosesNothing() throws Exception {
    Path container = Files.createDirectories(dir.resolve("pods/prod_ingest-0_uid/ingest"));
    Path log = container.resolve("0.log");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LogErrorMetrics metrics = new LogErrorMetrics(List.of("ingest"));
    metrics.bindTo(registry);
    List<LogEvent> events = new ArrayList<>();
    LogEventAssembler assembler = new LogEventAssembler("ingest", LogFormat.AUTO, ZoneOffset.UTC,
        event -> {
          events.add(event);
          metrics.record(event);
        });

    try (LogFollower follower = new LogFollower(log, false)) {
      write(log, "2026-11-25T10:00:00.1Z stdout F 2026-11-25 10:00:00 INFO ingest started\n");
      write(log, "2026-11-25T10:00:01.1Z stderr P 2026-11-25 10:00:01 ERROR batch 7 failed: \n");
      follower.poll().forEach(assembler::accept);
      write(log, "2026-11-25T10:00:01.1Z stderr P aaaa\n");
      // kubelet rotates 0.log -> 0.log.<ts> and continues in a new 0.log
      Files.move(log, container.resolve("0.log.20261125-100001"));
      write(log, "2026-11-25T10:00:01.2Z stderr F bbbb\n"
          + "2026-11-25T10:00:01.3Z stderr F io.companyos.ingest.SchemaException: field x\n"
          + "2026-11-25T10:00:01.4Z stderr F \tat io.companyos.ingest.Parser.parse(Parser.java:9)\n"
          + "2026-11-25T10:00:02.0Z stdout F 2026-11-25 10:00:02 INFO batch 8 ok\n");
      follower.poll().forEach(assembler::accept);
      assembler.flush();
    }

    assertThat(events).extracting(LogEvent::level).containsExactly("INFO", "ERROR", "INFO");
    assertThat(events.get(1).text()).isEqualTo(
        "2026-11-25 10:00:01 ERROR batch 7 failed: aaaabbbb\n"
            + "io.companyos.ingest.SchemaException: field x\n"
            + "\tat io.companyos.ingest.Parser.parse(Parser.java:9)");
    assertThat(events.get(1).exceptionType()).isEqualTo("io.companyos.ingest.SchemaException");
    assertThat(registry.get("agent.log.errors").tag("service", "ingest").counter().count()).isEqualTo(1.0);
  }

  private static void write(Path file, String text) throws Exception {
    Files.writeString(file, text, CREATE, APPEND);
  }
}
