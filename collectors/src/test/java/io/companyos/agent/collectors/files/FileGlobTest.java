package io.companyos.agent.collectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGlobTest {

  @TempDir Path root;

  @Test
  void literalPrefixStopsBeforeTheFirstWildcardSegment() {
    assertThat(FileGlob.literalPrefix("/var/log/pods/*/*/*.log")).isEqualTo("/var/log/pods");
    assertThat(FileGlob.literalPrefix("/var/log/app-*.log")).isEqualTo("/var/log");
    assertThat(FileGlob.literalPrefix("/var/log/app.log")).isEqualTo("/var/log");
    assertThat(FileGlob.literalPrefix("/*.log")).isEqualTo("/");
  }

  @Test
  void bracesAndSingleFilesMatch() throws Exception {
    Path yaml = Files.writeString(Files.createDirectories(root.resolve("etc")).resolve("app.yaml"), "a: 1\n");
    Path props = Files.writeString(root.resolve("etc/app.properties"), "a=1\n");
    Files.writeString(root.resolve("etc/app.txt"), "x");

    assertThat(new FileGlob().find(root + "/etc/app.{yaml,properties}"))
        .extracting(FoundFile::path).containsExactly(props, yaml);
    assertThat(new FileGlob().find(yaml.toString())).extracting(FoundFile::size).containsExactly(5L);
  }

  @Test
  void relativeGlobsAreRefused() {
    assertThatThrownBy(() -> new FileGlob().find("etc/*.yaml"))
        .hasMessage("glob must be an absolute path, got 'etc/*.yaml'");
  }
}
