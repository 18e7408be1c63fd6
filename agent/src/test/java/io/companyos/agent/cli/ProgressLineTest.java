package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.bundle.ExportProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void aFreshExportShowsZeroesAndNoEta() {
    assertThat(ProgressLine.render(new ExportProgress(), 1.0))
        .isEqualTo("waiting: 0/0 files, read 0 B of 0 B (0 B/s), written 0 B");
  }

  @Test
  void notATerminalMeansNoOutputAtAll() {
    StringWriter err = new StringWriter();
    ProgressLine line = ProgressLine.start(new ExportProgress(), new PrintWriter(err, true), false);
    try {
      assertThat(line).isNotNull();
    } finally {
      line.close();
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void onATerminalTheLastStateIsLeftOnItsOwnLine() {
    StringWriter err = new StringWriter();
    ProgressLine line = ProgressLine.start(new ExportProgress(), new PrintWriter(err, true), true);
    try {
      assertThat(line).isNotNull();
    } finally {
      line.close();
    }
    assertThat(err.toString()).startsWith("\rwaiting: 0/0 files").endsWith("\n");
  }
}
