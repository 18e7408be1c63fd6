package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reverse map's set of known lines (fingerprints, not the lines) and how it reads the file it continues. */
class RevealLogTest {
  @TempDir Path dir;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean add(RevealLog.LineSet set, String line) {
    byte[] b = ascii("xx" + line + "yy"); // at an offset, as the reader and record() pass them
    return set.add(b, 2, b.length - 4);
  }

  @Test
  void linesWithEqualStringHashesAreToldApart() {
    // "Aa" and "BB" have the same polynomial (String) hash, so all 1,024 lines of ten such blocks share one
    RevealLog.LineSet set = new RevealLog.LineSet();
    List<String> lines = new ArrayList<>();
    for (int bits = 0; bits < 1024; bits++) {
      StringBuilder s = new StringBuilder("<ipv4:0a1b2c3d>\t");
      for (int i = 0; i < 10; i++) {
        s.append((bits >> i & 1) == 0 ? "Aa" : "BB");
      }
      lines.add(s.toString());
    }
    for (String l : lines) {
      assertThat(add(set, l)).as(l).isTrue();
    }
    for (String l : lines) {
      assertThat(add(set, l)).as(l).isFalse();
    }
    assertThat(set.size()).isEqualTo(1024);
    assertThat(add(set, lines.get(0) + "A")).isTrue(); // a longer line with the same start
    assertThat(add(set, lines.get(0).substring(1))).isTrue(); // and a shorter one
    assertThat(add(set, "")).isTrue();
    assertThat(add(set, "")).isFalse();
  }

