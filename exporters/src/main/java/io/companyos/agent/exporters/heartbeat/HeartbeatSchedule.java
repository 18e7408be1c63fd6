package io.companyos.agent.exporters.heartbeat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The heartbeat's periods. Period {@code k} starts at {@code epoch + k * interval + slot}, where the slot is derived
 * from a hash of the installation id, so a fleet installed at the same moment still spreads over the interval, and a
 * given installation keeps the same time of day. Each period carries exactly one accepted heartbeat; its
 * {@code Idempotency-Key} is derived from the installation id and the period, so a resend after a crash is recognised
 * by the receiver as a duplicate.
 */
final class HeartbeatSchedule {
  private final long intervalMillis;
  private final long slotMillis;
  private final UUID installationId;

  HeartbeatSchedule(Duration interval, UUID installationId) {
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms");
    }
    this.intervalMillis = interval.toMillis();
    this.installationId = installationId;
    this.slotMillis = Math.floorMod(hash(installationId.toString()), intervalMillis);
  }

  Duration interval() {
    return Duration.ofMillis(intervalMillis);
  }

  /** The offset of this installation's periods from the epoch-aligned ones. */
  Duration slot() {
    return Duration.ofMillis(slotMillis);
  }

  long periodOf(Instant t) {
    return Math.floorDiv(t.toEpochMilli() - slotMillis, intervalMillis);
  }

  Instant periodStart(long period) {
    return Instant.ofEpochMilli(period * intervalMillis + slotMillis);
  }

  /** The jitter bound: a hundredth of the interval, at most ten minutes. */
  Duration maxJitter() {
    return Duration.ofMillis(Math.min(intervalMillis / 100, Duration.ofMinutes(10).toMillis()));
  }

  String idempotencyKey(long period) {
    return sha256Hex(installationId + "/" + intervalMillis + "/" + period).substring(0, 32);
  }

  private static long hash(String text) {
    byte[] d = digest(text);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (d[i] & 0xff);
    }
    return v;
  }

  private static String sha256Hex(String text) {
    return HexFormat.of().formatHex(digest(text));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
