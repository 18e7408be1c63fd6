package io.companyos.agent.collectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.collectors.files.FoundFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

  @TempDir Path dir;

  @Test
  void selectsMatchingFilesOnceAndListsWhatIsLeftOut() throws Exception {
    Path etc = Files.createDirectories(dir.resolve("etc/companyos"));
    Path app = Files.writeString(etc.resolve("application.yaml"), "server: { port: 8080 }\n");
    Path keycloak = Files.writeString(etc.resolve("keycloak.conf"), "hostname=kc\n");
    Path huge = Files.write(etc.resolve("huge.yaml"), new byte[2048]);

    ConfigFiles.Selection selection = new ConfigFiles(List.of(
        etc + "/*.yaml", etc + "/application.yaml", etc + "/*.conf", dir + "/opt/*.properties"), 1024)
        .collect();

    assertThat(selection.files()).extracting(FoundFile::path).containsExactly(app, keycloak);
    assertThat(selection.omitted()).containsExactly(
        new ConfigFiles.Omission(huge.toString(), "larger than 1024 bytes (2048)"),
        new ConfigFiles.Omission(dir + "/opt/*.properties", "no file matches"));
  }
}
