package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.RevealLog;
import io.companyos.agent.redaction.Strategy;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a found value into its replacement: {@code <label:8 hex>} (HMAC-SHA256 of the label and the
 * normalised value under the installation key) or {@code <label>}. Recently made tokens are kept in an
 * eight-way set-associative cache of 64 Ki entries, so repeated values cost no HMAC (which C1 runs without the
 * SHA intrinsic) and no reverse-map record. The 256 MiB benchmark corpus has ~50 000 distinct values; two ways
 * per slot pair missed 112 000 times, four ways 83 000, eight ways 66 000 (four ways of 128 Ki entries 56 000, for
 * twice the memory). An entry is one byte array (kind, value length, value, token) held directly in the slot
 * array, beside a {@code short} tag array of 16 more hash bits, so that a look-up compares the set's tags in one
 * cache line and follows only a matching slot: two dependent loads to a hit instead of three (slot, holder,
 * array). An entry is filled before a release fence
 * and stored after it, and read after an acquire fence, so a reader that sees an entry sees its bytes whole (no
 * VarHandle access mode: C1, which runs {@code agent redact}, calls out for its casts; the fences are intrinsics);
 * a tag seen without its entry, or an entry moved under a reader, fails the full comparison and only costs a
 * miss. In front of it, each thread keeps the tokens it wrote lately in a {@link RecentTokens} (one memory line per
 * look-up instead of three: on 256 MiB of logs ~0.1 s less of the redacting thread's time), and writes a token
 * from there; this cache is asked when that one does not hold the value. Thread-safe.
 */
final class TokenFactory {
  private static final int CACHE_SIZE = 1 << 16;
  private static final int WAYS = 8;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static final DetectorType[] TYPES = DetectorType.values();
  private static final int COMBINING_DOT_ABOVE = 0x0307;

  /** Entry layout: kind (2 bytes, big-endian), value length (2 bytes, big-endian), value, token. */
  private static final int HEAD = 4;
  /** Longer values (PEM blocks) are not cached; JWTs and other long tokens are. */
  private static final int MAX_CACHED_VALUE = 4096;

  private final String[] labels;
  private final Strategy[] strategies;
  private final byte[][] masks;
  private final ThreadLocal<PseudonymKey.Hmac> macs;
  private final byte[][] labelBytes;
  private final RevealLog revealLog;
  /** Entries by slot; the four ways of a set are adjacent, the newest first. */
  private final byte[][] cache = new byte[CACHE_SIZE][];
  /** Per slot, the high 16 bits of its entry's hash (0 in an empty slot, whose entry is null). */
  private final short[] tags = new short[CACHE_SIZE];
  /** Per thread, the tokens it wrote lately (see {@link RecentTokens}). */
  private final ThreadLocal<RecentTokens> recent;
  /** Per kind, {@code <label:}. */
  private final byte[][] tokenHeads;
  /** The keys of {@link #recentHash}: random per factory. */
  private final long seed0;
  private final long seed1;
  private final long seed2;

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
    this.tokenHeads = new byte[labels.length][];
    for (int k = 0; k < labels.length; k++) {
      tokenHeads[k] = ("<" + labels[k] + ":").getBytes(StandardCharsets.US_ASCII);
    }
    int longest = 0;
    for (byte[] head : tokenHeads) {
      longest = Math.max(longest, head.length + 9);
    }
    int tokenLength = longest;
    this.recent = ThreadLocal.withInitial(() -> new RecentTokens(tokenLength));
    SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong() ^ System.nanoTime());
    this.seed0 = random.nextLong();
    this.seed1 = random.nextLong() | 1;
    this.seed2 = random.nextLong() | 1;
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

  /**
   * The first half of writing the replacements of a window's matches {@code [0, n)}: each pseudonymised value's keyed
   * hash into {@code hashes}, then the set of the thread's {@link RecentTokens} that each names read, in a loop of its
   * own so that their cache misses overlap. On a long log a value recurs only every few megabytes, by when the
   * streamed text has pushed its set out of the caches; one after the other in {@link #writeReplacement} each miss
   * waited for memory alone (~75 ns per match on 256 MiB of logs), and read inside the hash loop they still did (its
   * branches keep the reads apart). In memory, 64 MiB of make-logs: 185.1 → 192.3–193.0 MiB per CPU-second
   * (docs/benchmarks.md, session 23). Returns the thread's memory, which {@link #writeReplacement} then asks with
   * these hashes.
   */
  RecentTokens prepare(byte[] b, MatchList m, int n, long[] hashes) {
    RecentTokens r = recent.get();
    Strategy[] st = strategies;
    for (int k = 0; k < n; k++) {
      int kind = m.kind(k);
      if (st[kind] != Strategy.MASK) {
        hashes[k] = recentHash(kind, b, m.start(k), m.end(k));
      }
    }
    r.read = r.peek(hashes, n);
    return r;
  }

  /**
   * Writes the replacement of {@code b[s, e)} found as {@code kind} to {@code out}: from the thread's
   * {@link RecentTokens} {@code r} when it holds the value (by its hash {@code h} from {@link #prepare}), else from
   * the shared cache or a new HMAC, then remembered there.
   */
  void writeReplacement(int kind, byte[] b, int s, int e, long h, RecentTokens r, OutputStream out)
      throws IOException {
    if (strategies[kind] == Strategy.MASK) {
      out.write(masks[kind]);
      return;
    }
    long t = r.find(h, kind, e - s);
    if (t < 0) {
      byte[] en = cached(kind, b, s, e);
      t = digestOf(en != null ? en : make(kind, b, s, e));
      r.put(h, kind, e - s, (int) t);
    }
    out.write(r.scratch, 0, writeToken(kind, (int) t, r.scratch));
  }

  /** The token's 32 bits: the 8 hex digits before the closing {@code >} that ends a token or a cache entry. */
  private static long digestOf(byte[] token) {
    long d = 0;
    for (int i = token.length - 9; i < token.length - 1; i++) {
      int c = token[i];
      d = (d << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return d;
  }

  /** Puts {@code <label:8 hex>} into {@code to}, the one place a token is spelled; returns its length. */
  private int writeToken(int kind, int digest, byte[] to) {
    byte[] head = tokenHeads[kind];
    System.arraycopy(head, 0, to, 0, head.length);
    int p = head.length;
    for (int shift = 28; shift >= 0; shift -= 4) {
      to[p++] = HEX[(digest >>> shift) & 0xF];
    }
    to[p++] = '>';
    return p;
  }

  /**
   * A hash of the kind and the value keyed by this factory's random seeds (see {@link RecentTokens}): per 8 bytes a
   * multiply, a rotation and a multiply by odd seeds, a bijection of the state for each word, then a final mix.
   */
  private long recentHash(int kind, byte[] b, int s, int e) {
    long k1 = seed1;
    long k2 = seed2;
    long h = seed0 ^ ((long) kind << 32) ^ (e - s);
    int i = s;
    for (; i + 8 <= e; i += 8) {
      long w = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
          | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
      h = Long.rotateLeft((h ^ w) * k1, 31) * k2;
    }
    long w = 0;
    for (int shift = 0; i < e; i++, shift += 8) {
      w |= (b[i] & 0xFFL) << shift;
    }
    h = Long.rotateLeft((h ^ w) * k1, 31) * k2;
    h ^= h >>> 32;
    h *= k1;
    return h ^ (h >>> 29);
  }

  private static int hash(int kind, byte[] b, int s, int e) {
    int h = kind * 31;
    for (int i = s; i < e; i++) {
      h = h * 31 + b[i];
    }
    return h ^ (h >>> 16);
  }

  /** The first slot of the hash's set: the low bits, the ways' three bits cleared. */
  private static int set(int h) {
    return h & (CACHE_SIZE - WAYS);
  }

  private static short tag(int h) {
    return (short) (h >>> 16);
  }

  /** The cache entry of this kind and value, or null. */
  private byte[] cached(int kind, byte[] b, int s, int e) {
    if (e - s > MAX_CACHED_VALUE) {
      return null;
    }
    int h = hash(kind, b, s, e);
    int set = set(h);
    short tag = tag(h);
    short[] t = tags;
    for (int w = set; w < set + WAYS; w++) {
      if (t[w] == tag) {
        byte[] d = cache[w];
        if (d != null) {
          VarHandle.acquireFence(); // the entry's bytes are read after the reference (see the class comment)
          if (holds(d, kind, b, s, e)) {
            return d;
          }
        }
      }
    }
    return null;
  }

  private static boolean holds(byte[] d, int kind, byte[] b, int s, int e) {
    int n = e - s;
    return (((d[2] & 0xFF) << 8) | (d[3] & 0xFF)) == n && (((d[0] & 0xFF) << 8) | (d[1] & 0xFF)) == kind
        && Arrays.equals(d, HEAD, HEAD + n, b, s, e);
  }

  /** Puts the entry first in its set; the others move one way on and the oldest is dropped. */
  private void insert(int h, byte[] d) {
    int set = set(h);
    byte[][] c = cache;
    short[] t = tags;
    // entries that another thread filled are moved here: fence so that they, like d, are stored after their bytes
    VarHandle.fullFence();
    for (int w = set + WAYS - 1; w > set; w--) {
      c[w] = c[w - 1];
      t[w] = t[w - 1];
    }
    c[set] = d;
    t[set] = tag(h);
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
      insert(hash(kind, b, s, e), d);
    }
    // only the types whose reveal serves correlation: never a credential, a card, IBAN or SSN, or a custom rule's match
    if (revealLog != null && kind < TYPES.length && RevealLog.keeps(TYPES[kind])) {
      revealLog.record(token, value);
    }
    return token;
  }

  private byte[] pseudonym(int kind, byte[] value) {
    byte[] digest = macs.get().mac(labelBytes[kind], normalise(kind, value));
    int d = (digest[0] & 0xFF) << 24 | (digest[1] & 0xFF) << 16 | (digest[2] & 0xFF) << 8 | (digest[3] & 0xFF);
    byte[] token = new byte[tokenHeads[kind].length + 9];
    writeToken(kind, d, token);
    return token;
  }


  /** The same person or address written differently maps to the same token. */
  private static byte[] normalise(int kind, byte[] v) {
    DetectorType[] types = TYPES;
    if (kind >= types.length) {
      return v;
    }
    switch (types[kind]) {
      case KEYWORD:
        return lowerKeyword(v);
      case IPV6:
        return Ipv6Detector.canonical(v);
      case EMAIL:
      case HOSTNAME:
        return lowerAscii(unescaped(v));
      case USERNAME:
      case PERSON_NAME:
        return unescaped(v);
      case MAC:
        return keep(lowerAscii(v), true);
      case CREDIT_CARD:
      case PHONE:
      case US_SSN:
        return keep(v, false);
      case IBAN:
        return upperAscii(keep(v, true)); // (under an iban key also written in lower case: one token)
      default:
        return v;
    }
  }

  /**
   * A keyword case-folded letter by letter, non-ASCII letters too: each letter as the lower case of its upper case
   * ({@code MÜLLER} and {@code Müller}: one token; {@code İstanbul}, {@code ISTANBUL} and {@code istanbul} too, and
   * {@code ς}, {@code Σ} and {@code σ}), the spellings {@link TriggerCatalog#caseVariants} looks for; an {@code i}
   * with a combining dot above (how {@code İ} lower-cases outside Turkish) as {@code i}.
   */
  static byte[] lowerKeyword(byte[] v) {
    for (byte c : v) {
      if (c < 0 || c == '\\') {
        StringBuilder folded = new StringBuilder(v.length);
        unescapeJson(new String(v, StandardCharsets.UTF_8)).codePoints().forEach(cp -> {
          if (cp != COMBINING_DOT_ABOVE || folded.length() == 0 || folded.charAt(folded.length() - 1) != 'i') {
            folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
          }
        });
        return folded.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
    return lowerAscii(v);
  }

  /**
   * {@code v} with its JSON escapes decoded, when it has a backslash (<code>j&#92;u00fcrgen</code> and {@code jürgen}:
   * one token).
   */
  private static byte[] unescaped(byte[] v) {
    for (byte c : v) {
      if (c == '\\') {
        return unescapeJson(new String(v, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
    }
    return v;
  }

  /** The text with each JSON escape <code>&#92;uXXXX</code> as its character. */
  private static String unescapeJson(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 6 <= text.length() && text.charAt(i + 1) == 'u') {
        try {
          out.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
          i += 5;
          continue;
        } catch (NumberFormatException notHex) {
          // a backslash that starts no escape stays
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static byte[] lowerAscii(byte[] v) {
    byte[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Bytes.lower(out[i]);
    }
    return out;
  }

  private static byte[] upperAscii(byte[] v) {
    for (int i = 0; i < v.length; i++) {
      if (v[i] >= 'a' && v[i] <= 'z') {
        v[i] -= 32;
      }
    }
    return v;
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
