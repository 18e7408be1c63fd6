package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpProbeTest {

  @Test
  void listeningPortIsUp() throws Exception {
    try (ServerSocket server = TestServers.silentServer()) {
      ProbeResult result =
          TcpProbe.builder("ingest", TestServers.HOST, server.getLocalPort()).build().check().get();

      assertThat(result.status()).isEqualTo(ProbeStatus.UP);
      assertThat(result.type()).isEqualTo("tcp");
      assertThat(result.detail()).isEqualTo("connected to 127.0.0.1:" + server.getLocalPort());
    }
  }

  @Test
  void closedPortIsDown() throws Exception {
    try (Socket closed = TestServers.closedPort()) {
      ProbeResult result =
          TcpProbe.builder("ingest", TestServers.HOST, closed.getLocalPort()).build().check().get();

      assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(result.detail()).isEqualTo("connection refused");
    }
  }

  @Test
  void unknownHostIsDown() throws Exception {
    ProbeResult result =
        TcpProbe.builder("ingest", "no-such-host.invalid", 80).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).isEqualTo("unknown host no-such-host.invalid");
  }
}
