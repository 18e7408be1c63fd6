package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;

/** What became of one source: staged (maybe truncated) or left out. */
sealed interface StagingOutcome {

  /** @param truncation {@code null} when the whole source was kept */
  record Staged(FileEntry file, Truncation truncation, RedactionCounts counts, boolean redacted)
      implements StagingOutcome {}

  record Omitted(Omission omission) implements StagingOutcome {}
}
