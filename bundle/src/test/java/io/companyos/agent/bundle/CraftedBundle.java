package io.companyos.agent.bundle;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.ManifestJson;
import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.MessageEncryption;
import io.companyos.agent.bundle.pgp.RecipientKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds validly encrypted bundles with arbitrary (hostile) content, as an attacker holding the vendor's public key
 * could: what the reader must refuse even though decryption and the integrity check succeed.
 */
final class CraftedBundle {

  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();
  private final List<FileEntry> listed = new ArrayList<>();
  private boolean signManifest = true;
  private InstallationSigningKey signer;
  private Manifest.Signer claimedSigner;

  CraftedBundle(InstallationSigningKey signer) {
    this.signer = signer;
  }

  /** A file listed in the manifest with its true hash. */
  CraftedBundle file(String name, String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    listed.add(new FileEntry(name, bytes.length, sha256(bytes)));
    return entry(regular(name, bytes.length), bytes);
  }

  /** A file in the archive only. */
  CraftedBundle unlisted(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return entry(regular(name, bytes.length), bytes);
  }

  /** A manifest line only. */
  CraftedBundle listedOnly(String name, String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    listed.add(new FileEntry(name, bytes.length, sha256(bytes)));
    return this;
  }

  CraftedBundle link(String name, String target, boolean symbolic) {
    TarArchiveEntry entry = new TarArchiveEntry(name, symbolic ? TarArchiveEntry.LF_SYMLINK : TarArchiveEntry.LF_LINK,
        true);
    entry.setLinkName(target);
    return entry(entry, new byte[0]);
  }

  CraftedBundle unsigned() {
    signManifest = false;
    return this;
  }

  CraftedBundle signedBy(InstallationSigningKey otherKey, Manifest.Signer claimed) {
    this.signer = otherKey;
    this.claimedSigner = claimed;
    return this;
  }

  private CraftedBundle entry(TarArchiveEntry entry, byte[] content) {
    entries.add(entry);
    contents.add(content);
    return this;
  }

  private static TarArchiveEntry regular(String name, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(size);
    return entry;
  }

  byte[] encryptTo(List<RecipientKey> recipients) throws Exception {
    String reportJson = "{\"rulesVersion\":\"r\",\"files\":{},\"totals\":{}}";
    byte[] report = reportJson.getBytes(StandardCharsets.UTF_8);
    List<FileEntry> files = new ArrayList<>();
    files.add(new FileEntry("redaction-report.json", report.length, sha256(report)));
    files.addAll(listed);
    Manifest manifest = new Manifest(1, "1", "inst", "c", "n", "airgapped", TestBundles.NOW,
        io.companyos.agent.bundle.manifest.TimeWindow.endingAt(TestBundles.NOW, Duration.ofHours(1)), "r",
        List.of(), files, List.of(), List.of(), claimedSigner != null ? claimedSigner
            : new Manifest.Signer(signer.fingerprint(), signer.armoredPublicKey()));
    byte[] manifestJson = new ManifestJson().write(manifest);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream message = MessageEncryption.open(out, recipients)) {
      ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(message, 3);
      TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      put(tar, regular("manifest.json", manifestJson.length), manifestJson);
      if (signManifest) {
        byte[] sig = signer.signDetached(manifestJson).getBytes(StandardCharsets.US_ASCII);
        put(tar, regular("manifest.json.sig", sig.length), sig);
      }
      put(tar, regular("redaction-report.json", report.length), report);
      for (int i = 0; i < entries.size(); i++) {
        put(tar, entries.get(i), contents.get(i));
      }
      tar.finish();
      tar.flush();
      zstd.closeWithoutClosingParentStream();
    }
    return out.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content) throws IOException {
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
