package io.companyos.agent.bundle.pgp;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPAEADDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * Bouncy Castle's JCA data encryptor, except that the content of an integrity-protected (SEIPD v1) AES packet is
 * encrypted by {@link CbcKeystreamCfb}: the same CFB ciphertext, from the JDK's CBC intrinsic. Everything else (the
 * MDC's SHA-1, the block size, AEAD packets, the unprotected packets' resynchronising CFB, other ciphers) is the
 * JCA builder's own.
 */
final class CbcCfbDataEncryptorBuilder implements PGPDataEncryptorBuilder {

  private final JcePGPDataEncryptorBuilder delegate;

  CbcCfbDataEncryptorBuilder(int symmetricKeyAlgorithm) {
    this.delegate = new JcePGPDataEncryptorBuilder(symmetricKeyAlgorithm);
  }

  @Override
  public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
    PGPDataEncryptor jca = delegate.build(keyBytes);
    // an MDC means SEIPD v1 (plain CFB); without one it is the old resynchronising CFB, and AEAD is another mode
    if (jca instanceof PGPAEADDataEncryptor || jca.getIntegrityCalculator() == null
        || !isAes(delegate.getAlgorithm())) {
      return jca;
    }
    byte[] key = keyBytes.clone();
    return new PGPDataEncryptor() {
      @Override
      public OutputStream getOutputStream(OutputStream out) {
        try {
          // SEIPD v1: plain CFB over the whole packet body with an all-zero IV (RFC 4880 5.13)
          return new CbcKeystreamCfb(key, new byte[jca.getBlockSize()], out);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("AES/CBC/NoPadding is in every JDK", e);
        }
      }

      @Override
      public PGPDigestCalculator getIntegrityCalculator() {
        return jca.getIntegrityCalculator();
      }

      @Override
      public int getBlockSize() {
        return jca.getBlockSize();
      }
    };
  }

  @Override
  public PGPDataEncryptor build(byte[] keyBytes, byte[] associatedData) throws PGPException {
    return delegate.build(keyBytes, associatedData);
  }

  private static boolean isAes(int algorithm) {
    return algorithm == SymmetricKeyAlgorithmTags.AES_128 || algorithm == SymmetricKeyAlgorithmTags.AES_192
        || algorithm == SymmetricKeyAlgorithmTags.AES_256;
  }

  @Override
  public int getAlgorithm() {
    return delegate.getAlgorithm();
  }

  @Override
  public int getAeadAlgorithm() {
    return delegate.getAeadAlgorithm();
  }

  @Override
  public int getChunkSize() {
    return delegate.getChunkSize();
  }

  @Override
  public boolean isV5StyleAEAD() {
    return delegate.isV5StyleAEAD();
  }

  @Override
  public SecureRandom getSecureRandom() {
    return delegate.getSecureRandom();
  }

  @Override
  public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
    delegate.setWithIntegrityPacket(withIntegrityPacket);
    return this;
  }

  @Override
  public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
    delegate.setWithAEAD(aeadAlgorithm, chunkSize);
    return this;
  }

  @Override
  public PGPDataEncryptorBuilder setUseV5AEAD() {
    delegate.setUseV5AEAD();
    return this;
  }

  @Override
  public PGPDataEncryptorBuilder setUseV6AEAD() {
    delegate.setUseV6AEAD();
    return this;
  }
}
