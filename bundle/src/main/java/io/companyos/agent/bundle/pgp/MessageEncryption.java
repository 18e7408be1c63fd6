package io.companyos.agent.bundle.pgp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPEncryptionNegotiator;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.OpenPGPMessageOutputStream;

/**
 * The two outer layers of the bundle onion: an OpenPGP literal data packet inside a symmetrically encrypted,
 * integrity-protected packet (SEIPD v1 with MDC, AES-256; RFC 4880, which GnuPG 2.2 reads), with one session key
 * encrypted to each recipient. No OpenPGP compression layer: the content is zstd already.
 */
public final class MessageEncryption {

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
    OpenPGPMessageGenerator generator = OpenPgp.api().signAndOrEncryptMessage()
        .setArmored(false)
        .setAllowPadding(false)
        .setPublicKeyBasedEncryptionNegotiator(new Seipd1Aes256());
    try {
      for (RecipientKey recipient : recipients) {
        generator.addEncryptionCertificate(recipient.certificate());
      }
      OpenPGPMessageOutputStream message = generator.open(new KeepOpen(out));
      return message;
    } catch (PGPException e) {
      throw new IOException("cannot start the OpenPGP message: " + e.getMessage(), e);
    }
  }

  /** Always SEIPD v1 + AES-256: the one mechanism both GnuPG 2.2 and every v4 key support. */
  private static final class Seipd1Aes256 extends OpenPGPEncryptionNegotiator {
    @Override
    public MessageEncryptionMechanism negotiateEncryption(OpenPGPMessageGenerator generator) {
      return MessageEncryptionMechanism.integrityProtected(SymmetricKeyAlgorithmTags.AES_256);
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
