package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives on the blind corpus ({@code corpus/blind-s13.txt}), written from real log and config
 * shapes before its author read the detectors: an independent measurement, unlike {@link LabelledCorpusTest}, scored by
 * {@link CorpusRecall}. The floors are what main achieves; raise them when a detector improves.
 */
class BlindCorpusTest {
  /** The least recall per label that main achieves (found marks of each label, out of its total). */
  private static final Map<String, Integer> FLOOR = Map.ofEntries(
      Map.entry("auth", 7), Map.entry("aws_key", 3), Map.entry("aws_secret", 2), Map.entry("card", 5),
      Map.entry("email", 21), Map.entry("host", 42), Map.entry("iban", 4), Map.entry("ipv4", 45),
      Map.entry("ipv6", 2), Map.entry("jwt", 5), Map.entry("mac", 2), Map.entry("name", 7),
      Map.entry("password_hash", 1), Map.entry("phone", 7), Map.entry("private_key", 2), Map.entry("secret", 66),
      Map.entry("ssn", 2), Map.entry("token", 15), Map.entry("user", 48));
  /** The most unmarked lines main changes. */
  private static final int MAX_FALSE_POSITIVE_LINES = 2;

  private static CorpusRecall result;

  @BeforeAll
  static void run() throws IOException {
    result = CorpusRecall.measure("/corpus/blind-s13.txt", "blind corpus");
  }

  @Test
  void corpusCoversEveryLabelOfTheFloor() {
    assertThat(result.recall.keySet()).containsExactlyInAnyOrderElementsOf(FLOOR.keySet());
    assertThat(result.negatives).isGreaterThanOrEqualTo(150);
  }

  @Test
  void recallPerLabelStaysAboveTheFloor() {
    result.recall.forEach((label, c) -> assertThat(c[0]).as("found %s of %d", label, c[1]).isGreaterThanOrEqualTo(FLOOR.get(label)));
  }

  @Test
  void unmarkedLinesChangeNoMoreThanOnMain() {
    assertThat(result.changed.size()).as("changed unmarked lines %s", result.changed).isLessThanOrEqualTo(MAX_FALSE_POSITIVE_LINES);
  }
}
