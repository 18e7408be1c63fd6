package io.companyos.agent.bundle;

import java.nio.file.Path;
import java.util.List;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;

/** What became of one source: staged (maybe truncated) or left out. */
sealed interface StagingOutcome {

  /**
   * @param truncation {@code null} when the whole source was kept
   * @param frames the file's content as ready zstd frames, in order (its plaintext then removed; several when it was
   *     redacted in chunks), or {@code null} when the plaintext stays in the staging directory (review)
   */
  record Staged(FileEntry file, Truncation truncation, RedactionCounts counts, boolean redacted, List<Path> frames)
      implements StagingOutcome {}

  record Omitted(Omission omission) implements StagingOutcome {}
}
