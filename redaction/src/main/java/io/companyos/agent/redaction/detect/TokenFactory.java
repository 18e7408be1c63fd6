package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.RevealLog;
import io.companyos.agent.redaction.Strategy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a found value into its replacement: {@code <label:8 hex>} (HMAC-SHA256 of the label and the
 * normalised value under the installation key) or {@code <label>}. Recently made tokens are kept in a
 * direct-mapped cache of 64 Ki immutable entries, so repeated values cost no HMAC; races on the cache only
 * lose entries. Thread-safe.
 */
final class TokenFactory {
  private static final int CACHE_SIZE = 1 << 16;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static final DetectorType[] TYPES = DetectorType.values();

  private record Entry(int kind, byte[] value, byte[] token) {}

  private final String[] labels;
  private final Strategy[] strategies;
  private final byte[][] masks;
  private final ThreadLocal<PseudonymKey.Hmac> macs;
  private final byte[][] labelBytes;
  private final RevealLog revealLog;
  private final Entry[] cache = new Entry[CACHE_SIZE];

  /**
   * @param labels label per kind: built-in detectors first (by ordinal), then custom rules
   * @param strategies strategy per kind
   */
  TokenFactory(String[] labels, Strategy[] strategies, PseudonymKey key, RevealLog revealLog) {
    this.labels = labels.clone();
    this.strategies = strategies.clone();
    this.masks = new byte[labels.length][];
    for (int k = 0; k < labels.length; k++) {
      masks[k] = ("<" + labels[k] + ">").getBytes(StandardCharsets.US_ASCII);
    }
    this.macs = ThreadLocal.withInitial(key::newHmac);
    this.labelBytes = new byte[labels.length][];
    for (int k = 0; k < labels.length; k++) {
      labelBytes[k] = labels[k].getBytes(StandardCharsets.US_ASCII);
    }
    this.revealLog = revealLog;
  }

  String label(int kind) {
    return labels[kind];
  }

  /** The replacement of {@code b[s, e)} found as {@code kind}. */
  byte[] replacement(int kind, byte[] b, int s, int e) {
    if (strategies[kind] == Strategy.MASK) {
      return masks[kind];
    }
    int h = kind * 31;
    for (int i = s; i < e; i++) {
      h = h * 31 + b[i];
    }
    h ^= h >>> 16;
    int slot = h & (CACHE_SIZE - 1);
    Entry en = cache[slot];
    if (en != null && en.kind == kind && Arrays.equals(en.value, 0, en.value.length, b, s, e)) {
      return en.token;
    }
    byte[] value = Arrays.copyOfRange(b, s, e);
    byte[] token = pseudonym(kind, value);
    cache[slot] = new Entry(kind, value, token);
    if (revealLog != null) {
      revealLog.record(new String(token, StandardCharsets.US_ASCII), new String(value, StandardCharsets.UTF_8));
    }
    return token;
  }

  private byte[] pseudonym(int kind, byte[] value) {
    byte[] label = labelBytes[kind];
    byte[] digest = macs.get().mac(label, normalise(kind, value));
    byte[] token = new byte[label.length + 11];
    token[0] = '<';
    System.arraycopy(label, 0, token, 1, label.length);
    int p = label.length + 1;
    token[p++] = ':';
    for (int i = 0; i < 4; i++) {
      token[p++] = HEX[(digest[i] >> 4) & 0xF];
      token[p++] = HEX[digest[i] & 0xF];
    }
    token[p] = '>';
    return token;
  }

  /** The same person or address written differently maps to the same token. */
  private static byte[] normalise(int kind, byte[] v) {
    DetectorType[] types = TYPES;
    if (kind >= types.length) {
      return v;
    }
    switch (types[kind]) {
      case EMAIL:
      case HOSTNAME:
      case KEYWORD:
      case IPV6:
        return lowerAscii(v);
      case MAC:
        return keep(lowerAscii(v), true);
      case CREDIT_CARD:
      case PHONE:
      case US_SSN:
        return keep(v, false);
      case IBAN:
        return keep(v, true);
      default:
        return v;
    }
  }

  private static byte[] lowerAscii(byte[] v) {
    byte[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Bytes.lower(out[i]);
    }
    return out;
  }

  private static byte[] keep(byte[] v, boolean letters) {
    byte[] out = new byte[v.length];
    int n = 0;
    for (byte c : v) {
      if (Bytes.isDigit(c) || (letters && Bytes.isAlpha(c))) {
        out[n++] = c;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
