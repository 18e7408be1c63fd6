package io.companyos.agent.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A {@code @TempDir} named {@code junit-} and 16 random letters, no digits, for a test that looks for a path that went
 * through redaction. JUnit's own names end in a random number of up to 20 digits, which the card detector takes for a
 * payment card about once in 95 names (19 digits, an issuer's prefix, Luhn-valid): such a path is redacted on its way
 * into the bundle and the file is not where the test looks.
 */
final class LetterNamedTempDir implements TempDirFactory {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    while (true) {
      StringBuilder name = new StringBuilder("junit-");
      for (int i = 0; i < 16; i++) {
        name.append((char) ('a' + RANDOM.nextInt(26)));
      }
      try {
        return Files.createDirectory(base.resolve(name.toString()),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException taken) {
        // another name
      }
    }
  }
}
