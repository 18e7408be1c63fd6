package io.companyos.agent.bundling;

import io.companyos.agent.bundle.ContentRedactor;
import io.companyos.agent.bundle.RedactionCounts;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import io.companyos.agent.redaction.StructuredFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The redaction engine as the bundle writer's {@link ContentRedactor}. Logs, metrics and other text stream through
 * the byte engine ({@link Redactor#redact(InputStream, OutputStream, RedactionCounter)}); JSON and YAML documents the
 * agent writes itself ({@code health/}, {@code config/}, {@code system/}) are redacted by key as well as by value.
 * Thread-safe, as the {@link Redactor} is.
 */
public final class BundleRedactor implements ContentRedactor {
  private final Redactor redactor;
  private final String rulesVersion;

  /** @param rulesVersion what the manifest records, e.g. from {@link ConfiguredRedactor#rulesVersion} */
  public BundleRedactor(Redactor redactor, String rulesVersion) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.rulesVersion = Objects.requireNonNull(rulesVersion, "rulesVersion");
  }

  @Override
  public RedactionCounts redact(InputStream in, OutputStream out, String sourceName) throws IOException {
    StructuredFormat format = structuredFormat(sourceName);
    RedactionCounter counter = new RedactionCounter();
    if (format == null) {
      redactor.redact(in, out, counter);
    } else {
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      redactor.redactStructured(format, reader, writer, counter);
      writer.flush();
    }
    return counts(counter);
  }

  @Override
  public RedactionCounts redact(Reader in, Writer out, String sourceName) throws IOException {
    StructuredFormat format = structuredFormat(sourceName);
    RedactionCounter counter = new RedactionCounter();
    if (format == null) {
      redactor.redact(in, out, counter);
    } else {
      redactor.redactStructured(format, in, out, counter);
    }
    return counts(counter);
  }

  @Override
  public boolean redactsLineByLine(String sourceName) {
    return structuredFormat(sourceName) == null;
  }

  @Override
  public String rulesVersion() {
    return rulesVersion;
  }

  /**
   * JSON and YAML the agent produces, and the configuration files of {@code bundle.configFiles} (JSON, Terraform's
   * {@code .tfstate}, a browser's {@code .har}, YAML, {@code .properties}, {@code .env}, PostgreSQL's
   * {@code .pgpass}), are parsed and redacted by key (or field) too; files collected from elsewhere (logs, which may
   * be JSON lines or not parse at all) are text, so that one odd line never withholds a whole log.
   */
  static StructuredFormat structuredFormat(String sourceName) {
    if (sourceName.startsWith("logs/") || sourceName.startsWith("agent/")) {
      return null;
    }
    return configFileFormat(sourceName);
  }

  /**
   * The structured format a configuration file of this name is redacted in (see {@link #structuredFormat}), or
   * {@code null} for the line scan; also what {@code agent redact --format auto} picks, so that an admin sees what a
   * bundle carries for the file.
   */
  public static StructuredFormat configFileFormat(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json") || name.endsWith(".tfstate") || name.endsWith(".tfstate.backup")
        || name.endsWith(".har")) {
      return StructuredFormat.JSON; // Terraform state is JSON, and so is a browser's HAR export
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return StructuredFormat.YAML;
    }
    if (name.endsWith(".properties")) {
      return StructuredFormat.PROPERTIES;
    }
    if (name.endsWith(".env")) {
      return StructuredFormat.ENV; // app.env, and .env itself
    }
    if (name.endsWith(".pgpass") || name.endsWith("pgpass.conf")) {
      return StructuredFormat.PGPASS; // ~/.pgpass, and pgpass.conf on Windows
    }
    return null;
  }

  private static RedactionCounts counts(RedactionCounter counter) {
    Map<String, Long> counts = new HashMap<>(counter.counts());
    return new RedactionCounts(counts);
  }
}
