package io.companyos.agent.config;

import io.companyos.agent.exporters.transport.TlsMaterial;
import io.companyos.agent.exporters.transport.TransportSetupException;
import java.nio.file.Path;
import javax.net.ssl.KeyManagerFactory;

/**
 * HTTPS for the daemon's own server: required when {@code server.host} is not a loopback address (unless
 * {@code server.insecure: true}).
 *
 * @param certificate PEM server certificate (chain), e.g. from a Kubernetes TLS secret ({@code tls.crt})
 * @param key its unencrypted PEM private key: PKCS#8, PKCS#1 or SEC1 ({@code tls.key})
 */
public record ServerTlsConfig(Path certificate, Path key) {
  public ServerTlsConfig {
    if (certificate == null && key == null) {
      throw new InvalidValueException("certificate", "give certificate and key (or leave out server.tls)");
    }
    if ((certificate == null) != (key == null)) {
      throw new InvalidValueException(certificate == null ? "certificate" : "key", "certificate and key go together");
    }
    // parsed now, so that check-config finds a wrong file; the daemon parses again when it starts
    keyManagers(certificate, key);
  }

  /** The server's key managers; the files are read on every call (a renewed certificate takes effect on restart). */
  public KeyManagerFactory keyManagers() {
    return keyManagers(certificate, key);
  }

  private static KeyManagerFactory keyManagers(Path certificate, Path key) {
    try {
      return TlsMaterial.keyManagerFactory(certificate, key, "certificate", "key");
    } catch (TransportSetupException e) {
      throw new InvalidValueException(e.getMessage().startsWith("key ") || e.getMessage().startsWith("cannot read key")
          ? "key" : "certificate", e.getMessage());
    }
  }
}
