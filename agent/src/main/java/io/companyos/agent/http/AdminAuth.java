package io.companyos.agent.http;

import io.companyos.agent.config.Secret;
import io.companyos.agent.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's bearer-token check. The configured token is kept only as its SHA-256 digest, and a presented token
 * is compared by digest with {@link MessageDigest#isEqual} (constant time over two 32-byte arrays), so neither the
 * token's length nor a matching prefix shows in the response time. A token file is re-read at most once per
 * {@link #RELOAD_NANOS}, so a rotated Kubernetes secret takes effect within a second without a restart. Nothing here
 * logs or returns the token.
 */
final class AdminAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
  static final long RELOAD_NANOS = 1_000_000_000L;
  private static final String BEARER = "bearer ";

  /** The outcome for one request. */
  enum Verdict {
    /** No token is configured: the admin API is off. */
    OFF,
    /** The presented token is the configured one. */
    ALLOWED,
    /** No {@code Authorization: Bearer} header. */
    MISSING,
    /** A token that is not the configured one. */
    WRONG,
    /** The token file cannot be read now (e.g. a secret being replaced): refuse everything until it can. */
    UNAVAILABLE
  }

  private final boolean enabled;
  private final Supplier<Secret> source;
  private final LongSupplier nanoTime;
  private final BiPredicate<byte[], byte[]> equal;
  private final Object lock = new Object();
  private byte[] expected;
  private long loadedAt;
  private boolean loaded;

  AdminAuth(ServerConfig server) {
    this(server.adminApiEnabled(), server::adminTokenValue, System::nanoTime, MessageDigest::isEqual);
  }

  /**
   * For tests: the token source, the clock that paces re-reading it, and the digest comparison (production:
   * {@link MessageDigest#isEqual}).
   */
  AdminAuth(boolean enabled, Supplier<Secret> source, LongSupplier nanoTime, BiPredicate<byte[], byte[]> equal) {
    this.enabled = enabled;
    this.source = source;
    this.nanoTime = nanoTime;
    this.equal = equal;
  }

  boolean enabled() {
    return enabled;
  }

  /** Checks an {@code Authorization} header value (null when absent). */
  Verdict check(String authorization) {
    if (!enabled) {
      return Verdict.OFF;
    }
    byte[] want = expectedDigest();
    if (want == null) {
      return Verdict.UNAVAILABLE;
    }
    String presented = bearerToken(authorization);
    if (presented == null) {
      return Verdict.MISSING;
    }
    // the one comparison of token material: constant time, over two digests of the same fixed length
    return equal.test(want, digest(presented)) ? Verdict.ALLOWED : Verdict.WRONG;
  }

  static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), else null. */
  static String bearerToken(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : token;
  }

  private byte[] expectedDigest() {
    synchronized (lock) {
      long now = nanoTime.getAsLong();
      if (!loaded || now - loadedAt >= RELOAD_NANOS) {
        byte[] before = expected;
        try {
          Secret token = source.get();
          expected = token == null || token.reveal().strip().length() < ServerConfig.MIN_TOKEN_LENGTH ? null
              : digest(token.reveal().strip());
        } catch (RuntimeException e) {
          expected = null;
        }
        if (expected == null && (before != null || !loaded)) {
          LOG.warn("admin API: the admin token cannot be read or is shorter than {} characters; refusing every admin"
              + " request until it can", ServerConfig.MIN_TOKEN_LENGTH);
        } else if (loaded && expected != null && (before == null || !MessageDigest.isEqual(before, expected))) {
          LOG.info("admin API: the admin token changed; the new one applies from now on");
        }
        loaded = true;
        loadedAt = now;
      }
      return expected;
    }
  }
}
