package io.companyos.agent.config;

import java.nio.file.Path;

/**
 * The daemon's own HTTP server.
 *
 * @param host bind address (default {@code 127.0.0.1})
 * @param port TCP port, 0 for any free port (default {@code 9464})
 * @param adminToken bearer token for the admin API, inline (prefer {@code adminTokenFile}); never printed
 * @param adminTokenFile file holding the admin token, e.g. a Kubernetes secret mount
 */
public record ServerConfig(String host, Integer port, Secret adminToken, Path adminTokenFile) {
  public static final int DEFAULT_PORT = 9464;

  public ServerConfig {
    host = host == null || host.isBlank() ? "127.0.0.1" : host.trim();
    port = port == null ? DEFAULT_PORT : port;
    if (port < 0 || port > 65535) {
      throw new InvalidValueException("port", "must be between 0 and 65535");
    }
    if (adminToken != null && adminTokenFile != null) {
      throw new InvalidValueException("adminTokenFile", "give either adminToken or adminTokenFile, not both");
    }
    if (adminTokenFile != null) {
      try {
        Secret.fromFile(adminTokenFile);
      } catch (InvalidValueException e) {
        throw new InvalidValueException("adminTokenFile", e.getMessage());
      }
    }
  }

  /** The admin token, read from its file at call time so that a rotated Kubernetes secret takes effect; or null. */
  public Secret adminTokenValue() {
    return adminTokenFile != null ? Secret.fromFile(adminTokenFile) : adminToken;
  }
}
