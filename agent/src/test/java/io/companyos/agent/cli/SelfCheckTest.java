package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfCheckTest {
  @Test
  void getReturnsTheStatusOfARealServerAndSendsThePath() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> paths = new ArrayList<>();
    server.createContext("/", exchange -> {
      paths.add(exchange.getRequestURI().getPath());
      byte[] body = "{\"status\":\"not ready\"}\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/readyz") ? 503 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      int port = server.getAddress().getPort();
      assertThat(SelfCheck.get("127.0.0.1", port, "/readyz")).isEqualTo(503);
      assertThat(SelfCheck.get("0.0.0.0", port, "/metrics")).isEqualTo(200);
      assertThat(paths).containsExactly("/readyz", "/metrics");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void somethingThatIsNotHttpIsAnError() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (var s = listener.accept()) {
          s.getOutputStream().write("+OK redis\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
          // the client's failure is what the test asserts
        }
      });
      t.start();
      assertThatThrownBy(() -> SelfCheck.get("127.0.0.1", listener.getLocalPort(), "/readyz"))
          .isInstanceOf(IOException.class).hasMessage("not an HTTP answer");
      t.join();
    }
  }

  @Test
  void statusLinesAndWildcardHosts() throws Exception {
    assertThat(SelfCheck.statusCode("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")).isEqualTo(200);
    assertThat(SelfCheck.statusCode("HTTP/1.0 503 Service Unavailable\r\n")).isEqualTo(503);
    assertThatThrownBy(() -> SelfCheck.statusCode("")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> SelfCheck.statusCode("HTTP/2 OK\r\n")).isInstanceOf(IOException.class);
    assertThat(SelfCheck.clientHost("0.0.0.0")).isEqualTo("127.0.0.1");
    assertThat(SelfCheck.clientHost("[::]")).isEqualTo("::1");
    assertThat(SelfCheck.clientHost("::")).isEqualTo("::1");
    assertThat(SelfCheck.clientHost("127.0.0.2")).isEqualTo("127.0.0.2");
    assertThat(SelfCheck.clientHost("[::1]")).isEqualTo("::1");
  }
}
