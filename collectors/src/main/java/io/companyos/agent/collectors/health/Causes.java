package io.companyos.agent.collectors.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns an exception into the one-line cause of a DOWN result. */
final class Causes {

  private static final int MAX_LENGTH = 200;

  private Causes() {}

  static String describe(Throwable error) {
    Throwable e = unwrap(error);
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    String text;
    if (e instanceof TimeoutException || e instanceof HttpTimeoutException) {
      text = "timed out";
    } else if (e instanceof ConnectException) {
      text = "connection refused" + (message.isEmpty() || message.startsWith("Connection refused")
          ? "" : ": " + message);
    } else if (e instanceof UnknownHostException) {
      text = "unknown host " + message;
    } else if (e instanceof NoRouteToHostException) {
      text = "no route to host";
    } else if (e instanceof ClosedChannelException) {
      text = "connection closed";
    } else if (e instanceof SSLException) {
      text = "TLS handshake failed: " + rootMessage(e);
    } else if (e instanceof IOException && message.isEmpty()) {
      text = e.getClass().getSimpleName();
    } else {
      text = message.isEmpty() ? e.getClass().getSimpleName() : message;
    }
    return shorten(text);
  }

  /** Collapses whitespace to one line and cuts to {@value #MAX_LENGTH} characters. */
  static String shorten(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** Replaces every occurrence of {@code secret} (when non-empty) in {@code text}. */
  static String withoutSecret(String text, String secret) {
    if (secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, "<secret>");
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
