package io.companyos.agent.config;

/**
 * Names of this installation. The installation id itself is not configured: it is generated once into the state
 * directory.
 *
 * @param cluster the customer's name for the cluster (default {@code default})
 * @param node this node's name (default: the {@code NODE_NAME} environment variable from the downward API, else the
 *     host name)
 */
public record InstallationConfig(String cluster, String node) {
  public InstallationConfig {
    cluster = cluster == null || cluster.isBlank() ? "default" : cluster.trim();
    node = node == null || node.isBlank() ? NodeName.detect() : node.trim();
    if (!cluster.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new InvalidValueException("cluster", "must be 1-63 letters, digits, '.', '_' or '-'");
    }
  }
}
