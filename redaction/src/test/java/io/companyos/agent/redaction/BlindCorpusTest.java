package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives on the blind corpus ({@code corpus/blind-s13.txt}), written from real log and config
 * shapes before its author read the detectors: an independent measurement, unlike {@link LabelledCorpusTest}. The
 * engine is configured like the benchmark (bench/redaction-config.sh): the corpus's customer domains and keywords.
 * A marked value must be gone from the output; an unmarked line must come out unchanged. The floors are what main
 * achieves; raise them when a detector improves. The report names missed lines by number and label, never by value.
 */
class BlindCorpusTest {
  private static final Pattern MARK = Pattern.compile("«([a-z_0-9]+)\\|(.*?)»");
  private static final Pattern TOKEN = Pattern.compile("<([a-z_0-9]+):[0-9a-f]{8}>");
  private static final Redactor REDACTOR = Redactor.builder()
      .customerDomains(List.of("acme-corp.com", "contoso.com", "globex.com", "initech.com", "umbrella.com",
          "hooli.com", "wayne-ent.com", "stark-ind.com", "tyrell.com", "cyberdyne.com", "soylent.com", "vandelay.com"))
      .keywords(List.of("acme", "contoso", "globex", "initech", "umbrella", "hooli", "wayne", "stark", "tyrell",
          "cyberdyne", "soylent", "vandelay"))
      .build();

  /** The least recall per label that main achieves (found marks of each label, out of its total). */
  private static final Map<String, Integer> FLOOR = Map.ofEntries(
      Map.entry("auth", 7), Map.entry("aws_key", 3), Map.entry("aws_secret", 2), Map.entry("card", 5),
      Map.entry("email", 21), Map.entry("host", 42), Map.entry("iban", 4), Map.entry("ipv4", 45),
      Map.entry("ipv6", 2), Map.entry("jwt", 5), Map.entry("mac", 2), Map.entry("name", 7),
      Map.entry("password_hash", 1), Map.entry("phone", 7), Map.entry("private_key", 2), Map.entry("secret", 66),
      Map.entry("ssn", 2), Map.entry("token", 15), Map.entry("user", 48));
  /** The most unmarked lines main changes. */
  private static final int MAX_FALSE_POSITIVE_LINES = 2;

  private static final Map<String, int[]> RECALL = new TreeMap<>(); // label -> {found, total}
  private static final Map<String, Integer> FALSE_POSITIVES = new TreeMap<>(); // label -> tokens on unmarked lines
  private static final List<String> MISSED = new ArrayList<>(); // "line N label"
  private static final List<Integer> CHANGED = new ArrayList<>(); // unmarked line numbers that changed
  private static int negatives;

  @BeforeAll
  static void run() throws IOException {
    List<String> lines;
    try (InputStream in = BlindCorpusTest.class.getResourceAsStream("/corpus/blind-s13.txt")) {
      assertThat(in).isNotNull();
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      if (line.isBlank() || line.startsWith("##")) {
        continue;
      }
      List<String[]> marks = new ArrayList<>();
      Matcher m = MARK.matcher(line);
      StringBuilder input = new StringBuilder();
      while (m.find()) {
        marks.add(new String[] {m.group(1), m.group(2)});
        m.appendReplacement(input, Matcher.quoteReplacement(m.group(2)));
      }
      m.appendTail(input);
      String out = REDACTOR.redact(input.toString());
      for (String[] mark : marks) {
        int[] c = RECALL.computeIfAbsent(mark[0], k -> new int[2]);
        c[1]++;
        long markedHere = marks.stream().filter(x -> x[1].equals(mark[1])).count();
        if (count(out, mark[1]) <= count(input.toString(), mark[1]) - markedHere) {
          c[0]++;
        } else {
          MISSED.add("line " + n + " " + mark[0]);
        }
      }
      if (marks.isEmpty()) {
        negatives++;
        if (!out.equals(line)) {
          CHANGED.add(n);
        }
        Matcher t = TOKEN.matcher(out);
        while (t.find()) {
          FALSE_POSITIVES.merge(t.group(1), 1, Integer::sum);
        }
      }
    }
    StringBuilder report = new StringBuilder("blind corpus: label         found/total  recall\n");
    RECALL.forEach((k, v) -> report.append(String.format("              %-13s %5d/%-5d  %.3f%n", k, v[0], v[1],
        (double) v[0] / v[1])));
    report.append("false positives on ").append(negatives).append(" unmarked lines: ").append(FALSE_POSITIVES)
        .append(", changed lines ").append(CHANGED).append('\n').append("missed: ").append(MISSED);
    System.out.println(report);
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void corpusCoversEveryLabelOfTheFloor() {
    assertThat(RECALL.keySet()).containsExactlyInAnyOrderElementsOf(FLOOR.keySet());
    assertThat(negatives).isGreaterThanOrEqualTo(150);
  }

  @Test
  void recallPerLabelStaysAboveTheFloor() {
    RECALL.forEach((label, c) -> assertThat(c[0]).as("found %s of %d", label, c[1]).isGreaterThanOrEqualTo(FLOOR.get(label)));
  }

  @Test
  void unmarkedLinesChangeNoMoreThanOnMain() {
    assertThat(CHANGED.size()).as("changed unmarked lines %s", CHANGED).isLessThanOrEqualTo(MAX_FALSE_POSITIVE_LINES);
  }
}
