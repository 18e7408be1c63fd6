package io.companyos.agent.collectors.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

  @TempDir Path root;

  @Test
  void enumeratesKubernetesPodLogsWithSizeAndTime() throws Exception {
    Path a = file("pods/ns_core-api-1_uid/core-api/0.log", "hello\n");
    Path b = file("pods/ns_core-api-1_uid/core-api/1.log", "hi\n");
    file("pods/ns_core-api-1_uid/core-api/0.log.20261125-101010.gz", "x");
    file("pods/ns_web_uid/web/deep/0.log", "too deep\n");
    Instant time = Instant.parse("2026-11-25T10:00:00Z");
    Files.setLastModifiedTime(a, FileTime.from(time));

    var files = new LogFiles().enumerate(new LogSource(root + "/pods/*/*/*.log", "core-api", LogFormat.CRI));

    assertThat(files).extracting(LogFile::path).containsExactly(a, b);
    assertThat(files.get(0)).isEqualTo(new LogFile(a, "core-api", LogFormat.CRI, 6, time));
  }

  @Test
  void doubleStarMatchesAnyDepth() throws Exception {
    Path deep = file("var/app/x/y/z/server.log", "1\n");
    Path shallow = file("var/app/server.log", "1\n");

    var files = new LogFiles().enumerate(new LogSource(root + "/var/app/**.log", "app", LogFormat.AUTO));

    assertThat(files).extracting(LogFile::path).containsExactly(shallow, deep);
  }

  @Test
  void missingDirectoryYieldsNothing() {
    assertThat(new LogFiles().enumerate(new LogSource(root + "/none/*.log", "x", LogFormat.AUTO))).isEmpty();
  }

  @Test
  void sourceValidatesItsFields() {
    assertThatThrownBy(() -> new LogSource("logs/*.log", "x", LogFormat.AUTO))
        .hasMessage("log path must be absolute, got 'logs/*.log'");
    assertThatThrownBy(() -> LogFormat.parse("xml"))
        .hasMessage("log format must be one of auto, plain, json, cri; got 'xml'");
    assertThat(LogFormat.parse(" CRI ")).isEqualTo(LogFormat.CRI);
  }

  private Path file(String relative, String content) throws Exception {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    return path;
  }
}
