package io.companyos.agent.collectors.health;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsynchronousSocketChannel} operations as futures, for the tcp, neo4j and postgres probes. The channels share
 * one group with a single thread, which polls and runs the (short) completion handlers: the JDK's default group
 * keeps a poller thread plus one handler thread per core and a cached pool, idle nearly always in a probing
 * process.
 */
final class AsyncSockets {

  private AsyncSockets() {}

  /** The probes' channel group, made at the first connect. */
  private static final class Group {
    static final AsynchronousChannelGroup INSTANCE = create();

    private static AsynchronousChannelGroup create() {
      try {
        return AsynchronousChannelGroup.withFixedThreadPool(1, task -> {
          Thread thread = new Thread(task, "probe-sockets");
          thread.setDaemon(true);
          return thread;
        });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot create the probes' socket group", e);
      }
    }
  }

  /** Opens and connects a channel; the caller closes it (also on failure of later steps). */
  static CompletableFuture<AsynchronousSocketChannel> connect(String host, int port) {
    CompletableFuture<AsynchronousSocketChannel> result = new CompletableFuture<>();
    AsynchronousSocketChannel channel;
    try {
      channel = AsynchronousSocketChannel.open(Group.INSTANCE);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      closeQuietly(channel);
      return CompletableFuture.failedFuture(new java.net.UnknownHostException(host));
    }
    channel.connect(
        address,
        null,
        new CompletionHandler<Void, Void>() {
          @Override
          public void completed(Void ignored, Void attachment) {
            if (!result.complete(channel)) {
              closeQuietly(channel); // timed out meanwhile
            }
          }

          @Override
          public void failed(Throwable error, Void attachment) {
            closeQuietly(channel);
            result.completeExceptionally(error);
          }
        });
    // If the caller gives up (timeout), the pending connect is abandoned by closing the channel.
    result.whenComplete((ch, error) -> {
      if (error != null) {
        closeQuietly(channel);
      }
    });
    return result;
  }

  /** Writes all remaining bytes of {@code buffer}. */
  static CompletableFuture<Void> writeFully(AsynchronousSocketChannel channel, ByteBuffer buffer) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    write(channel, buffer, result);
    return result;
  }

  private static void write(
      AsynchronousSocketChannel channel, ByteBuffer buffer, CompletableFuture<Void> result) {
    channel.write(
        buffer,
        null,
        new CompletionHandler<Integer, Void>() {
          @Override
          public void completed(Integer written, Void attachment) {
            if (buffer.hasRemaining()) {
              write(channel, buffer, result);
            } else {
              result.complete(null);
            }
          }

          @Override
          public void failed(Throwable error, Void attachment) {
            result.completeExceptionally(error);
          }
        });
  }

  /**
   * Reads until {@code buffer} is full; fails with {@link EOFException} if the peer closes, and with
   * {@link java.nio.channels.InterruptedByTimeoutException} if a read waits longer than {@code timeout} (a peer that
   * accepts and never answers must not hold the socket, and the caller's close, forever).
   */
  static CompletableFuture<ByteBuffer> readFully(
      AsynchronousSocketChannel channel, ByteBuffer buffer, java.time.Duration timeout) {
    CompletableFuture<ByteBuffer> result = new CompletableFuture<>();
    read(channel, buffer, timeout.toMillis(), result);
    return result;
  }

  private static void read(AsynchronousSocketChannel channel, ByteBuffer buffer, long timeoutMillis,
      CompletableFuture<ByteBuffer> result) {
    channel.read(
        buffer,
        timeoutMillis,
        java.util.concurrent.TimeUnit.MILLISECONDS,
        null,
        new CompletionHandler<Integer, Void>() {
          @Override
          public void completed(Integer count, Void attachment) {
            if (count < 0) {
              result.completeExceptionally(
                  new EOFException("connection closed after " + buffer.position() + " bytes"));
            } else if (buffer.hasRemaining()) {
              read(channel, buffer, timeoutMillis, result);
            } else {
              result.complete(buffer.flip());
            }
          }

          @Override
          public void failed(Throwable error, Void attachment) {
            result.completeExceptionally(error);
          }
        });
  }

  static void closeQuietly(AsynchronousSocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to do with a socket that cannot be closed
    }
  }
}
