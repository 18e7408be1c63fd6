package io.companyos.agent.policy.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/** Reads ledger entries oldest first, for {@code agent ledger show}; damaged lines are counted and skipped. */
public final class LedgerReader {
  private LedgerReader() {}

  /**
   * Passes every readable entry written at or after {@code since} to {@code sink}.
   *
   * @return the number of damaged lines skipped (run {@link LedgerVerifier} for detail)
   */
  public static long forEach(Path dir, Instant since, Consumer<LedgerEntry> sink) throws IOException {
    long damaged = 0;
    for (Path file : LedgerFiles.oldestFirst(dir)) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          try {
            LedgerEntry e = LedgerLine.parse(line);
            if (!e.time().isBefore(since)) {
              sink.accept(e);
            }
          } catch (LedgerFormatException e) {
            damaged++;
          }
        }
      }
    }
    return damaged;
  }
}
