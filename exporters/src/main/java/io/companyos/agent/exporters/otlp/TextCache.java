package io.companyos.agent.exporters.otlp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Long UTF-8 strings decoded before, by their exact bytes: a hit returns the very {@link String} decoded the first
 * time, so neither the decoding nor, downstream, the string's hash (cached in the instance) nor an equality check
 * against a map key that is the same instance costs a pass over its characters again. Error events of one code path
 * carry the same anonymized stack trace, ~2–3 KB, in every record.
 *
 * <p>Two neighbouring slots are found by a hash of the length and a sample of the bytes, and a hit needs every byte to
 * be equal
 * ({@link Arrays#equals(byte[], int, int, byte[], int, int)}), so two texts that differ anywhere are two entries, or a
 * miss. Only strings of {@value #MIN_BYTES} to {@value #MAX_BYTES} bytes are kept; at most {@value #SLOTS} entries and
 * {@value #MAX_TOTAL_BYTES} bytes of keys (the strings about as much again), after which it starts over. Process
 * memory only. Thread-safe.
 */
final class TextCache {
  static final int MIN_BYTES = 128;
  static final int MAX_BYTES = 16 * 1024;
  static final int SLOTS = 4096;
  static final long MAX_TOTAL_BYTES = 1L << 20;
  private static final int SAMPLES = 32;

  private record Entry(byte[] bytes, String text) {}

  private final Entry[] slots = new Entry[SLOTS];
  private long totalBytes;

  /**
   * The UTF-8 text of {@code buf[from, to)}, or null when it is not valid UTF-8 (nothing is decoded leniently: the
   * caller treats that as protobuf's own decoding would, an invalid request).
   */
  String decode(byte[] buf, int from, int to) {
    int len = to - from;
    if (len < MIN_BYTES || len > MAX_BYTES) {
      return utf8(buf, from, to);
    }
    int slot = slot(buf, from, len);
    int other = slot ^ 1;
    synchronized (this) {
      Entry e = slots[slot];
      if (e != null && Arrays.equals(e.bytes(), 0, e.bytes().length, buf, from, to)) {
        return e.text();
      }
      e = slots[other];
      if (e != null && Arrays.equals(e.bytes(), 0, e.bytes().length, buf, from, to)) {
        return e.text();
      }
      if (slots[slot] != null && slots[other] == null) {
        slot = other;
      }
    }
    String text = utf8(buf, from, to);
    if (text == null) {
      return null;
    }
    synchronized (this) {
      Entry old = slots[slot];
      if (totalBytes + len - (old == null ? 0 : old.bytes().length) > MAX_TOTAL_BYTES) {
        Arrays.fill(slots, null);
        totalBytes = 0;
        old = null;
      }
      slots[slot] = new Entry(Arrays.copyOfRange(buf, from, to), text);
      totalBytes += len - (old == null ? 0 : old.bytes().length);
    }
    return text;
  }

  /**
   * {@code buf[from, to)} decoded as UTF-8, or null when it is not well-formed UTF-8 (as protobuf requires of a string
   * field). The JDK's decoding puts U+FFFD for every malformed sequence, so a text without one was well-formed; one
   * with it is decided by a strict decoder (the bytes may spell U+FFFD themselves).
   */
  static String utf8(byte[] buf, int from, int to) {
    String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(buf, from, to - from)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  /** The length and {@value #SAMPLES} bytes spread over the text (the last one included), mixed. */
  static int slot(byte[] buf, int from, int len) {
    int h = len * 0x9E3779B1;
    int step = Math.max(1, len / SAMPLES);
    for (int i = len - 1; i >= 0 && i > len - 1 - SAMPLES * step; i -= step) {
      h = (h ^ buf[from + i]) * 0x01000193;
    }
    h ^= h >>> 16;
    return h & (SLOTS - 1);
  }

  /** How many entries and key bytes are held (for tests of the bound). */
  synchronized int entries() {
    return (int) Arrays.stream(slots).filter(java.util.Objects::nonNull).count();
  }

  synchronized long bytes() {
    return Arrays.stream(slots).filter(java.util.Objects::nonNull).mapToLong(e -> e.bytes().length).sum();
  }
}
