package io.companyos.agent.exporters.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A minimal HTTP CONNECT proxy on 127.0.0.1 (port 0) that records the tunnels it opened. */
final class ConnectProxy implements AutoCloseable {
  final List<String> connects = new CopyOnWriteArrayList<>();
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-connect-proxy");
    t.setDaemon(true);
    return t;
  });

  ConnectProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  int getPort() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> tunnel(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String requestLine = readLine(in);
      while (!readLine(in).isEmpty()) {
        // skip headers
      }
      String[] parts = requestLine.split(" ");
      OutputStream out = client.getOutputStream();
      if (parts.length < 2 || !parts[0].equals("CONNECT")) {
        out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      connects.add(parts[1]);
      String[] hostPort = parts[1].split(":");
      try (Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        threads.execute(() -> pipe(upstream, client));
        pipe(client, upstream);
      }
    } catch (IOException e) {
      // tunnel ended
    }
  }

  /** Reads one CRLF-terminated line byte by byte, so no tunnel bytes are consumed into a buffer. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // one side closed
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