  @Test
  void itHoldsWhatAHashSetOfStringsHolds() {
    // many blocks of 1 MiB, lines longer than a block, the table grown many times
    RevealLog.LineSet set = new RevealLog.LineSet();
    Set<String> model = new HashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 120_000; i++) {
      int len = i % 20_000 == 0 ? (1 << 20) + random.nextInt(100) : random.nextInt(60);
      StringBuilder s = new StringBuilder(len);
      for (int k = 0; k < len; k++) {
        s.append((char) ('a' + random.nextInt(3)));
      }
      String line = s.toString();
      assertThat(add(set, line)).isEqualTo(model.add(line));
    }
    assertThat(set.size()).isEqualTo(model.size());
  }

  @Test
  void everyByteAndTheLengthChangeTheFingerprint() {
    // one bit flipped at every position of lines of every length up to 40 (the 8-byte words and the tail), and
    // NUL bytes appended (the tail alone would not tell "a" from "a\0"): all fingerprints distinct
    Set<Long> seen = new HashSet<>();
    int count = 0;
    for (int len = 0; len <= 40; len++) {
      byte[] base = new byte[len];
      seen.add(RevealLog.LineSet.fingerprint(base, 0, len));
      count++;
      for (int i = 0; i < len; i++) {
        for (int bit = 0; bit < 8; bit++) {
          byte[] b = base.clone();
          b[i] ^= (byte) (1 << bit);
          seen.add(RevealLog.LineSet.fingerprint(b, 0, len));
          count++;
        }
      }
    }
    assertThat(seen).hasSize(count).doesNotContain(0L);
    byte[] a = ascii("xa\0\0y");
    assertThat(RevealLog.LineSet.fingerprint(a, 1, 1)).isNotEqualTo(RevealLog.LineSet.fingerprint(a, 1, 2))
        .isNotEqualTo(RevealLog.LineSet.fingerprint(a, 1, 3));
  }

  @Test
  void aMillionLinesOfTheMapsShapeAreAllToldApart() {
    // what a map at the cap holds: tokens and base64 values; the set keeps 8 bytes per line
    RevealLog.LineSet set = new RevealLog.LineSet();
    java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
    for (int i = 0; i < 1_000_000; i++) {
      String line = String.format("<email:%08x>\t", i * 0x9E3779B1) + base64.encodeToString(
          ("user" + i + "@example.com").getBytes(StandardCharsets.US_ASCII));
      assertThat(add(set, line)).as(line).isTrue();
    }
    assertThat(set.size()).isEqualTo(1_000_000);
    assertThat(add(set, String.format("<email:%08x>\t", 7 * 0x9E3779B1)
        + base64.encodeToString(ascii("user7@example.com")))).isFalse();
  }

  @Test
  void beyondTheCapNewLinesAreWrittenButNotRemembered() {
    RevealLog.LineSet set = new RevealLog.LineSet();
    byte[] a = ascii("a");
    byte[] b = ascii("b");
    assertThat(set.addIfAbsent(a, 0, 1, 1)).isTrue();
    assertThat(set.addIfAbsent(a, 0, 1, 1)).isFalse();
    assertThat(set.addIfAbsent(b, 0, 1, 1)).isTrue();
    assertThat(set.addIfAbsent(b, 0, 1, 1)).as("not remembered: written again").isTrue();
    assertThat(set.size()).isEqualTo(1);
  }

  @Test
  void theFileItContinuesIsReadLineByLineAsFilesLinesWould() throws Exception {
    // \n, \r\n and \r ends, a \r\n split over the reader's 1 MiB buffers, a line longer than one, no end at the end
    StringBuilder text = new StringBuilder();
    text.append("<keyword:00000001>\t").append("A".repeat((1 << 20) - 19 - 1)).append("\r\n"); // \r at 1 Mi - 1
    text.append("<email:00000002>\tYg==\r");
    text.append("<email:00000003>\tYw==\n\n");
    text.append("<keyword:00000004>\t").append("Q".repeat(1_500_000)).append('\n');
    text.append("<email:00000005>\tZA==");
    Files.writeString(dir.resolve(RevealLog.FILE_NAME), text, StandardCharsets.US_ASCII);
    List<String> lines;
    try (var l = Files.lines(dir.resolve(RevealLog.FILE_NAME), StandardCharsets.US_ASCII)) {
      lines = l.toList();
    }
    assertThat(lines).hasSize(6);
    try (RevealLog log = RevealLog.open(dir)) {
      for (String line : lines) {
        if (!line.isEmpty()) {
          int tab = line.indexOf('\t');
          log.record(ascii(line.substring(0, tab)),
              java.util.Base64.getDecoder().decode(line.substring(tab + 1)));
        }
      }
      log.record("<email:00000006>", "e"); // new: written
      assertThat(log.lookup("<email:00000002>")).containsExactly("b");
      assertThat(log.lookup("<email:00000005>")).containsExactly("d");
      assertThat(log.lookup("<email:00000006>")).containsExactly("e");
    }
    // nothing that was in the file is written again; the new pair goes on a line of its own after a last line
    // that had no end (a write cut short), not onto it
    assertThat(Files.readString(dir.resolve(RevealLog.FILE_NAME), StandardCharsets.US_ASCII))
        .isEqualTo(text + "\n<email:00000006>\tZQ==\n");
  }
  @Test
  void manyTokensAreLookedUpInOnePassWithoutOpeningTheMapForWriting() throws Exception {
    Path map = dir.resolve(RevealLog.FILE_NAME);
    // two values under one token, a pair repeated, a line cut short inside its base64, a byte that is not ASCII
    byte[] text = ("<email:00000001>\tYQ==\n<ipv4:00000002>\tMTAuMC4wLjE=\r\n<email:00000001>\tYg==\n"
        + "<email:00000001>\tYQ==\n<user:00000003>\tYm9i\u00ff\n<user:00000003>\tYm9\n<host:00000004>\tZGIx")
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(map, text);
    var found = RevealLog.lookup(dir, List.of("<ipv4:00000002>", "<email:00000001>", "<user:00000003>",
        "<host:00000004>", "<email:0000000f>"));
    assertThat(found.keySet()).containsExactly("<ipv4:00000002>", "<email:00000001>", "<user:00000003>",
        "<host:00000004>", "<email:0000000f>");
    assertThat(found.get("<email:00000001>")).containsExactly("a", "b");
    assertThat(found.get("<ipv4:00000002>")).containsExactly("10.0.0.1");
    assertThat(found.get("<user:00000003>")).isEmpty(); // neither damaged line is read as a value
    assertThat(found.get("<host:00000004>")).containsExactly("db1"); // a last line without its end
    assertThat(found.get("<email:0000000f>")).isEmpty();
    assertThat(Files.readAllBytes(map)).isEqualTo(text);
  }
}
