package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * The filter every text file streams through on its way into a bundle. The agent adapts the redaction module's
 * engine to it. Implementations are thread-safe: the writer redacts several files at once.
 *
 * <p>Failing closed is the writer's job: if {@link #redact} throws (anything), the file is left out and the omission
 * recorded; nothing of it is written raw.
 */
public interface ContentRedactor {

  /**
   * Copies {@code in} to {@code out}, replacing every sensitive value. Must stream (bounded memory whatever the
   * input size). Need not close either stream.
   *
   * @param sourceName the file's path inside the bundle, for structure detection (e.g. {@code .json}, {@code .env})
   * @return how many values each detector replaced
   */
  RedactionCounts redact(Reader in, Writer out, String sourceName) throws IOException;

  /** Version of the rules in force, recorded in the manifest and the redaction report. */
  String rulesVersion();
}
