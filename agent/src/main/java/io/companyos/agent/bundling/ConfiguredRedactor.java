package io.companyos.agent.bundling;

import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.config.RedactionConfig;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.Redactor;
import io.companyos.agent.redaction.RevealLog;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The installation's {@link Redactor}: the built-in catalog, the configured customer domains, keywords, rules and
 * strategies ({@link RedactionConfig#applyTo}), and the
 * pseudonym key kept in the state directory (so pseudonyms stay stable across bundles of one installation).
 */
public final class ConfiguredRedactor {
  /**
   * The pseudonym key's file in the state directory (mode 0600); it never leaves the installation. The same file as
   * {@code agent redact} uses, so a value gets the same pseudonym in both.
   */
  public static final String PSEUDONYM_KEY_FILE = "pseudonym.key";

  private ConfiguredRedactor() {}

  /**
   * Builds the redactor, creating the pseudonym key on first use.
   *
   * @throws IOException if the key file cannot be read or created
   */
  public static Redactor build(RedactionConfig config, Path stateDir) throws IOException {
    return build(config, stateDir, null);
  }

  /**
   * As {@link #build(RedactionConfig, Path)}, recording each new pseudonym in {@code revealLog} (null: none).
   *
   * @throws IOException if the key file cannot be read or created
   */
  public static Redactor build(RedactionConfig config, Path stateDir, RevealLog revealLog) throws IOException {
    Redactor.Builder b = config.applyTo(Redactor.builder())
        .pseudonymKey(PseudonymKey.loadOrCreate(stateDir.resolve(PSEUDONYM_KEY_FILE)));
    return (revealLog == null ? b : b.revealLog(revealLog)).build();
  }

  /**
   * What the manifest records as the rules version: the agent build (which fixes the catalog) and how many customer
   * rules were added. Never the keywords or domains themselves, nor a hash of them (a customer name could be
   * confirmed by guessing).
   */
  public static String rulesVersion(RedactionConfig config) {
    return "agent " + AgentVersion.get() + " catalog; " + config.customerDomains().size() + " customer domains, "
        + config.keywords().size() + " keywords, " + config.rules().size() + " custom rules, "
        + config.strategies().size() + " strategy overrides";
  }
}
