package io.companyos.agent.collectors.health;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Redis protocol (RESP2) as far as the redis probe's kept connection needs it: one command at a time, as an array
 * of bulk strings; a reply that is a simple string, an integer or a bulk string, or an error. On one socket of the
 * probes' channel group ({@link AsyncSockets}) with heap buffers: no event loop, no pooled buffer that a connection
 * kept for hours would pin. Every read waits at most {@code readTimeout}; on any failure the caller closes.
 */
final class RespConnection {

  /** The largest reply read (INFO is a few KiB; a server that sends more is not what the probe talks to). */
  static final int MAX_REPLY_BYTES = 1 << 20;

  private final AsynchronousSocketChannel channel;
  private final Duration readTimeout;
  private byte[] buf = new byte[8192];
  private int start;
  private int end;

  private RespConnection(AsynchronousSocketChannel channel, Duration readTimeout) {
    this.channel = channel;
    this.readTimeout = readTimeout;
  }

  /** Connects; the connect itself gives up after {@code readTimeout} too (and closes its socket). */
  static CompletableFuture<RespConnection> connect(String host, int port, Duration readTimeout) {
    return AsyncSockets.connect(host, port)
        .orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(channel -> new RespConnection(channel, readTimeout));
  }

  /**
   * Sends one command and reads its reply: the text of a simple string, integer or bulk string (null for a null bulk
   * string); fails with {@link ErrorReply} (the server's error line) or the I/O failure.
   */
  CompletableFuture<String> send(String... command) {
    StringBuilder out = new StringBuilder().append('*').append(command.length).append("\r\n");
    for (String arg : command) {
      out.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
    }
    return AsyncSockets.writeFully(channel, ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)))
        .thenCompose(written -> reply());
  }

  void close() {
    AsyncSockets.closeQuietly(channel);
  }

  private CompletableFuture<String> reply() {
    int eol = lineEnd();
    if (eol < 0) {
      return more().thenCompose(read -> reply());
    }
    String line = new String(buf, start + 1, eol - start - 1, StandardCharsets.UTF_8);
    byte type = buf[start];
    switch (type) {
      case '+', ':' -> {
        start = eol + 2;
        return CompletableFuture.completedFuture(line);
      }
      case '-' -> {
        start = eol + 2;
        return CompletableFuture.failedFuture(new ErrorReply(line));
      }
      case '$' -> {
        int length;
        try {
          length = Integer.parseInt(line);
        } catch (NumberFormatException e) {
          return CompletableFuture.failedFuture(new IOException("unexpected Redis reply"));
        }
        if (length < 0) {
          start = eol + 2;
          return CompletableFuture.completedFuture(null);
        }
        if (length > MAX_REPLY_BYTES) {
          return CompletableFuture.failedFuture(new IOException("Redis reply larger than " + MAX_REPLY_BYTES + " bytes"));
        }
        if (end - (eol + 2) < length + 2) {
          return more().thenCompose(read -> reply());
        }
        String text = new String(buf, eol + 2, length, StandardCharsets.UTF_8);
        start = eol + 2 + length + 2;
        return CompletableFuture.completedFuture(text);
      }
      default -> {
        return CompletableFuture.failedFuture(new IOException("unexpected Redis reply"));
      }
    }
  }

  /** The index of the CR of the first CRLF from {@code start}, or -1. */
  private int lineEnd() {
    for (int i = start; i + 1 < end; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Reads more bytes after {@code end}, first moving what is unread to the front (and growing the buffer). */
  private CompletableFuture<Void> more() {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      if (buf.length >= MAX_REPLY_BYTES + 64) {
        return CompletableFuture.failedFuture(new IOException("Redis reply larger than " + MAX_REPLY_BYTES + " bytes"));
      }
      buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_REPLY_BYTES + 64));
    }
    CompletableFuture<Void> read = new CompletableFuture<>();
    ByteBuffer into = ByteBuffer.wrap(buf, end, buf.length - end);
    channel.read(into, readTimeout.toMillis(), TimeUnit.MILLISECONDS, null,
        new java.nio.channels.CompletionHandler<Integer, Void>() {
          @Override
          public void completed(Integer count, Void attachment) {
            if (count < 0) {
              read.completeExceptionally(new EOFException("connection closed"));
            } else {
              end += count;
              read.complete(null);
            }
          }

          @Override
          public void failed(Throwable error, Void attachment) {
            read.completeExceptionally(error);
          }
        });
    return read;
  }

  /** An error reply of the server: its message is the server's line ({@code WRONGPASS …}, {@code NOAUTH …}). */
  static final class ErrorReply extends IOException {
    private static final long serialVersionUID = 1L;

    ErrorReply(String line) {
      super(line);
    }
  }
}
