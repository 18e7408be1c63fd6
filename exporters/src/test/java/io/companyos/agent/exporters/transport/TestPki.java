package io.companyos.agent.exporters.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away certificate authority for tests: a CA, a server certificate for localhost/127.0.0.1, client certs. */
final class TestPki {
  static final String PASSWORD = "changeit";
  private static final AtomicLong SERIAL = new AtomicLong(1);

  final KeyPair caKeys;
  final X509Certificate ca;

  TestPki(String name) throws GeneralSecurityException {
    caKeys = ecKeys();
    X500Name subject = new X500Name("CN=" + name);
    X509v3CertificateBuilder b = builder(subject, subject, caKeys);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    ca = sign(b, caKeys);
  }

  /** A certificate for the given purpose, signed by this CA. */
  Issued issue(String commonName, boolean server) throws GeneralSecurityException {
    return issue(commonName, server, ecKeys());
  }

  /** A client certificate with an RSA key (its PEM key is then written as PKCS#1 "RSA PRIVATE KEY"). */
  Issued issueRsaClient(String commonName) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return issue(commonName, false, g.generateKeyPair());
  }

  private Issued issue(String commonName, boolean server, KeyPair keys) throws GeneralSecurityException {
    X509v3CertificateBuilder b = builder(new X500Name("CN=" + ca.getSubjectX500Principal().getName().substring(3)),
        new X500Name("CN=" + commonName), keys);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
      if (server) {
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      }
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return new Issued(keys, sign(b, caKeys));
  }

  void writeCaPem(Path file) throws IOException {
    writePem(file, ca);
  }

  /** The CA as a PKCS#12 trust store (for WireMock's client-certificate check). */
  void writeTrustStore(Path file) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("ca", ca);
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, PASSWORD.toCharArray());
    }
  }

  record Issued(KeyPair keys, X509Certificate certificate) {
    void writeKeyStore(Path file, X509Certificate ca) throws IOException, GeneralSecurityException {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("key", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
      try (OutputStream out = Files.newOutputStream(file)) {
        ks.store(out, PASSWORD.toCharArray());
      }
    }

    void writeCertificatePem(Path file) throws IOException {
      writePem(file, certificate);
    }

    /** The key as PEM: PKCS#8 "PRIVATE KEY", or {@code traditional}: OpenSSL's "RSA PRIVATE KEY" (PKCS#1). */
    void writeKeyPem(Path file, boolean traditional) throws IOException {
      writePem(file, traditional ? keys
          : new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null));
    }
  }

  private static void writePem(Path file, Object o) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(o);
    }
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.getAndIncrement()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuerKeys)
      throws GeneralSecurityException {
    try {
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
