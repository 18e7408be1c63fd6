package io.companyos.agent.bundle.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.OpenPGPMessageProcessor;

/**
 * Opens an encrypted bundle with one of the given secret keys. The returned stream yields the literal data; it checks
 * the integrity packet (MDC) when the end of the data is read, throwing an {@link IOException} if anything changed.
 */
public final class MessageDecryption {

  private MessageDecryption() {}

  /**
   * @throws PGPException when no key opens the message (wrong key, or a damaged session-key packet)
   * @throws IOException when the input is not an OpenPGP message or ends early
   */
  public static InputStream open(InputStream in, List<DecryptionKey> keys) throws IOException, PGPException {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one decryption key is required");
    }
    OpenPGPMessageProcessor processor = OpenPgp.api().decryptAndOrVerifyMessage();
    for (DecryptionKey key : keys) {
      char[] passphrase = key.passphrase();
      if (passphrase == null) {
        processor.addDecryptionKey(key.key());
      } else {
        processor.addDecryptionKey(key.key(), passphrase);
      }
    }
    OpenPGPMessageInputStream message = processor.process(in);
    return message;
  }
}
