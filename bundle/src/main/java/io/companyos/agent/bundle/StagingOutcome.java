package io.companyos.agent.bundle;

import java.nio.file.Path;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;

/** What became of one source: staged (maybe truncated) or left out. */
sealed interface StagingOutcome {

  /**
   * @param truncation {@code null} when the whole source was kept
   * @param frame the file's tar entry as a ready zstd frame (its plaintext then removed), or {@code null} when the
   *     plaintext stays in the staging directory (review)
   */
  record Staged(FileEntry file, Truncation truncation, RedactionCounts counts, boolean redacted, Path frame)
      implements StagingOutcome {}

  record Omitted(Omission omission) implements StagingOutcome {}
}
