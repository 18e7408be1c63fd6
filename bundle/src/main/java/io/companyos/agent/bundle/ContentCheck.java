package io.companyos.agent.bundle;

import io.companyos.agent.bundle.archive.ArchiveReader;
import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.RedactionReport;
import io.companyos.agent.bundle.pgp.DetachedSignatureCheck;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Walks a decrypted bundle archive: {@code manifest.json} first, its signature second, then every file, each
 * checked against the manifest (listed, once, right size, right SHA-256) as it streams into the sink.
 */
final class ContentCheck {

  static final long MAX_MANIFEST_BYTES = 16L << 20;
  static final long MAX_SIGNATURE_BYTES = 64L << 10;
  static final long MAX_REPORT_BYTES = 64L << 20;

  private final EntrySink sink;
  private Manifest manifest;
  private RedactionReport report;
  private String signerFingerprint;

  ContentCheck(EntrySink sink) {
    this.sink = sink;
  }

  void readAll(ArchiveReader archive) throws IOException, BundleException {
    ArchiveReader.Entry first = archive.next();
    if (first == null || !first.name().equals(StagedBundle.MANIFEST) || first.directory()) {
      throw new BundleException(BundleFailure.MALFORMED, first == null ? "the bundle archive is empty"
          : "the bundle's first entry is '" + first.name() + "', not manifest.json");
    }
    byte[] manifestBytes = readSmall(first, MAX_MANIFEST_BYTES);
    manifest = BundleReader.parseManifest(manifestBytes);
    if (manifest.formatVersion() > Manifest.FORMAT_VERSION) {
      throw new BundleException(BundleFailure.MALFORMED, "bundle format version " + manifest.formatVersion()
          + " is newer than this agent reads (" + Manifest.FORMAT_VERSION + "); update the agent");
    }
    ArchiveReader.Entry second = archive.next();
    if (second == null || !second.name().equals(StagedBundle.MANIFEST + ".sig") || second.directory()) {
      throw new BundleException(BundleFailure.SIGNATURE_INVALID, "manifest.json.sig is missing: the manifest is"
          + " not signed");
    }
    byte[] signatureBytes = readSmall(second, MAX_SIGNATURE_BYTES);
    checkSignature(manifestBytes, new String(signatureBytes, StandardCharsets.US_ASCII));
    // kept beside the files so the support engineer can check them again with gpg --verify
    sink.write(StagedBundle.MANIFEST, new ByteArrayInputStream(manifestBytes));
    sink.write(StagedBundle.MANIFEST + ".sig", new ByteArrayInputStream(signatureBytes));

    Map<String, FileEntry> expected = new LinkedHashMap<>();
    for (FileEntry file : manifest.files()) {
      expected.put(file.path(), file);
    }
    Set<String> seen = new HashSet<>();
    Map<String, byte[]> captured = new HashMap<>();
    for (ArchiveReader.Entry entry = archive.next(); entry != null; entry = archive.next()) {
      if (entry.directory()) {
        continue;
      }
      FileEntry listed = expected.get(entry.name());
      if (listed == null) {
        throw new BundleException(BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: '" + entry.name()
            + "' is in the bundle but not listed in the manifest");
      }
      if (!seen.add(entry.name())) {
        throw new BundleException(BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: '" + entry.name()
            + "' appears twice in the bundle");
      }
      if (entry.size() != listed.size()) {
        throw new BundleException(BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: '" + entry.name()
            + "' has " + entry.size() + " bytes, the manifest says " + listed.size());
      }
      MessageDigest digest = sha256();
      ByteArrayOutputStream capture = entry.name().equals(StagedBundle.REPORT) && listed.size() <= MAX_REPORT_BYTES
          ? new ByteArrayOutputStream() : null;
      InputStream content = new DigestInputStream(entry.content(), digest);
      sink.write(entry.name(), capture == null ? content : new Tee(content, capture));
      if (!HexFormat.of().formatHex(digest.digest()).equals(listed.sha256())) {
        throw new BundleException(BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: the SHA-256 of '"
            + entry.name() + "' differs from the manifest");
      }
      if (capture != null) {
        captured.put(entry.name(), capture.toByteArray());
      }
    }
    for (String path : expected.keySet()) {
      if (!seen.contains(path)) {
        throw new BundleException(BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: the manifest lists '"
            + path + "' but the bundle does not contain it");
      }
    }
    byte[] reportBytes = captured.get(StagedBundle.REPORT);
    if (reportBytes == null) {
      throw new BundleException(BundleFailure.MALFORMED, "the bundle has no redaction-report.json");
    }
    report = BundleReader.parseReport(reportBytes);
  }

  private void checkSignature(byte[] manifestBytes, String signature) throws BundleException {
    if (manifest.signer() == null) {
      throw new BundleException(BundleFailure.SIGNATURE_INVALID, "manifest.json names no signer: the manifest"
          + " cannot be verified");
    }
    DetachedSignatureCheck.Result result = BundleReader.checkSignature(manifestBytes, signature, manifest.signer());
    if (!result.valid()) {
      throw new BundleException(BundleFailure.SIGNATURE_INVALID, "manifest signature invalid: " + result.problem());
    }
    if (!result.signerFingerprint().equals(manifest.signer().fingerprint())) {
      throw new BundleException(BundleFailure.SIGNATURE_INVALID, "manifest signature invalid: the manifest names"
          + " signer " + manifest.signer().fingerprint() + " but carries key " + result.signerFingerprint());
    }
    signerFingerprint = result.signerFingerprint();
  }

  private static byte[] readSmall(ArchiveReader.Entry entry, long limit) throws IOException, BundleException {
    if (entry.size() > limit) {
      throw new BundleException(BundleFailure.MALFORMED, entry.name() + " is " + entry.size()
          + " bytes, more than the " + limit + " this format allows");
    }
    return entry.content().readNBytes((int) entry.size());
  }

  BundleContents contents() {
    return new BundleContents(manifest, report, signerFingerprint, null);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Copies what is read into a buffer (the report, which the summary needs). */
  private static final class Tee extends FilterInputStream {
    private final ByteArrayOutputStream copy;

    Tee(InputStream in, ByteArrayOutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        copy.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        copy.write(b, off, n);
      }
      return n;
    }
  }
}
