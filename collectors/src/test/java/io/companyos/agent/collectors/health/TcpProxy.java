package io.companyos.agent.collectors.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 in front of a real server, to stand for that server going away and coming back: {@link
 * #stop()} closes the listening socket and every forwarded connection (a restart's dropped connections, then refused
 * connections), {@link #start()} listens again on the same port (one below the kernel's ephemeral range, see there);
 * {@link #pause()} holds the traffic of the open connections.
 */
final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private Thread acceptor;
  private volatile boolean paused;
  private int port;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    start();
  }

  int port() {
    return port;
  }

  /** Connections accepted since the last {@link #stop()} and not yet closed by either side (each counted once). */
  int connections() {
    return (int) open.stream().filter(s -> !s.isClosed()).count() / 2;
  }

  /** Holds every byte in both directions until {@link #resume()}: a server (or network) that hangs. */
  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
  }

  /**
   * Listens; the first time on a port of its own choosing below the kernel's ephemeral range, after that on the same
   * port again. Between {@link #stop()} and this the port is free, and a port the kernel hands out (to a {@code bind}
   * to port 0 or to an outgoing connection's local end) could be given to someone else meanwhile, so that this bind
   * failed or the probe reached another server: a port below that range is only ever taken by a process that asks for
   * it by number.
   */
  synchronized void start() throws IOException {
    ServerSocket s = port == 0 ? bindBelowEphemeralRange() : bind(port);
    port = s.getLocalPort();
    server = s;
    acceptor = new Thread(() -> accept(s), "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Returns once nothing listens: {@link ServerSocket#close()} only signals a thread blocked in {@code accept}, whose
   * system call holds the listening socket open until it returns (and a connection that arrives meanwhile is accepted),
   * so this waits for the accept thread to end.
   */
  synchronized void stop() throws IOException {
    server.close();
    try {
      acceptor.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (acceptor.isAlive()) {
      throw new IOException("the proxy's accept thread did not end within 10 s");
    }
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        if (s.isClosed()) { // accepted while stop() closed the listening socket: as if it had been refused
          client.close();
          return;
        }
        Socket target = new Socket(TestServers.HOST, targetPort);
        open.add(client);
        open.add(target);
        pump(client, target);
        pump(target, client);
      } catch (IOException e) {
        // closed by stop(), or the target refused: the client's socket is closed with it
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          while (paused && !from.isClosed()) {
            Thread.sleep(5);
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.setReuseAddress(true); // a restart binds again while the last connections are in TIME_WAIT
      s.bind(new InetSocketAddress(InetAddress.getByName(TestServers.HOST), port));
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /** A random free port in [10000, the ephemeral range's first port); ports the kernel hands out where there is none. */
  private static ServerSocket bindBelowEphemeralRange() throws IOException {
    int low = 10_000;
    int high = ephemeralRangeStart();
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; high - low >= 1000 && attempt < 100; attempt++) {
      try {
        return bind(random.nextInt(low, high));
      } catch (java.net.BindException taken) {
        // in use: another one
      }
    }
    return bind(0);
  }

  private static int ephemeralRangeStart() {
    try {
      return Integer.parseInt(java.nio.file.Files.readString(java.nio.file.Path.of(
          "/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 0; // not Linux: no such range known
    }
  }
}
