package io.companyos.agent.bundle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

  /**
   * Copies UTF-8 text from {@code in} to {@code out}, redacted; the writer calls this one. The default decodes into
   * {@link #redact(Reader, Writer, String)} (malformed bytes become U+FFFD) and encodes the result; an engine that
   * works on UTF-8 bytes overrides it and saves both conversions. Need not close either stream.
   */
  default RedactionCounts redact(InputStream in, OutputStream out, String sourceName) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    RedactionCounts counts = redact(reader, writer, sourceName);
    writer.flush();
    return counts;
  }

  /**
   * Whether {@code sourceName} is redacted as a stream of lines, whose parts may be redacted apart where that gives
   * the same bytes ({@link LineChunks}), rather than as one document (a JSON or YAML file parsed whole): only such
   * sources are cut into chunks.
   */
  default boolean redactsLineByLine(String sourceName) {
    return true;
  }

  /** Version of the rules in force, recorded in the manifest and the redaction report. */
  String rulesVersion();
}
