package io.companyos.agent.config;

/**
 * Names of this installation. The installation id itself is not configured: it is generated once into the state
 * directory.
 *
 * @param cluster the customer's name for the cluster (default {@code default})
 * @param node this node's name (default: the {@code NODE_NAME} environment variable from the downward API, else the
 *     host name)
 * @param productVersion the CompanyOS version installed here, reported in the heartbeat (default {@code unknown};
 *     letters, digits, {@code . + _ -}, at most 64 characters). The Helm chart or Compose file that installs CompanyOS
 *     sets it, e.g. with {@code COMPANYOS_AGENT_INSTALLATION_PRODUCT_VERSION}.
 */
public record InstallationConfig(String cluster, String node, String productVersion) {
  public InstallationConfig {
    cluster = cluster == null || cluster.isBlank() ? "default" : cluster.trim();
    node = node == null || node.isBlank() ? NodeName.detect() : node.trim();
    productVersion = productVersion == null || productVersion.isBlank() ? "unknown" : productVersion.trim();
    if (!productVersion.matches("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}")) {
      throw new InvalidValueException("productVersion", "must be a version: letters, digits, '.', '+', '_' or '-',"
          + " at most 64 characters");
    }
    if (!cluster.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new InvalidValueException("cluster", "must be 1-63 letters, digits, '.', '_' or '-'");
    }
  }
}
