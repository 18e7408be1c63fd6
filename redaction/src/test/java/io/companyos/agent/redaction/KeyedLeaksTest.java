package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The red team on keys: secrets recognised by a key or a flag that used to leave, and what must stay around them.
 * One-line cases are in {@code corpus/labelled-keys.txt}.
 */
class KeyedLeaksTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  /** Every line of the hand-written corpus, redacted twice, equals it redacted once (no token is taken again). */
  @Test
  void theCorpusLinesRedactTwiceAsOnce() throws IOException {
    String corpus;
    try (var in = KeyedLeaksTest.class.getResourceAsStream("/corpus/labelled-keys.txt")) {
      corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Redactor pseudonyms = Redactor.builder().build();
    corpus.lines().filter(l -> !l.startsWith("##")).map(l -> l.replaceAll("«[a-z_0-9]+\\|(.*?)»", "$1"))
        .forEach(line -> {
          String once = pseudonyms.redact(line);
          assertThat(pseudonyms.redact(once)).as(line).isEqualTo(once);
          String masked = MASK.redact(line);
          assertThat(MASK.redact(masked)).as(line).isEqualTo(masked);
        });
  }

}
