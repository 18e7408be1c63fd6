package io.companyos.agent.bundle.pgp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;

/**
 * The two outer layers of the bundle onion: an OpenPGP literal data packet inside a symmetrically encrypted,
 * integrity-protected packet (SEIPD v1 with MDC, AES-256; RFC 4880, which GnuPG 2.2 reads), with one session key
 * encrypted to each recipient. No OpenPGP compression layer: the content is zstd already.
 *
 * <p>Both packets are streamed as partial-length packets of {@link #PACKET_BYTES}. Bouncy Castle's message generator
 * (the {@code OpenPGPMessageGenerator} this class used before) fixes them at 1 KiB: for a 185 MB bundle ~180,000
 * packets in each layer, each cut into two writes (its length byte, its body) through the cipher, the MDC's SHA-1
 * and the file. The packets are otherwise the generator's: the same recipients' encryption subkeys (every valid
 * encryption subkey the policy accepts), a fresh session key, a binary literal packet with no name and the current
 * time.
 */
public final class MessageEncryption {

  /** Partial-length packet size (a power of two; RFC 4880 allows up to 1 GiB). */
  static final int PACKET_BYTES = 256 * 1024;

  private MessageEncryption() {}

  /**
   * Opens the encrypting stream. Closing it writes the MDC and ends the message but leaves {@code out} open.
   *
   * @param recipients at least one
   */
  public static OutputStream open(OutputStream out, List<RecipientKey> recipients) throws IOException {
    Objects.requireNonNull(out, "out");
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("at least one recipient is required");
    }
    OpenPGPImplementation implementation = new JdkCipherImplementation();
    OpenPGPPolicy policy = implementation.policy();
    PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(
        implementation.pgpDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true));
    encryption.setForceSessionKey(true);
    for (RecipientKey recipient : recipients) {
      int subkeys = 0;
      for (OpenPGPComponentKey key : recipient.certificate().getEncryptionKeys()) {
        if (policy.isAcceptablePublicKey(key.getPGPPublicKey())) {
          encryption.addMethod(implementation.publicKeyKeyEncryptionMethodGenerator(key.getPGPPublicKey()));
          subkeys++;
        }
      }
      if (subkeys == 0) {
        throw new IOException("cannot start the OpenPGP message: key " + recipient.fingerprint()
            + " has no usable encryption subkey");
      }
    }
    try {
      OutputStream encrypted = encryption.open(new KeepOpen(out), new byte[PACKET_BYTES]);
      PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
      OutputStream content = literal.open(encrypted, PGPLiteralData.BINARY, "", PGPLiteralData.NOW,
          new byte[PACKET_BYTES]);
      return new Message(content, literal, encryption);
    } catch (PGPException e) {
      throw new IOException("cannot start the OpenPGP message: " + e.getMessage(), e);
    }
  }

  /** The literal data stream; closing it ends the literal packet, then the encrypted packet with its MDC. */
  private static final class Message extends FilterOutputStream {
    private final PGPLiteralDataGenerator literal;
    private final PGPEncryptedDataGenerator encryption;
    private boolean closed;

    Message(OutputStream content, PGPLiteralDataGenerator literal, PGPEncryptedDataGenerator encryption) {
      super(content);
      this.literal = literal;
      this.encryption = encryption;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      literal.close();
      encryption.close();
    }
  }

  /** Lets the caller fsync and close the file (or leave stdout open) after the message is complete. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
