package io.companyos.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS towards vendor endpoints (heartbeat and OTLP).
 *
 * @param caBundle PEM CA certificates trusted instead of the JVM's roots, e.g. for a TLS-inspecting proxy or a private
 *     relay (default: the JVM's roots)
 * @param clientCertificate PEM client certificate (chain) for mTLS (default none; requires {@code clientKey})
 * @param clientKey its unencrypted PEM private key: PKCS#8, PKCS#1 or SEC1 (e.g. a Kubernetes secret mount)
 */
public record TlsConfig(Path caBundle, Path clientCertificate, Path clientKey) {
  public TlsConfig {
    if ((clientCertificate == null) != (clientKey == null)) {
      throw new InvalidValueException(clientCertificate == null ? "clientCertificate" : "clientKey",
          "clientCertificate and clientKey go together");
    }
    readable(caBundle, "caBundle");
    readable(clientCertificate, "clientCertificate");
    readable(clientKey, "clientKey");
  }

  static TlsConfig none() {
    return new TlsConfig(null, null, null);
  }

  private static void readable(Path file, String key) {
    if (file != null && !Files.isReadable(file)) {
      throw new InvalidValueException(key, "cannot read " + file);
    }
  }
}
