package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static io.companyos.agent.bundle.TestBundles.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.bundle.manifest.ManifestJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promise, literally: {@code gpg --decrypt FILE | zstd -d | tar x} with Debian's stock tools. */
class GnupgBundleTest {

  static final TestKeys KEYS = new TestKeys();

  @TempDir
  Path tmp;

  @Test
  void stockGpgZstdAndTarOpenABundleAndGpgVerifiesTheManifest() throws Exception {
    Path gnupg = Files.createDirectories(tmp.resolve("gnupg"));
    Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path secret = tmp.resolve("vendor.sec.asc");
    Files.writeString(secret, KEYS.vendor.armoredSecretKey());
    sh(tmp, "gpg --homedir gnupg --batch --quiet --import vendor.sec.asc");
    String log = "user ann@example.com\n".repeat(5000);
    ExportReceipt receipt = KEYS.writer(tmp.resolve("work")).build().export(INFO,
        List.of(text("logs/api/app.log", SourcePriority.LOGS, log),
            text("health/probes.json", SourcePriority.HEALTH, "{}\n")),
        RUNS, BundleTarget.directory(tmp.resolve("out")));
    Files.createDirectories(tmp.resolve("x"));

    sh(tmp, "gpg --homedir gnupg --batch --quiet --decrypt '" + receipt.path() + "' | zstd -d | tar x -C x");

    assertThat(sh(tmp, "cd x && find . -type f | sort"))
        .isEqualTo("./health/probes.json\n./logs/api/app.log\n./manifest.json\n./manifest.json.sig\n"
            + "./redaction-report.json\n");
    assertThat(sh(tmp, "gpg --homedir gnupg --batch --quiet --decrypt '" + receipt.path()
        + "' | zstd -d | tar t | sed -n 1,3p")).isEqualTo("manifest.json\nmanifest.json.sig\nredaction-report.json\n");
    assertThat(Files.readString(tmp.resolve("x/logs/api/app.log"))).isEqualTo("user <email>\n".repeat(5000));

    var manifest = new ManifestJson().readManifest(Files.readAllBytes(tmp.resolve("x/manifest.json")));
    Files.writeString(tmp.resolve("signer.asc"), manifest.signer().publicKey());
    sh(tmp, "gpg --homedir gnupg --batch --quiet --import signer.asc");
    String verify = sh(tmp, "gpg --homedir gnupg --batch --status-fd 1 --verify x/manifest.json.sig x/manifest.json"
        + " 2>/dev/null");
    assertThat(verify).contains("[GNUPG:] VALIDSIG " + KEYS.signing.fingerprint());
    assertThat(sh(tmp, "cd x && sha256sum logs/api/app.log | cut -d' ' -f1").trim())
        .isEqualTo(manifest.files().stream().filter(f -> f.path().equals("logs/api/app.log")).findFirst()
            .orElseThrow().sha256());
  }

  private static String sh(Path dir, String script) throws Exception {
    Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", script).directory(dir.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(script + " failed: " + err);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
