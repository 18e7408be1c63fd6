package io.companyos.agent.cli;

import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.bundle.pgp.RecipientKey;
import io.companyos.agent.bundling.ConfiguredRedactor;
import io.companyos.agent.bundling.DemoVendorKey;
import io.companyos.agent.bundling.InstallationIdentity;
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
 * else the demo vendor key, and then the caller prints {@link #DEMO_WARNING}), the installation id and signing key,
 * and the redactor with the installation's pseudonym key. Shared by {@code export-bundle} and {@code seal-bundle}.
 */
record BundleKeys(List<RecipientKey> recipients, boolean demoRecipient, String installationId,
    InstallationSigningKey signingKey, Redactor redactor) {

  /** Printed on stderr whenever the demo key is the recipient. */
  static final String DEMO_WARNING = "WARNING: no bundle.recipients configured: encrypting to the DEMO vendor key "
      + DemoVendorKey.FINGERPRINT + ", whose secret key is public (anyone can read this bundle). Configure the"
      + " real vendor key (bundle.recipients or --recipient) before sending a bundle from a real installation.";

  static BundleKeys load(AgentConfig config, List<Path> recipientOptions, Clock clock)
      throws UsageException, StateDirectoryException, KeyException, IOException {
    List<Path> files = recipientOptions != null && !recipientOptions.isEmpty() ? recipientOptions
        : config.bundle().recipients();
    List<RecipientKey> recipients = new ArrayList<>();
    for (Path file : files) {
      try {
        recipients.addAll(RecipientKey.read(file));
      } catch (KeyException e) {
        throw new UsageException("recipient key: " + e.getMessage());
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
