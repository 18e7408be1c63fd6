package io.companyos.agent.bundling;

import io.companyos.agent.bundle.CanaryCheck;
import io.companyos.agent.redaction.CanarySelfTest;
import io.companyos.agent.redaction.Redactor;
import java.util.List;
import java.util.Objects;

/** The redaction module's {@link CanarySelfTest} as the bundle writer's {@link CanaryCheck}: detector names only. */
public final class BundleCanaryCheck implements CanaryCheck {
  private final Redactor redactor;

  public BundleCanaryCheck(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public List<String> survivingCanaries() {
    return CanarySelfTest.run(redactor).survivors();
  }
}
