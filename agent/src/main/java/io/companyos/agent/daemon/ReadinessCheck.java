package io.companyos.agent.daemon;

/** One condition of {@code /readyz}. May block briefly (it runs on a worker thread). */
public interface ReadinessCheck {
  String name();

  /** Null when ready, otherwise a short reason without secrets or customer text. */
  String problem();
}
