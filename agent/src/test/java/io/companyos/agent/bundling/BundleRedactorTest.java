package io.companyos.agent.bundling;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.redaction.Redactor;
import org.junit.jupiter.api.Test;

/** Which bundle entries may be redacted in chunks: streams of lines yes, documents parsed whole no. */
class BundleRedactorTest {

  private final BundleRedactor redactor = new BundleRedactor(Redactor.builder().build(), "test");

  @Test
  void logsAndPlainFilesAreRedactedLineByLineAndMayBeChunked() {
    assertThat(redactor.redactsLineByLine("logs/postgresql/postgresql.log")).isTrue();
    assertThat(redactor.redactsLineByLine("logs/app/events.json")).isTrue(); // JSON lines: text, see structuredFormat
    assertThat(redactor.redactsLineByLine("agent/agent.log")).isTrue();
    assertThat(redactor.redactsLineByLine("system/dmesg.txt")).isTrue();
  }

  @Test
  void documentsParsedWholeAreNotChunked() {
    for (String path : new String[] {"config/app.yaml", "config/app.yml", "config/settings.json",
        "config/app.properties", "config/.env", "config/.pgpass"}) {
      assertThat(redactor.redactsLineByLine(path)).as(path).isFalse();
    }
  }
}
