package io.companyos.agent.bundling;

import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.bundle.pgp.RecipientKey;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.daemon.StateDirectoryException;
import io.companyos.agent.redaction.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What writing a bundle needs from the installation: recipients ({@code --recipient}, else {@code bundle.recipients},
 * else the demo vendor key, and then the caller warns with {@link #DEMO_WARNING}), the installation id and signing
 * key, and the redactor with the installation's pseudonym key. Shared by {@code export-bundle}, {@code seal-bundle}
 * and the daemon's {@code POST /v1/bundles}.
 */
public record BundleKeys(List<RecipientKey> recipients, boolean demoRecipient, String installationId,
    InstallationSigningKey signingKey, Redactor redactor) {

  /** Printed on stderr (logged by the daemon) whenever the demo key is the recipient. */
  public static final String DEMO_WARNING = "WARNING: no bundle.recipients configured: encrypting to the DEMO vendor"
      + " key " + DemoVendorKey.FINGERPRINT + ", whose secret key is public (anyone can read this bundle). Configure"
      + " the real vendor key (bundle.recipients or --recipient) before sending a bundle from a real installation.";

  /** A recipient key file that cannot be used; the message names the file, never key material. */
  public static final class RecipientException extends Exception {
    private static final long serialVersionUID = 1L;

    RecipientException(String message) {
      super(message);
    }
  }

  /**
   * Loads the keys.
   *
   * @param recipientOptions recipient files overriding {@code bundle.recipients}; null or empty for the configured ones
   * @throws RecipientException when a recipient file cannot be read or holds no usable key
   */
  public static BundleKeys load(AgentConfig config, List<Path> recipientOptions, Clock clock)
      throws RecipientException, StateDirectoryException, KeyException, IOException {
    List<Path> files = recipientOptions != null && !recipientOptions.isEmpty() ? recipientOptions
        : config.bundle().recipients();
    List<RecipientKey> recipients = new ArrayList<>();
    for (Path file : files) {
      try {
        recipients.addAll(RecipientKey.read(file));
      } catch (KeyException e) {
        throw new RecipientException("recipient key: " + e.getMessage());
      }
    }
    boolean demo = recipients.isEmpty();
    if (demo) {
      recipients.addAll(DemoVendorKey.recipients());
    }
    Path stateDir = config.stateDir();
    String installationId = InstallationIdentity.read(stateDir);
    InstallationSigningKey signing = InstallationSigningKey.loadOrCreate(stateDir, installationId, clock);
    Redactor redactor = ConfiguredRedactor.build(config.redaction(), stateDir);
    return new BundleKeys(List.copyOf(recipients), demo, installationId, signing, redactor);
  }
}
