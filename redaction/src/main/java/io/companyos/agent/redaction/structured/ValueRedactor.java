package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RedactionCounter;

/** What the structured formats need from the engine. */
public interface ValueRedactor {
  /** Redacts free text (a value under an ordinary key, a key itself, a comment). */
  String text(String text, RedactionCounter counter);

  /** Replaces a whole value found under a key of the given detector. */
  String keyed(DetectorType type, String value, RedactionCounter counter);
}
