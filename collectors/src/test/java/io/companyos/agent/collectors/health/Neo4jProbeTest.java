package io.companyos.agent.collectors.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.companyos.agent.collectors.http.HttpFetcher;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Neo4j probe's tests, run with both HTTP clients for the discovery request ({@link JdkNeo4jProbeTest},
 * {@link VertxNeo4jProbeTest}).
 */
abstract class Neo4jProbeTest extends ProbeContractTest {

  /** The HTTP client under test. */
  abstract HttpFetcher fetcher();

  private Neo4jProbe.Builder builder(String name, String host, int port) {
    return Neo4jProbe.builder(name, host, port).http(fetcher());
  }


  private static final int V5_4 = 5 << 8 | 4;
  private static final int V4_4 = 4 << 8 | 4;

  private static WireMockServer http;
  private BoltPeer peer;

  @BeforeAll
  static void startHttp() {
    http = new WireMockServer(options().bindAddress(TestServers.HOST).dynamicPort());
    http.start();
    http.stubFor(get("/").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"bolt_direct\":\"bolt://127.0.0.1:7687\",\"neo4j_version\":\"5.26.1\","
            + "\"neo4j_edition\":\"community\"}")));
  }

  @AfterAll
  static void stopHttp() {
    http.stop();
  }

  @AfterEach
  void closePeer() throws Exception {
    if (peer != null) {
      peer.close();
    }
  }

  @Override
  String type() {
    return "neo4j";
  }

  @Override
  Probe healthy(String name) throws Exception {
    peer = new BoltPeer(BoltPeer.Behaviour.NEGOTIATE, V5_4, V4_4);
    return builder(name, TestServers.HOST, peer.port()).build();
  }

  @Override
  Probe atPort(String name, int port, Duration timeout) {
    return builder(name, TestServers.HOST, port).timeout(timeout).build();
  }

  @Test
  void sendsTheMagicAndFourProposalsPerTheSpecification() throws Exception {
    Probe probe = healthy("graph");

    ProbeResult result = probe.check().get();

    assertThat(result.detail()).isEqualTo("Bolt 5.4");
    assertThat(peer.handshakes()).hasSize(1);
    ByteBuffer sent = ByteBuffer.wrap(peer.handshakes().get(0));
    assertThat(sent.getInt()).isEqualTo(0x6060B017);
    assertThat(new int[] {sent.getInt(), sent.getInt(), sent.getInt(), sent.getInt()})
        .containsExactly(0x00080805, 0x00020404, 0x00000104, 0x00000003);
  }

  @Test
  void olderServerAgreesOnAnOlderVersion() throws Exception {
    peer = new BoltPeer(BoltPeer.Behaviour.NEGOTIATE, 4 << 8 | 3);

    ProbeResult result = builder("graph", TestServers.HOST, peer.port()).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.UP);
    assertThat(result.detail()).isEqualTo("Bolt 4.3");
  }

  @Test
  void serverWithNoCommonVersionIsDown() throws Exception {
    peer = new BoltPeer(BoltPeer.Behaviour.NEGOTIATE, 6 << 8);

    ProbeResult result = builder("graph", TestServers.HOST, peer.port()).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).isEqualTo("Bolt server supports none of the offered versions");
  }

  @Test
  void peerThatClosesOnTheHandshakeIsDown() throws Exception {
    peer = new BoltPeer(BoltPeer.Behaviour.CLOSE);

    ProbeResult result = builder("graph", TestServers.HOST, peer.port()).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail())
        .isEqualTo("connection closed during the Bolt handshake (not a Bolt server?)");
  }

  @Test
  void peerAnsweringWithTheWrongMagicIsDown() throws Exception {
    peer = new BoltPeer(BoltPeer.Behaviour.ANSWER_HTTP);

    ProbeResult result = builder("graph", TestServers.HOST, peer.port()).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail())
        .isEqualTo("unexpected Bolt handshake answer 0x48545450 (not a Bolt server?)");
  }

  @Test
  void httpDiscoveryAddsTheServerVersion() throws Exception {
    peer = new BoltPeer(BoltPeer.Behaviour.NEGOTIATE, V5_4);

    ProbeResult result = builder("graph", TestServers.HOST, peer.port())
        .httpPort(http.port()).build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.UP);
    assertThat(result.detail()).isEqualTo("Bolt 5.4, Neo4j 5.26.1");
  }

  @Test
  void failedHttpDiscoveryIsDegraded() throws Exception {
    peer = new BoltPeer(BoltPeer.Behaviour.NEGOTIATE, V5_4);

    try (Socket closed = TestServers.closedPort()) {
      ProbeResult result = builder("graph", TestServers.HOST, peer.port())
          .httpPort(closed.getLocalPort()).build().check().get();

      assertThat(result.status()).isEqualTo(ProbeStatus.DEGRADED);
      assertThat(result.detail()).isEqualTo("Bolt 5.4, HTTP discovery failed: connection refused");
    }
  }

  @Test
  void timeoutsAgainstASilentPeerLeaveNoConnectionOpen() throws Exception {
    assertTimeoutsAgainstASilentPeerLeaveNoConnectionOpen(this::atPort);
  }
}
