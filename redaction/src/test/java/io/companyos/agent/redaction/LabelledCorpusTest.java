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
 * Recall and false positives per detector on the labelled corpus ({@code corpus/labelled.txt}, written by
 * {@code corpus/make-corpus.py}, and the hand-written files of {@link #CORPUS}): every marked value must be gone
 * from the output; an unmarked line must come out unchanged. The floors below are regression floors: raise them
 * when the catalog improves.
 */
class LabelledCorpusTest {
  private static final Pattern MARK = Pattern.compile("«([a-z_0-9]+)\\|(.*?)»");
  private static final Pattern TOKEN = Pattern.compile("<([a-z_0-9]+):[0-9a-f]{8}>");
  private static final Redactor REDACTOR = Redactor.builder().build();

  private static final Map<String, int[]> RECALL = new TreeMap<>(); // label -> {found, total}
  private static final Map<String, Integer> FALSE_POSITIVES = new TreeMap<>();
  private static int negatives;

  /**
   * The generated corpus, then hand-written lines of what an admin would try (formats the generator does not
   * make), one file per area.
   */
  private static final List<String> CORPUS =
      List.of("/corpus/labelled.txt", "/corpus/labelled-keys.txt", "/corpus/labelled-values.txt");

  @BeforeAll
  static void run() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String file : CORPUS) {
      try (InputStream in = LabelledCorpusTest.class.getResourceAsStream(file)) {
        assertThat(in).as(file).isNotNull();
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(l -> !l.isBlank() && !l.startsWith("##")).forEach(lines::add);
      }
    }
    for (String line : lines) {
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
          c[0]++; // gone (the same text may legitimately stay where it is not marked)
        }
      }
      if (marks.isEmpty()) {
        negatives++;
        Matcher t = TOKEN.matcher(out);
        while (t.find()) {
          FALSE_POSITIVES.merge(t.group(1), 1, Integer::sum);
        }
      }
    }
    StringBuilder report = new StringBuilder("detector      found/total  recall\n");
    RECALL.forEach((k, v) -> report.append(String.format("%-13s %5d/%-5d  %.3f%n", k, v[0], v[1], (double) v[0] / v[1])));
    report.append("false positives on ").append(negatives).append(" unmarked lines: ").append(FALSE_POSITIVES);
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
  void corpusCoversEveryKindOfValue() {
    assertThat(RECALL.keySet()).contains("email", "ipv4", "ipv6", "mac", "phone", "card", "iban", "ssn", "jwt",
        "aws_key", "aws_secret", "token", "private_key", "auth", "secret", "user", "name", "host",
        "password_hash");
    assertThat(negatives).isGreaterThanOrEqualTo(150);
  }

  @Test
  void recallPerDetectorStaysAboveTheFloor() {
    RECALL.forEach((label, c) -> assertThat((double) c[0] / c[1]).as("recall of %s", label).isGreaterThanOrEqualTo(1.0));
  }

  @Test
  void unmarkedLinesStayUnchanged() {
    assertThat(FALSE_POSITIVES).isEmpty();
  }
}
