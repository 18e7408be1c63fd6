package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bundle.configFiles}: CompanyOS configuration files in the bundle's {@code config/files/}, redacted by key. */
class ConfigFilesInBundleTest {
  /** Values no value detector would notice: only their keys say they are secrets. */
  private static final List<String> KEYED_SECRETS = List.of("tr0ub4dor-yaml", "plainvalue-yaml-token",
      "tr0ub4dor-props", "tr0ub4dor-env", "tr0ub4dor-json", "tr0ub4dor-pgpass");

  /** Its path is in the bundle's entry names, through redaction: no digits in it (see there). */
  @TempDir(factory = LetterNamedTempDir.class)
  Path dir;

  private BundleFixture fx;
  private Path etc;

  @BeforeEach
  void setUp() throws Exception {
    fx = new BundleFixture(dir);
    etc = dir.resolve("etc");
    Files.createDirectories(etc);
    Files.writeString(etc.resolve("app.yaml"), "database:\n  url: jdbc:postgresql://db/app\n"
        + "  password: tr0ub4dor-yaml\napi:\n  token: plainvalue-yaml-token\n  owner: " + BundleFixture.EMAIL + "\n");
    Files.writeString(etc.resolve("app.properties"), "# mail settings\ndb.password=tr0ub4dor-props\nmail.from="
        + BundleFixture.EMAIL + "\npool.size=8\n");
    Files.writeString(etc.resolve("app.env"), "SECRET_KEY=tr0ub4dor-env\nexport LOG_LEVEL=info\n");
    Files.writeString(etc.resolve("settings.json"), "{\"auth\": {\"client_secret\": \"tr0ub4dor-json\", \"ttl\": 30}}");
    // no key names the password here: only the file's own format says which field it is
    Files.writeString(etc.resolve(".pgpass"), "db.prod.internal:5432:app:alice:tr0ub4dor-pgpass\n");
    Files.write(etc.resolve("huge.yaml"), new byte[1024 * 1024 + 1]);
    // the fixture's configuration ends with its bundle: section
    Files.writeString(fx.config, "  configFiles: [\"" + etc + "/*.yaml\", \"" + etc + "/*.properties\", \"" + etc
        + "/*.env\", \"" + etc + "/*.json\", \"" + etc + "/*.toml\", \"" + etc + "/.pgpass\"]\n",
        StandardOpenOption.APPEND);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void configFilesAreInTheBundleWithTheirKeysButNotTheirSecrets() throws Exception {
    assertThat(fx.export("--include", "config")).as(fx.err.toString()).isZero();
    Path extracted = dir.resolve("extracted");
    assertThat(fx.run("decrypt-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), "--in",
        fx.onlyBundle().toString(), "--out", extracted.toString())).as(fx.err.toString()).isZero();
    Path files = extracted.resolve("config/files" + etc);
    assertThat(Files.readString(files.resolve("app.yaml"))).contains("password:").contains("url:")
        .contains("token:");
    assertThat(Files.readString(files.resolve("app.properties"))).contains("db.password=").contains("pool.size=8")
        .contains("# mail settings");
    assertThat(Files.readString(files.resolve("app.env"))).contains("SECRET_KEY=").contains("LOG_LEVEL=info");
    assertThat(Files.readString(files.resolve("settings.json"))).contains("\"client_secret\"").contains("30");
    assertThat(Files.readString(files.resolve(".pgpass"))).matches("<host:[0-9a-f]{8}>:5432:app:<user:[0-9a-f]{8}>:"
        + "<secret:[0-9a-f]{8}>\n");
    assertThat(files.resolve("huge.yaml")).doesNotExist();

    String everything = BundleFixture.allText(extracted).toLowerCase(Locale.ROOT);
    for (String secret : KEYED_SECRETS) {
      assertThat(everything).as(secret).doesNotContain(secret);
    }
    assertThat(everything).doesNotContain(BundleFixture.EMAIL);
    String manifest = Files.readString(extracted.resolve("manifest.json"));
    assertThat(manifest).contains("\"config-files\"").contains("5 files; left out: ")
        .contains("huge.yaml (larger than 1048576 bytes (1048577))").contains("*.toml (no file matches)");
  }

  @Test
  void anEmptyGlobIsAConfigErrorNamingTheKey() throws Exception {
    Files.writeString(fx.config, "  configFiles: [\"\"]\n", StandardOpenOption.APPEND);
    Files.writeString(fx.config, Files.readString(fx.config).replaceFirst("  configFiles: \\[[^\\n]*\\n", ""));
    assertThat(fx.run("check-config", "--config", fx.config.toString())).isEqualTo(2);
    assertThat(fx.err.toString()).contains("bundle.configFiles").contains("a glob must not be empty");
  }
}
