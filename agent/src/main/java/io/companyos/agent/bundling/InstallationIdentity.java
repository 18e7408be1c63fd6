package io.companyos.agent.bundling;

import io.companyos.agent.daemon.StateDirectory;
import io.companyos.agent.daemon.StateDirectoryException;
import java.nio.file.Path;

/**
 * The installation id for a one-shot command that may run beside the daemon ({@code kubectl exec … agent
 * export-bundle} while {@code agent run} holds the state directory's lock): opens the state directory when it is
 * free, which creates the id on first use; reads the existing id without the lock when the daemon holds it.
 */
public final class InstallationIdentity {
  private InstallationIdentity() {}

  /** See {@link StateDirectory#readInstallationId(Path)}. */
  public static String read(Path stateDir) throws StateDirectoryException {
    return StateDirectory.readInstallationId(stateDir).toString();
  }
}
