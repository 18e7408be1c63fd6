package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trie's start filter: one bit per three byte classes, which the scanner tests at every byte before it walks the
 * trie. It must pass wherever the trie finds a pattern (else a pattern would be missed), whatever the patterns hold:
 * any byte, either case, more distinct first bytes than there are classes.
 */
class KeywordTrieTest {
  /** Bytes that patterns and text are drawn from: both cases, digits, punctuation, UTF-8 bytes, NUL. */
  private static final byte[] ALPHABET = alphabet();

  private static byte[] alphabet() {
    StringBuilder s = new StringBuilder("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.:=/@\"'<>{}");
    byte[] ascii = s.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[ascii.length + 65];
    System.arraycopy(ascii, 0, all, 0, ascii.length);
    for (int k = 0; k < 64; k++) {
      all[ascii.length + k] = (byte) (0x80 + 2 * k);
    }
    all[all.length - 1] = 0;
    return all;
  }

  @Test
  void everyPositionWhereTheTriePassesAPatternPassesTheFilter() {
    SplittableRandom random = new SplittableRandom(18);
    int finds = 0;
    int positions = 0;
    int passes = 0;
    int prefixes = 0;
    for (int round = 0; round < 200; round++) {
      List<byte[]> patterns = new ArrayList<>();
      int count = 1 + random.nextInt(round % 2 == 0 ? 12 : 150); // many patterns: more first bytes than classes
      for (int k = 0; k < count; k++) {
        patterns.add(randomBytes(random, 2 + random.nextInt(random.nextInt(4) == 0 ? 2 : 8)));
      }
      KeywordTrie trie = KeywordTrie.of(patterns);
      byte[] text = textWith(random, patterns);
      for (int p = 0; p + 2 < text.length; p++) {
        positions++;
        boolean bit = passes(trie, text, p);
        passes += bit ? 1 : 0;
        if (findsAt(trie, text, p)) {
          finds++;
          assertThat(bit).as("round %d: a pattern at %d of %s", round, p, show(text)).isTrue();
        }
        int prefix = bit ? trie.prefix(trigram(trie, text, p)) : -1;
        if (prefix != -1) {
          prefixes++;
          int node2 = trie.child(trie.child(0, text[p]), text[p + 1]);
          assertThat(prefix).as("round %d: the nodes of %s", round, show(Arrays.copyOfRange(text, p, p + 3)))
              .isEqualTo((node2 << 16) | trie.child(node2, text[p + 2]));
        }
      }
    }
    assertThat(finds).as("the text holds the patterns").isGreaterThan(10_000);
    assertThat(passes).as("the filter rules positions out").isLessThan(positions);
    assertThat(prefixes).as("walks that start at the fourth byte").isGreaterThan(5_000);
  }

  @Test
  void bytesBeyondTheSixtyThirdShareTheLastClassAndBothCasesOfALetterOneClass() {
    List<byte[]> patterns = new ArrayList<>();
    for (int c = 0x80; c < 0x80 + 100; c++) {
      patterns.add(new byte[] {(byte) c, 'x', 'y'});
    }
    patterns.add("Kafka".getBytes(StandardCharsets.US_ASCII));
    patterns.add(", ;)".getBytes(StandardCharsets.US_ASCII)); // punctuation logs are full of, met last
    KeywordTrie trie = KeywordTrie.of(patterns);
    for (int c = 0; c < 256; c++) {
      assertThat(trie.startClass(c)).isBetween(0, 63);
    }
    // the bytes common in logs first, in the order met (x, y, k, a, f, ',', ' ', ';' get 1-8), then the bytes of
    // other scripts (0x80 9, …, 0x80 + 53 62); from 0x80 + 54 on they share 63
    assertThat(trie.startClass(',')).isEqualTo(6);
    assertThat(trie.startClass(';')).isEqualTo(8);
    assertThat(trie.startClass(0x80)).isEqualTo(9);
    assertThat(trie.startClass(0x80 + 53)).isEqualTo(62);
    assertThat(trie.startClass(0x80 + 54)).isEqualTo(63);
    assertThat(trie.startClass(0x80 + 99)).isEqualTo(63);
    assertThat(trie.startClass('K')).isEqualTo(trie.startClass('k')).isNotZero();
    assertThat(trie.startClass('z')).as("a byte no pattern starts with").isZero();
    byte[] text = new byte[] {' ', (byte) (0x80 + 99), 'X', 'Y', ' ', 'k', 'A', 'F'};
    assertThat(passes(trie, text, 1)).isTrue();
    assertThat(passes(trie, text, 5)).isTrue();
    assertThat(passes(trie, text, 0)).isFalse();
  }

  /** The scanner's test at the third byte of {@code b[p, p + 3)}. */
  private static boolean passes(KeywordTrie trie, byte[] b, int p) {
    int w = trigram(trie, b, p);
    return (trie.trigrams()[w >>> 6] & (1L << w)) != 0;
  }

  private static int trigram(KeywordTrie trie, byte[] b, int p) {
    return (trie.startClass(b[p]) << 12) | (trie.startClass(b[p + 1]) << 6) | trie.startClass(b[p + 2]);
  }

  /** Whether the trie walk from {@code p} reaches a pattern's end (the scanner's {@code onPatternsAt}). */
  private static boolean findsAt(KeywordTrie trie, byte[] b, int p) {
    int node = 0;
    for (int k = p; k < b.length; k++) {
      node = trie.child(node, b[k]);
      if (node == 0) {
        return false;
      }
      if (trie.outputs(node) != null) {
        return true;
      }
    }
    return false;
  }

  private static byte[] textWith(SplittableRandom random, List<byte[]> patterns) {
    byte[] text = new byte[2000];
    int p = 0;
    while (p < text.length) {
      byte[] piece = random.nextBoolean() ? patterns.get(random.nextInt(patterns.size()))
          : randomBytes(random, 1 + random.nextInt(6));
      for (int k = 0; k < piece.length && p < text.length; k++) {
        byte c = piece[k];
        // the other case of an ASCII letter: the trie and the filter ignore case
        text[p++] = Bytes.isAlpha(c) && random.nextInt(3) == 0 ? (byte) (c ^ 0x20) : c;
      }
    }
    return text;
  }

  private static byte[] randomBytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    for (int k = 0; k < n; k++) {
      b[k] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return b;
  }

  private static String show(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
