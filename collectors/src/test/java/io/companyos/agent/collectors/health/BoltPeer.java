package io.companyos.agent.collectors.health;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A test Bolt server that speaks the handshake as the Bolt specification describes: it reads the
 * magic preamble and four version proposals and answers with the first proposal (in the client's
 * order) whose range holds a version it supports, or zero. A wrong magic closes the connection,
 * as Neo4j does.
 */
final class BoltPeer implements AutoCloseable {

  /** How the peer answers. */
  enum Behaviour { NEGOTIATE, CLOSE, ANSWER_HTTP }

  private final ServerSocket socket;
  private final Behaviour behaviour;
  private final int[] supported;
  private final List<byte[]> handshakes = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  /** @param supported versions as {@code major << 8 | minor}, e.g. {@code 5 << 8 | 4} */
  BoltPeer(Behaviour behaviour, int... supported) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getByName(TestServers.HOST));
    this.behaviour = behaviour;
    this.supported = supported.clone();
    this.acceptor = new Thread(this::serve, "bolt-peer");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The 20-byte handshakes received so far. */
  List<byte[]> handshakes() {
    return handshakes;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        answer(client);
      } catch (IOException e) {
        // closed, or the client went away: wait for the next one
      }
    }
  }

  private void answer(Socket client) throws IOException {
    DataInputStream in = new DataInputStream(client.getInputStream());
    DataOutputStream out = new DataOutputStream(client.getOutputStream());
    if (behaviour == Behaviour.CLOSE) {
      return;
    }
    if (behaviour == Behaviour.ANSWER_HTTP) {
      out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return;
    }
    byte[] handshake = new byte[20];
    in.readFully(handshake);
    handshakes.add(handshake);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(handshake);
    if (buffer.getInt() != 0x6060B017) {
      return; // wrong magic: close without a word
    }
    int chosen = 0;
    for (int i = 0; i < 4 && chosen == 0; i++) {
      chosen = pick(buffer.getInt());
    }
    out.writeInt(chosen);
    out.flush();
    in.read(); // wait until the client closes
  }

  private int pick(int proposal) {
    int major = proposal & 0xFF;
    int minor = (proposal >>> 8) & 0xFF;
    int range = (proposal >>> 16) & 0xFF;
    int best = -1;
    for (int version : supported) {
      int vMajor = version >>> 8;
      int vMinor = version & 0xFF;
      if (vMajor == major && vMinor <= minor && vMinor >= minor - range && vMinor > best) {
        best = vMinor;
      }
    }
    return best < 0 ? 0 : best << 8 | major;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      acceptor.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
