package io.companyos.agent.redaction.detect;

/**
 * One thread's memory of the pseudonyms it wrote, in front of {@link TokenFactory}'s shared cache: per value a
 * keyed 64-bit hash of its kind and bytes and the token's 32 bits, two ways per set in one array, so that a value
 * seen before costs one memory line. The shared cache keeps one byte array per entry and compares the value itself:
 * three dependent loads (the set's tags, the slot, the entry), and on a long log each of them a miss, because a value
 * recurs only every few megabytes. Here a hit costs one.
 *
 * <p>A hit is trusted on the hash alone, so two values could in principle share an entry: with the hash keyed by a
 * random seed per factory (nobody can pick values that collide) the chance is 2<sup>-64</sup> per comparison, far
 * below the 2<sup>-32</sup> at which two values already share a token (a token holds 32 bits of the HMAC, see
 * {@link TokenFactory}). A wrong hit would give a value another value's token, never let it through.
 *
 * <p>Starts at 2 Ki entries (32 KiB) and doubles up to 128 Ki (2 MiB) while it holds more entries than half its
 * slots, so an idle daemon's threads keep it small. Not thread-safe: one per thread.
 */
final class RecentTokens {
  private static final int MIN_SETS = 1 << 10;
  private static final int MAX_SETS = 1 << 16;
  /** Per way two longs: the hash; then kind and value length (see {@link #info}) above the token's 32 bits. */
  private static final int WAY = 2;
  private static final int SET = 2 * WAY;

  private long[] slots = new long[MIN_SETS * SET];
  private int mask = MIN_SETS - 1;
  private int entries;
  /** Where a token is put together before it is written. */
  final byte[] scratch;
  /** What {@link #peek} read, kept so that the reads are not left out as unused. */
  long read;

  /** @param tokenLength the longest token this thread will put together */
  RecentTokens(int tokenLength) {
    scratch = new byte[tokenLength];
  }

  /** The entry of {@code hash} for this kind and length: the token's 32 bits in the low half, or -1. */
  long find(long hash, int kind, int length) {
    long[] s = slots;
    int i = set(hash, mask);
    long info = info(kind, length);
    if (s[i] == hash && (s[i + 1] >>> 32) == info) {
      return s[i + 1] & 0xFFFFFFFFL;
    }
    if (s[i + WAY] == hash && (s[i + WAY + 1] >>> 32) == info) {
      long found = s[i + WAY + 1];
      // the newer way holds the one read last
      s[i + WAY] = s[i];
      s[i + WAY + 1] = s[i + 1];
      s[i] = hash;
      s[i + 1] = found;
      return found & 0xFFFFFFFFL;
    }
    return -1;
  }

  /** Reads the first word of each hash's set, so that their memory lines are at hand for {@link #find}. */
  long peek(long[] hashes, int n) {
    long[] s = slots;
    int m = mask;
    long read = 0;
    for (int k = 0; k < n; k++) {
      read ^= s[set(hashes[k], m)];
    }
    return read;
  }

  /** Remembers the token's 32 bits for {@code hash}; the older way of its set is dropped. */
  void put(long hash, int kind, int length, int token) {
    if (entries >= (mask + 1) && mask + 1 < MAX_SETS) {
      grow();
    }
    entries++;
    place(slots, mask, hash, (info(kind, length) << 32) | (token & 0xFFFFFFFFL));
  }

  private static void place(long[] s, int mask, long hash, long value) {
    int i = set(hash, mask);
    s[i + WAY] = s[i];
    s[i + WAY + 1] = s[i + 1];
    s[i] = hash;
    s[i + 1] = value;
  }

  /** Twice the sets; the entries move to their set in the larger array (the older way first, so it stays older). */
  private void grow() {
    long[] old = slots;
    int bigger = (mask + 1) * 2;
    long[] s = new long[bigger * SET];
    for (int i = 0; i < old.length; i += SET) {
      for (int w = WAY; w >= 0; w -= WAY) {
        if (old[i + w + 1] != 0) {
          place(s, bigger - 1, old[i + w], old[i + w + 1]);
        }
      }
    }
    slots = s;
    mask = bigger - 1;
  }

  /** The first slot of the hash's set, from its high bits. */
  private static int set(long hash, int mask) {
    return ((int) (hash >>> 40) & mask) * SET;
  }

  /**
   * Kind and length, a check beside the hash (which holds both whole); never 0 for a filled way, the length being at
   * least 1. A value longer than 64 KiB sets bits of the kind's here: still the same for the same kind and length.
   */
  private static long info(int kind, int length) {
    return ((long) kind << 16) | length;
  }

  int capacity() {
    return slots.length / 2;
  }
}
