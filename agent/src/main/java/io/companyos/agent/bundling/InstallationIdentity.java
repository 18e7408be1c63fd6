package io.companyos.agent.bundling;

import io.companyos.agent.daemon.StateDirectory;
import io.companyos.agent.daemon.StateDirectoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The installation id for a one-shot command that may run beside the daemon ({@code kubectl exec … agent
 * export-bundle} while {@code agent run} holds the state directory's lock): opens the state directory when it is
 * free, which creates the id on first use; reads the existing id without the lock when the daemon holds it.
 */
public final class InstallationIdentity {
  /** The file {@link StateDirectory} keeps the id in. */
  static final String INSTALLATION_ID_FILE = "installation-id";

  private InstallationIdentity() {}

  /**
   * @throws StateDirectoryException when the directory cannot be created, or is locked and holds no id yet
   */
  public static String read(Path stateDir) throws StateDirectoryException {
    try (StateDirectory dir = StateDirectory.open(stateDir)) {
      return dir.installationId().toString();
    } catch (StateDirectoryException locked) {
      Path file = stateDir.resolve(INSTALLATION_ID_FILE);
      try {
        return UUID.fromString(Files.readString(file, StandardCharsets.US_ASCII).trim()).toString();
      } catch (IOException | IllegalArgumentException unreadable) {
        throw locked;
      }
    }
  }
}
