package io.companyos.agent.bundle;

import java.util.List;

/**
 * The redaction self-test the writer runs before anything else: planted canary values (one per detector) go
 * through the redactor, and any that come out unchanged stop the export.
 */
@FunctionalInterface
public interface CanaryCheck {

  /** Names of the detectors whose canary survived redaction; empty when all were caught. Never the values. */
  List<String> survivingCanaries();
}
