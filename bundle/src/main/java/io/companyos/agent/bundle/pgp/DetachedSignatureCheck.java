package io.companyos.agent.bundle.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;

/** Verifies a detached signature against a given public key. */
public final class DetachedSignatureCheck {

  private DetachedSignatureCheck() {}

  /** Outcome of a check: whether it verified, and a one-line reason when it did not. */
  public record Result(boolean valid, String signerFingerprint, String problem) {}

  /**
   * @param data the signed bytes
   * @param armoredSignature one or more detached signatures; valid when one of them verifies with the key
   * @param armoredPublicKey the expected signer's certificate
   */
  public static Result verify(byte[] data, String armoredSignature, String armoredPublicKey) {
    OpenPGPApi api = OpenPgp.api();
    OpenPGPCertificate certificate;
    try {
      certificate = api.readKeyOrCertificate().parseCertificate(armoredPublicKey);
    } catch (IOException | RuntimeException e) {
      return new Result(false, "", "the signer's public key in the manifest is unreadable");
    }
    String fingerprint = Fingerprints.hex(certificate.getFingerprint());
    try {
      List<OpenPGPDocumentSignature> signatures = api.verifyDetachedSignature()
          .addSignatures(new ByteArrayInputStream(armoredSignature.getBytes(StandardCharsets.US_ASCII)))
          .addVerificationCertificate(certificate)
          .process(new ByteArrayInputStream(data));
      for (OpenPGPDocumentSignature signature : signatures) {
        if (signature.getIssuer() != null && signature.isValid()) {
          return new Result(true, fingerprint, "");
        }
      }
      return new Result(false, fingerprint, "the signature does not match the manifest or was not made by key "
          + fingerprint);
    } catch (IOException | PGPException | RuntimeException e) {
      return new Result(false, fingerprint, "the signature is unreadable");
    }
  }
}
