package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The small pure parts behind the probes. */
class ProbePartsTest {

  @Test
  void statusRangeParsesAndChecks() {
    assertThat(StatusRange.parse("200-399")).isEqualTo(new StatusRange(200, 399));
    assertThat(StatusRange.parse(" 204 ").contains(204)).isTrue();
    assertThat(StatusRange.parse("204").contains(200)).isFalse();
    assertThat(StatusRange.SUCCESS.toString()).isEqualTo("200-299");
    assertThatThrownBy(() -> StatusRange.parse("2xx"))
        .hasMessage("status range must look like 200-299 or 204, got '2xx'");
    assertThatThrownBy(() -> StatusRange.parse("500-200"))
        .hasMessage("status range must lie within 100-599 with from <= to, got 500-200");
  }

  @Test
  void boltAnswerIsReadAsMinorThenMajor() {
    assertThat(BoltHandshake.agreed(0x00000405)).contains("5.4");
    assertThat(BoltHandshake.agreed(0x00000104)).contains("4.1");
    assertThat(BoltHandshake.agreed(0x00000003)).contains("3.0");
    assertThat(BoltHandshake.agreed(0)).isEmpty();
    assertThatThrownBy(() -> BoltHandshake.agreed(0x00000905))
        .hasMessage("unexpected Bolt handshake answer 0x00000905 (not a Bolt server?)");
  }

  @Test
  void redisInfoKeepsTheFieldsTheProbeUses() {
    RedisInfo info = RedisInfo.parse("# Server\r\nredis_version:7.0.15\r\n# Replication\r\n"
        + "role:slave\r\n# Memory\r\nused_memory:1048576\r\nmaxmemory:0\r\n"
        + "# Clients\r\nconnected_clients:7\r\n");

    assertThat(info).isEqualTo(new RedisInfo("7.0.15", "slave", 1_048_576, 0, 7));
    assertThat(RedisProbe.bytes(1_048_576)).isEqualTo("1.0 MiB");
    assertThat(RedisProbe.bytes(512)).isEqualTo("512 B");
  }

  @Test
  void causesAreOneShortLine() {
    assertThat(Causes.describe(new CompletionException(new TimeoutException()))).isEqualTo("timed out");
    assertThat(Causes.describe(new IllegalStateException("two\n  lines"))).isEqualTo("two lines");
    assertThat(Causes.describe(new IllegalStateException("x".repeat(500)))).hasSize(200);
    assertThat(Causes.withoutSecret("auth hunter2 failed", "hunter2")).isEqualTo("auth <secret> failed");
  }
}
