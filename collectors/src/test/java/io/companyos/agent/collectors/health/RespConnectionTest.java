package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The redis probe's RESP client against a stand-in that answers with canned bytes, split across writes. */
class RespConnectionTest {

  @Test
  void readsRepliesSplitAcrossPacketsAndLargerThanItsBuffer() throws Exception {
    String big = "x".repeat(20_000) + "\r\nline:2";
    byte[] replies = ("+PONG\r\n:42\r\n$-1\r\n$" + big.length() + "\r\n" + big + "\r\n-WRONGPASS invalid username-password"
        + " pair or user is disabled.\r\n+OK\r\n").getBytes(StandardCharsets.UTF_8);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(TestServers.HOST))) {
      Thread peer = new Thread(() -> {
        try (Socket s = server.accept(); OutputStream out = s.getOutputStream(); InputStream in = s.getInputStream()) {
          for (int i = 0; i < replies.length; i += 7) { // 7 bytes at a time: every reply split
            out.write(replies, i, Math.min(7, replies.length - i));
            out.flush();
          }
          in.transferTo(OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
          // the client closed
        }
      });
      peer.start();
      RespConnection c = RespConnection.connect(TestServers.HOST, server.getLocalPort(), Duration.ofSeconds(5)).get();
      try {
        assertThat(c.send("PING").get()).isEqualTo("PONG");
        assertThat(c.send("DBSIZE").get()).isEqualTo("42");
        assertThat(c.send("GET", "none").get()).isNull();
        assertThat(c.send("INFO").get()).isEqualTo(big);
        assertThatThrownBy(() -> c.send("AUTH", "pw").get()).isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(RespConnection.ErrorReply.class)
            .hasMessage("WRONGPASS invalid username-password pair or user is disabled.");
        assertThat(c.send("CLIENT", "SETNAME", "n").get()).isEqualTo("OK");
      } finally {
        c.close();
      }
      peer.join(10_000);
    }
  }

  @Test
  void aPeerThatClosesOrNeverAnswersFailsTheCommand() throws Exception {
    try (ServerSocket silent = TestServers.silentServer()) {
      RespConnection c = RespConnection.connect(TestServers.HOST, silent.getLocalPort(), Duration.ofMillis(200)).get();
      assertThatThrownBy(() -> c.send("PING").get()).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(java.nio.channels.InterruptedByTimeoutException.class);
      c.close();
    }
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(TestServers.HOST))) {
      Thread peer = new Thread(() -> {
        try (Socket s = server.accept()) {
          s.getOutputStream().write("+PO".getBytes(StandardCharsets.UTF_8)); // then closes mid-reply
        } catch (java.io.IOException e) {
          // the client closed
        }
      });
      peer.start();
      RespConnection c = RespConnection.connect(TestServers.HOST, server.getLocalPort(), Duration.ofSeconds(5)).get();
      assertThatThrownBy(() -> c.send("PING").get()).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(java.io.EOFException.class);
      c.close();
      peer.join(10_000);
    }
  }
}
