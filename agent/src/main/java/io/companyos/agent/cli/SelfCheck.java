package io.companyos.agent.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One plain HTTP/1.1 {@code GET} to the daemon's own server, for {@code run --exit-when-ready}: the smoke test then
 * answers its readiness check and scrape through the same server, router and handlers as kubelet and Prometheus do,
 * and the class-data-sharing training run that {@code bin/agent} makes with it archives that request path too.
 */
final class SelfCheck {
  static final int TIMEOUT_MILLIS = 15_000;
  private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  private SelfCheck() {}

  /** The address a client reaches a server bound to {@code host} on: loopback for the wildcard addresses. */
  static String clientHost(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return switch (h) {
      case "0.0.0.0", "" -> "127.0.0.1";
      case "::", "0:0:0:0:0:0:0:0" -> "::1";
      default -> h;
    };
  }

  /**
   * {@code GET path} on {@code host:port}; returns the status code of the answer, whose body is read and dropped.
   *
   * @throws IOException when the server cannot be reached or answers something that is not HTTP
   */
  static int get(String host, int port, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(clientHost(host), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        response.write(buf, 0, n);
        if (response.size() > MAX_RESPONSE_BYTES) {
          throw new IOException("answer larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
      }
      return statusCode(response.toString(StandardCharsets.ISO_8859_1));
    }
  }

  /** The status code of an HTTP/1.x status line, e.g. 200 from {@code HTTP/1.1 200 OK}. */
  static int statusCode(String response) throws IOException {
    int eol = response.indexOf("\r\n");
    String line = eol < 0 ? response : response.substring(0, eol);
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
      throw new IOException("not an HTTP answer");
    }
    return Integer.parseInt(parts[1]);
  }
}
