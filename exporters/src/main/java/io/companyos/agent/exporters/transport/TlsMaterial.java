package io.companyos.agent.exporters.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Builds the transport's {@link SSLContext} from PEM files: trusted CAs and an optional client certificate; and, for
 * the agent's own HTTPS server, a {@link KeyManagerFactory} from a PEM certificate chain and private key.
 */
public final class TlsMaterial {
  private static final char[] NO_PASSWORD = new char[0];

  private TlsMaterial() {}

  static SSLContext context(TransportOptions options) throws TransportSetupException {
    try {
      TrustManager[] trust = null;
      if (options.caBundle().isPresent()) {
        trust = trustManagers(options.caBundle().get());
      }
      KeyManager[] keys = null;
      if (options.clientCertificate().isPresent()) {
        keys = keyManagerFactory(options.clientCertificate().get(), options.clientKey().orElseThrow(),
            "clientCertificate", "clientKey").getKeyManagers();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, trust, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new TransportSetupException("TLS setup failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static TrustManager[] trustManagers(Path caBundle) throws TransportSetupException,
      GeneralSecurityException {
    Collection<? extends Certificate> cas = certificates(caBundle, "caBundle");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new TransportSetupException("TLS setup failed (" + e.getClass().getSimpleName() + ")");
    }
    int i = 0;
    for (Certificate ca : cas) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return tmf.getTrustManagers();
  }

  /**
   * Key managers for a PEM certificate (chain) and its unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1).
   *
   * @param certificateName how errors name the certificate (the configuration key)
   * @param keyName how errors name the key (the configuration key); errors never quote the files' content
   * @throws TransportSetupException when a file cannot be read or parsed, or the key does not fit
   */
  public static KeyManagerFactory keyManagerFactory(Path certificate, Path key, String certificateName,
      String keyName) throws TransportSetupException {
    try {
      return keyManagers(certificate, key, certificateName, keyName);
    } catch (GeneralSecurityException e) {
      throw new TransportSetupException(keyName + " " + key + " does not fit " + certificateName + " " + certificate
          + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static KeyManagerFactory keyManagers(Path certificate, Path key, String certificateName, String keyName)
      throws TransportSetupException, GeneralSecurityException {
    Certificate[] chain = certificates(certificate, certificateName).toArray(new Certificate[0]);
    PrivateKey privateKey = privateKey(key, keyName);
    if (!fits(privateKey, chain[0].getPublicKey())) {
      throw new TransportSetupException(keyName + " " + key + " does not fit " + certificateName + " " + certificate
          + " (a key of another certificate?)");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new TransportSetupException("TLS setup failed (" + e.getClass().getSimpleName() + ")");
    }
    store.setKeyEntry("client", privateKey, NO_PASSWORD, chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, NO_PASSWORD);
    return kmf;
  }

  /** Whether {@code key} is the private half of {@code publicKey}: it signs a challenge that verifies. */
  private static boolean fits(PrivateKey key, java.security.PublicKey publicKey) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      case "Ed448" -> "Ed448";
      default -> null;
    };
    if (algorithm == null) {
      return true; // a key type this check does not know: the TLS handshake will tell
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Collection<? extends Certificate> certificates(Path file, String what)
      throws TransportSetupException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new TransportSetupException(what + " " + file + " holds no certificate");
      }
      return certs;
    } catch (IOException e) {
      throw new TransportSetupException("cannot read " + what + " " + file + " (" + e.getClass().getSimpleName()
          + ")");
    } catch (GeneralSecurityException e) {
      throw new TransportSetupException(what + " " + file + " is not a PEM certificate file");
    }
  }

  private static PrivateKey privateKey(Path file, String keyName) throws TransportSetupException {
    Object parsed;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(r)) {
      parsed = pem.readObject();
    } catch (IOException e) {
      throw new TransportSetupException("cannot read " + keyName + " " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      Optional<PrivateKey> key = Optional.empty();
      if (parsed instanceof PEMKeyPair pair) {
        // SEC1 "EC PRIVATE KEY" may omit the public key; the private part is all TLS needs
        key = Optional.of(converter.getPrivateKey(pair.getPrivateKeyInfo()));
      } else if (parsed instanceof PrivateKeyInfo info) {
        key = Optional.of(converter.getPrivateKey(info));
      }
      return key.orElseThrow(() -> new TransportSetupException(keyName + " " + file
          + " is not an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1)"));
    } catch (IOException e) {
      throw new TransportSetupException(keyName + " " + file + " is not a usable private key");
    }
  }
}
