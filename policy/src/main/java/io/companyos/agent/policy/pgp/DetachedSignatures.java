package io.companyos.agent.policy.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies detached OpenPGP signatures ({@code gpg --detach-sign [--armor]}, binary mode) over data held in memory
 * (policy and license files are small). Distinguishes a changed file from a signature by an untrusted key.
 */
public final class DetachedSignatures {
  private DetachedSignatures() {}

  /** The outcome, and the key id of the signer when the signature was readable. */
  public record Result(SignatureVerdict verdict, Optional<String> signerKeyId) {}

  public static Result verify(byte[] data, byte[] signature, List<PGPPublicKeyRing> trusted) {
    PGPSignatureList list;
    try {
      list = signatures(signature);
    } catch (IOException | PGPException | RuntimeException e) {
      return new Result(SignatureVerdict.MALFORMED, Optional.empty());
    }
    if (list == null || list.isEmpty()) {
      return new Result(SignatureVerdict.MALFORMED, Optional.empty());
    }
    Optional<String> firstSigner = Optional.empty();
    boolean trustedSigner = false;
    for (PGPSignature sig : list) {
      String keyId = String.format("%016X", sig.getKeyID());
      firstSigner = firstSigner.or(() -> Optional.of(keyId));
      PGPPublicKey key = find(trusted, sig.getKeyID());
      if (key == null || key.hasRevocation()) {
        continue;
      }
      trustedSigner = true;
      try {
        sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        sig.update(data);
        if (sig.getSignatureType() == PGPSignature.BINARY_DOCUMENT && sig.verify()) {
          return new Result(SignatureVerdict.VALID, Optional.of(keyId));
        }
      } catch (PGPException | RuntimeException e) {
        // an unusable signature by this key counts as a mismatch
      }
    }
    return new Result(trustedSigner ? SignatureVerdict.BAD_SIGNATURE : SignatureVerdict.UNTRUSTED_KEY, firstSigner);
  }

  /** A key's id as {@link Result#signerKeyId()} shows it: 16 upper-case hex digits. */
  public static String keyId(PGPPublicKey key) {
    return HexFormat.of().withUpperCase().toHexDigits(key.getKeyID());
  }

  private static PGPSignatureList signatures(byte[] signature) throws IOException, PGPException {
    InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature));
    BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
    Object o = factory.nextObject();
    if (o instanceof PGPCompressedData compressed) {
      o = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
    }
    return o instanceof PGPSignatureList l ? l : null;
  }

  private static PGPPublicKey find(List<PGPPublicKeyRing> rings, long keyId) {
    for (PGPPublicKeyRing ring : rings) {
      PGPPublicKey k = ring.getPublicKey(keyId);
      if (k != null) {
        return k;
      }
    }
    return null;
  }
}
