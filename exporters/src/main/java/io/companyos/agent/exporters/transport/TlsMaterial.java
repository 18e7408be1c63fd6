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

/** Builds the transport's {@link SSLContext} from PEM files: trusted CAs and an optional client certificate. */
final class TlsMaterial {
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
        keys = keyManagers(options.clientCertificate().get(), options.clientKey().orElseThrow());
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

  private static KeyManager[] keyManagers(Path certificate, Path key) throws TransportSetupException,
      GeneralSecurityException {
    Certificate[] chain = certificates(certificate, "clientCertificate").toArray(new Certificate[0]);
    PrivateKey privateKey = privateKey(key);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new TransportSetupException("TLS setup failed (" + e.getClass().getSimpleName() + ")");
    }
    store.setKeyEntry("client", privateKey, NO_PASSWORD, chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, NO_PASSWORD);
    return kmf.getKeyManagers();
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

  private static PrivateKey privateKey(Path file) throws TransportSetupException {
    Object parsed;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(r)) {
      parsed = pem.readObject();
    } catch (IOException e) {
      throw new TransportSetupException("cannot read clientKey " + file + " (" + e.getClass().getSimpleName() + ")");
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
      return key.orElseThrow(() -> new TransportSetupException("clientKey " + file
          + " is not an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1)"));
    } catch (IOException e) {
      throw new TransportSetupException("clientKey " + file + " is not a usable private key");
    }
  }
}
