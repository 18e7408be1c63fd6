package io.companyos.agent.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, found from the module directory that Surefire runs the tests in. */
final class Repository {
  private Repository() {}

  /** The repository root: the directory holding the parent POM and {@code deploy/}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("deploy/kubernetes")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("not inside the repository: " + dir);
  }

  static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
