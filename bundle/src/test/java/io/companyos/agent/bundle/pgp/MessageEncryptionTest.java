package io.companyos.agent.bundle.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageEncryptionTest {

  private static final int PACKET = MessageEncryption.PACKET_BYTES;

  /**
   * Lengths around the partial-packet size, each written in pieces that straddle the packet boundaries, decrypt to
   * the same bytes for either of two recipients.
   */
  @Test
  void contentAroundThePacketSizeDecryptsForEveryRecipient() throws Exception {
    GeneratedKey first = KeysTest.GENERATOR.generateEncryptionKey("First", null, null);
    GeneratedKey second = KeysTest.GENERATOR.generateEncryptionKey("Second", null, null);
    List<RecipientKey> recipients = List.of(recipient(first), recipient(second));
    Random random = new Random(5);
    for (int length : new int[] {0, 1, 511, PACKET - 1, PACKET, PACKET + 1, 3 * PACKET + 5}) {
      byte[] plain = new byte[length];
      random.nextBytes(plain);
      ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
      try (OutputStream message = MessageEncryption.open(encrypted, recipients)) {
        for (int at = 0; at < length; ) {
          int n = Math.min(length - at, 1 + random.nextInt(PACKET / 3));
          if (n == 1) {
            message.write(plain[at]);
          } else {
            message.write(plain, at, n);
          }
          at += n;
        }
      }
      for (GeneratedKey key : List.of(first, second)) {
        assertThat(decrypt(encrypted.toByteArray(), key)).as("%d bytes for %s", length, key.fingerprint())
            .isEqualTo(plain);
      }
    }
  }

  /**
   * The encrypted packet (after the one session-key packet) starts with a partial body length of
   * {@link MessageEncryption#PACKET_BYTES}, not Bouncy Castle's generator's 1 KiB (RFC 4880 4.2.2.4: one octet
   * 224 + log2 of the length).
   */
  @Test
  void theEncryptedPacketStreamsInLargePartialPackets() throws Exception {
    GeneratedKey key = KeysTest.GENERATOR.generateEncryptionKey("Only", null, null);
    ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
    try (OutputStream message = MessageEncryption.open(encrypted, List.of(recipient(key)))) {
      message.write(new byte[2 * PACKET]);
    }
    byte[] bytes = encrypted.toByteArray();
    // new-format packet headers: tag octet 0xC0 | tag, then the length
    assertThat(bytes[0] & 0xFF).isEqualTo(0xC0 | 1);
    int sessionKeyLength = bytes[1] & 0xFF;
    assertThat(sessionKeyLength).isLessThan(192);
    int seipd = 2 + sessionKeyLength;
    assertThat(bytes[seipd] & 0xFF).isEqualTo(0xC0 | 18);
    assertThat(bytes[seipd + 1] & 0xFF).isEqualTo(224 + Integer.numberOfTrailingZeros(PACKET));
    assertThat(Integer.bitCount(PACKET)).isEqualTo(1);
  }

  private static RecipientKey recipient(GeneratedKey key) throws KeyException {
    return RecipientKey.parse(key.armoredPublicKey().getBytes(StandardCharsets.US_ASCII), "test").get(0);
  }

  private static byte[] decrypt(byte[] message, GeneratedKey key) throws Exception {
    DecryptionKey secret = DecryptionKey.parse(key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII), "test",
        null);
    try (InputStream in = MessageDecryption.open(new ByteArrayInputStream(message), List.of(secret))) {
      return in.readAllBytes();
    }
  }
}
