package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories that outlive one test (a test class's keys and work directory, held in static fields that
 * JUnit's {@code @TempDir} does not manage): removed with their contents when the test JVM exits, so that a run of
 * the suite leaves nothing in the temporary directory.
 */
final class TestDirs {
  private TestDirs() {}

  static Path createDeletedAtExit(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir), "delete-" + prefix));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
