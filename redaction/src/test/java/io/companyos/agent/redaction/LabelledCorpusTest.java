package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives per detector on the labelled corpus ({@code corpus/labelled.txt}, written by
 * {@code corpus/make-corpus.py}, and the hand-written files of {@link #CORPUS}): every marked value must be gone
 * from the output; an unmarked line must come out unchanged. The floors below are regression floors: raise them
 * when the catalog improves.
 */
class LabelledCorpusTest {
  /**
   * The generated corpus, then hand-written lines of what an admin would try (formats the generator does not
   * make), one file per area.
   */
  private static final List<String> CORPUS =
      List.of("/corpus/labelled.txt", "/corpus/labelled-keys.txt", "/corpus/labelled-values.txt",
          "/corpus/labelled-logins.txt", "/corpus/labelled-infra.txt", "/corpus/labelled-stores.txt");

  private static CorpusRecall result;

  @BeforeAll
  static void run() throws IOException {
    result = CorpusRecall.measure(Redactor.builder().build(), "labelled corpus", CORPUS);
  }

  @Test
  void corpusCoversEveryKindOfValue() {
    assertThat(result.recall.keySet()).contains("email", "ipv4", "ipv6", "mac", "phone", "card", "iban", "ssn", "jwt",
        "aws_key", "aws_secret", "token", "private_key", "auth", "secret", "user", "name", "host",
        "password_hash");
    assertThat(result.negatives).isGreaterThanOrEqualTo(150);
  }

  @Test
  void recallPerDetectorStaysAboveTheFloor() {
    result.recall.forEach((label, c) -> assertThat((double) c[0] / c[1]).as("recall of %s", label).isGreaterThanOrEqualTo(1.0));
  }

  @Test
  void unmarkedLinesStayUnchanged() {
    assertThat(result.falsePositives).as("changed %s", result.changed).isEmpty();
  }
}
