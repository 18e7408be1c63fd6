package io.companyos.agent.daemon;

import java.util.Map;

/** A component that adds its own section to {@code /v1/status} (heartbeat, queue, probes, ...). */
public interface StatusContributor {
  /** The section's key in the status document. */
  String name();

  /** The section: plain values only (strings, numbers, booleans, lists and maps of them), never secrets. */
  Map<String, Object> status();
}
