package io.companyos.agent.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

/** (Copy of policy's test signer.) A v4 RSA OpenPGP key generated for a test, able to write its public key and make detached signatures. */
public final class TestPolicySigner {
  private final PGPKeyPair pair;
  private final PGPPublicKeyRing ring;

  public TestPolicySigner(String userId) throws GeneralSecurityException, PGPException {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    pair = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), new Date());
    PGPKeyRingGenerator gen = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
        new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), null, null,
        new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
    ring = gen.generatePublicKeyRing();
  }

  public String keyId() {
    return String.format("%016X", pair.getKeyID());
  }

  public void writePublicKey(Path file) throws IOException {
    try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(file))) {
      ring.encode(out);
    }
  }

  /** An ASCII-armoured detached binary-document signature over {@code data}. */
  public byte[] sign(byte[] data) throws PGPException, IOException {
    PGPSignatureGenerator gen = new PGPSignatureGenerator(
        new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256), pair.getPublicKey());
    gen.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
    gen.update(data);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArmoredOutputStream out = new ArmoredOutputStream(bytes)) {
      gen.generate().encode(out);
    }
    return bytes.toByteArray();
  }

  /** Signs {@code file} into {@code file.asc}, returning the signature path. */
  public Path signFile(Path file) throws PGPException, IOException {
    Path sig = file.resolveSibling(file.getFileName() + ".asc");
    Files.write(sig, sign(Files.readAllBytes(file)));
    return sig;
  }
}
