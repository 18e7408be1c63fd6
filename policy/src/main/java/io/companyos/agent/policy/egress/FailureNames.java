package io.companyos.agent.policy.egress;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Short names for transport failures, for the ledger and logs: never a message that might carry a URL or body. */
final class FailureNames {
  private FailureNames() {}

  static String describe(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof HttpConnectTimeoutException) {
      return "connect timeout";
    }
    if (t instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof SSLException) {
      return "tls " + t.getClass().getSimpleName();
    }
    String msg = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
    if (msg.contains("reset")) {
      return "connection reset";
    }
    if (msg.contains("closed") || msg.contains("eof")) {
      return "connection closed";
    }
    return t.getClass().getSimpleName();
  }
}
