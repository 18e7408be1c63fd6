package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.RevealLog;
import io.companyos.agent.redaction.Strategy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a found value into its replacement: {@code <label:8 hex>} (HMAC-SHA256 of the label and the
 * normalised value under the installation key) or {@code <label>}. Recently made tokens are kept in a
 * two-way cache of 64 Ki entries (a value's slot and its neighbour; ~52 000 distinct values of the benchmark
 * corpus thrashed a direct-mapped one), so repeated values cost no HMAC. An entry holds one byte array (kind,
 * value length, value, token) in a final field, so a reader that sees the entry sees the array whole (no
 * VarHandle: C1, which runs {@code agent redact}, calls out for its casts); races on the cache only lose
 * entries. Thread-safe.
 */
final class TokenFactory {
  private static final int CACHE_SIZE = 1 << 16;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static final DetectorType[] TYPES = DetectorType.values();

  /** Entry layout: kind (2 bytes, big-endian), value length (2 bytes, big-endian), value, token. */
  private static final int HEAD = 4;
  /** Longer values (PEM blocks) are not cached; JWTs and other long tokens are. */
  private static final int MAX_CACHED_VALUE = 4096;

  /** The final field publishes the array safely: whoever reads the entry sees its bytes. */
  private record Entry(byte[] data) {}

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
    byte[] en = cached(kind, b, s, e);
    if (en != null) {
      return Arrays.copyOfRange(en, HEAD + e - s, en.length);
    }
    return make(kind, b, s, e);
  }

  /** Writes the replacement of {@code b[s, e)} found as {@code kind} to {@code out}. */
  void writeReplacement(int kind, byte[] b, int s, int e, OutputStream out) throws IOException {
    if (strategies[kind] == Strategy.MASK) {
      out.write(masks[kind]);
      return;
    }
    byte[] en = cached(kind, b, s, e);
    if (en != null) {
      int off = HEAD + e - s;
      out.write(en, off, en.length - off);
      return;
    }
    out.write(make(kind, b, s, e));
  }

  private static int slot(int kind, byte[] b, int s, int e) {
    int h = kind * 31;
    for (int i = s; i < e; i++) {
      h = h * 31 + b[i];
    }
    h ^= h >>> 16;
    return h & (CACHE_SIZE - 1);
  }

  /** The cache entry of this kind and value, or null. */
  private byte[] cached(int kind, byte[] b, int s, int e) {
    int n = e - s;
    if (n > MAX_CACHED_VALUE) {
      return null;
    }
    int slot = slot(kind, b, s, e);
    Entry en = cache[slot];
    if (en != null && holds(en.data, kind, b, s, e)) {
      return en.data;
    }
    en = cache[slot ^ 1];
    return en != null && holds(en.data, kind, b, s, e) ? en.data : null;
  }

  private static boolean holds(byte[] d, int kind, byte[] b, int s, int e) {
    int n = e - s;
    return (((d[2] & 0xFF) << 8) | (d[3] & 0xFF)) == n && (((d[0] & 0xFF) << 8) | (d[1] & 0xFF)) == kind
        && Arrays.equals(d, HEAD, HEAD + n, b, s, e);
  }

  private byte[] make(int kind, byte[] b, int s, int e) {
    byte[] value = Arrays.copyOfRange(b, s, e);
    byte[] token = pseudonym(kind, value);
    int n = value.length;
    if (n <= MAX_CACHED_VALUE && kind <= 0xFFFF) {
      byte[] d = new byte[HEAD + n + token.length];
      d[0] = (byte) (kind >>> 8);
      d[1] = (byte) kind;
      d[2] = (byte) (n >>> 8);
      d[3] = (byte) n;
      System.arraycopy(value, 0, d, HEAD, n);
      System.arraycopy(token, 0, d, HEAD + n, token.length);
      int slot = slot(kind, b, s, e);
      // two ways per slot pair: the entry there moves to the other way, the older one there is dropped
      Entry was = cache[slot];
      if (was != null) {
        cache[slot ^ 1] = was;
      }
      cache[slot] = new Entry(d);
    }
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
