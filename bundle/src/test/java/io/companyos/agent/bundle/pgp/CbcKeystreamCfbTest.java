package io.companyos.agent.bundle.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

class CbcKeystreamCfbTest {

  /**
   * For any key size, IV, plaintext and way of cutting it into writes (single bytes, partial blocks, more than one
   * internal span), the ciphertext is the JDK's {@code AES/CFB/NoPadding} of the whole plaintext.
   */
  @Property(tries = 150)
  void equalsTheJdksCfb(@ForAll @IntRange(min = 0, max = 2) int keySize, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 200_000) int length,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 70_000) Integer> cuts) throws Exception {
    Random random = new Random(seed);
    byte[] key = new byte[16 + 8 * keySize];
    byte[] iv = new byte[16];
    byte[] plain = new byte[length];
    random.nextBytes(key);
    random.nextBytes(iv);
    random.nextBytes(plain);

    Cipher cfb = Cipher.getInstance("AES/CFB/NoPadding");
    cfb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    byte[] expected = cfb.doFinal(plain);

    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    try (OutputStream out = new CbcKeystreamCfb(key, iv, actual)) {
      writeInPieces(out, plain, cuts);
    }
    assertThat(actual.toByteArray()).isEqualTo(expected);
  }

  /** What the OpenPGP generator gets in its place: Bouncy Castle's own SEIPD v1 encryptor's ciphertext and MDC. */
  @Property(tries = 50)
  void equalsBouncyCastlesSeipdEncryptor(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100_000) int length,
      @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 40_000) Integer> cuts) throws Exception {
    Random random = new Random(seed);
    byte[] key = new byte[32];
    byte[] plain = new byte[length];
    random.nextBytes(key);
    random.nextBytes(plain);

    PGPDataEncryptor bc = new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
        .setWithIntegrityPacket(true).build(key);
    PGPDataEncryptor ours = new CbcCfbDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
        .setWithIntegrityPacket(true).build(key);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (OutputStream out = bc.getOutputStream(expected)) {
      writeInPieces(out, plain, List.of());
    }
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    try (OutputStream out = ours.getOutputStream(actual)) {
      writeInPieces(out, plain, cuts);
    }
    assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(ours.getBlockSize()).isEqualTo(bc.getBlockSize());
    assertThat(ours.getIntegrityCalculator().getAlgorithm()).isEqualTo(bc.getIntegrityCalculator().getAlgorithm());
  }

  /** Writes {@code plain} cut at the given lengths (a 1 writes a single byte with write(int)), then the rest. */
  private static void writeInPieces(OutputStream out, byte[] plain, List<Integer> cuts) throws Exception {
    int at = 0;
    for (int cut : cuts) {
      int n = Math.min(cut, plain.length - at);
      if (n == 1) {
        out.write(plain[at]);
      } else {
        out.write(plain, at, n);
      }
      at += n;
    }
    out.write(plain, at, plain.length - at);
  }
}
