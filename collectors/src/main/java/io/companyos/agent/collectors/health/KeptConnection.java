package io.companyos.agent.collectors.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one connection a probe keeps between checks, and when a check may use it: only while it authenticated with the
 * password the check read and is younger than the lifetime (else it is closed and the check connects anew). A check
 * takes it, so a check running meanwhile opens its own; whichever is kept last stays, the other is closed. Shared by
 * the PostgreSQL and Redis probes, so that both reuse, give up and re-authenticate by the same rules.
 *
 * @param <C> the connection
 */
final class KeptConnection<C> {

  /** A connection, the password it authenticated with and when it was opened ({@link System#nanoTime}). */
  record Held<C>(C connection, String password, long openedAt) {
    static <C> Held<C> opened(C connection, String password) {
      return new Held<>(connection, password, System.nanoTime());
    }
  }

  private final AtomicReference<Held<C>> held = new AtomicReference<>();
  private final Duration lifetime;
  private final Duration timeout;
  private final Consumer<C> close;

  KeptConnection(Duration lifetime, Duration timeout, Consumer<C> close) {
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.close = Objects.requireNonNull(close, "close");
  }

  /**
   * A check: {@code onKept} on the kept connection when it may serve, and when that fails within the probe's timeout
   * (the server restarted, the connection was killed) {@code anew} on a new one, so the check's verdict is that of a
   * new connection, as without a kept one; when it did not answer within the timeout the check fails and the next one
   * connects. Without a usable kept connection, {@code anew}. {@code onKept} keeps or closes the connection it was
   * given ({@link #keep}); so does {@code anew} with the one it opens.
   */
  <V> CompletableFuture<V> check(String password, Function<Held<C>, CompletableFuture<V>> onKept,
      Supplier<CompletableFuture<V>> anew) {
    Held<C> h = held.getAndSet(null);
    if (h != null) {
      if (Objects.equals(h.password(), password) && System.nanoTime() - h.openedAt() < lifetime.toNanos()) {
        long start = System.nanoTime();
        return onKept.apply(h).exceptionallyCompose(e -> System.nanoTime() - start < timeout.toNanos()
            ? anew.get()
            : CompletableFuture.failedFuture(e));
      }
      close.accept(h.connection()); // the password file changed, or the connection is old: authenticate again
    }
    return anew.get();
  }

  /** Keeps {@code h} for the next check; one kept meanwhile by another check is closed. */
  void keep(Held<C> h) {
    Held<C> other = held.getAndSet(h);
    if (other != null && other != h) {
      close.accept(other.connection());
    }
  }
}
