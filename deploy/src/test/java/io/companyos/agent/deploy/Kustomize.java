package io.companyos.agent.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, offline, the way {@code kubectl apply -k} would. */
final class Kustomize {
  static final String MISSING = "kubectl not found on PATH: the Kustomize overlays cannot be rendered here"
      + " (install kubectl with Kustomize v5, tested with kubectl 1.32; .ci/run should make sure it is present)";

  private Kustomize() {}

  /** Whether a kubectl binary is on the PATH. */
  static boolean available() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
        return true;
      }
    }
    return false;
  }

  /** The rendered multi-document YAML of the kustomization in {@code dir}. */
  static String render(Path dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile("kustomize-", ".yaml");
    Path err = Files.createTempFile("kustomize-", ".err");
    try {
      Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + dir + " did not finish within 60 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + p.exitValue() + "): "
            + Files.readString(err, StandardCharsets.UTF_8).strip());
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
