package io.companyos.agent.bundle;

import io.companyos.agent.bundle.archive.ArchiveWriter;
import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.ManifestJson;
import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.MessageEncryption;
import io.companyos.agent.bundle.pgp.RecipientKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Seals a staged bundle: signs the manifest, then streams manifest, signature and files through the onion
 * tar &rarr; zstd frames &rarr; OpenPGP literal data &rarr; AES-256 SEIPD, and closes the layers innermost first.
 * Files whose content frame was made during staging are copied as they are between their header and padding
 * frames; the others are compressed here. Memory stays
 * bounded: everything is streamed from the staging directory.
 */
final class BundleSealer {

  private static final int BUFFER_BYTES = 256 * 1024;

  private final List<RecipientKey> recipients;
  private final InstallationSigningKey signingKey;
  private final int zstdLevel;
  private final int zstdWorkers;
  private final ManifestJson json = new ManifestJson();

  BundleSealer(List<RecipientKey> recipients, InstallationSigningKey signingKey, int zstdLevel, int zstdWorkers) {
    this.recipients = List.copyOf(recipients);
    this.signingKey = signingKey;
    this.zstdLevel = zstdLevel;
    this.zstdWorkers = zstdWorkers;
  }

  /** Writes the encrypted bundle to {@code out} (left open) and returns the signed manifest. */
  Manifest seal(StagedBundle staged, Map<String, List<Path>> frames, OutputStream out) throws IOException {
    Manifest manifest = staged.manifest()
        .withSigner(new Manifest.Signer(signingKey.fingerprint(), signingKey.armoredPublicKey()));
    byte[] manifestJson = json.write(manifest);
    byte[] signature = signingKey.signDetached(manifestJson).getBytes(StandardCharsets.US_ASCII);

    OutputStream message = MessageEncryption.open(out, recipients);
    // large writes into the cipher: Bouncy Castle's packet and MDC layers cost per call
    OutputStream buffered = new BufferedOutputStream(message, BUFFER_BYTES);
    ArchiveWriter archive = new ArchiveWriter(buffered, zstdLevel, zstdWorkers, manifest.createdAt());
    archive.addBytes(StagedBundle.MANIFEST, manifestJson);
    archive.addBytes(StagedBundle.MANIFEST + ".sig", signature);
    for (FileEntry file : manifest.files()) {
      List<Path> fileFrames = frames.get(file.path());
      if (fileFrames != null) {
        try (InputStream content = new FrameSequence(fileFrames)) {
          archive.addContentFrames(file.path(), file.size(), content);
        }
      } else {
        try (InputStream content = Files.newInputStream(staged.dir().resolve(file.path()))) {
          archive.addFile(file.path(), file.size(), content);
        }
      }
    }
    archive.finish();
    buffered.flush();
    message.close();
    return manifest;
  }

  /** A file's content frames read one after the other. */
  private static final class FrameSequence extends InputStream {
    private final java.util.Iterator<Path> next;
    private InputStream current;

    FrameSequence(List<Path> frames) {
      this.next = frames.iterator();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (true) {
        if (current == null) {
          if (!next.hasNext()) {
            return -1;
          }
          current = Files.newInputStream(next.next());
        }
        int n = current.read(b, off, len);
        if (n >= 0) {
          return n;
        }
        current.close();
        current = null;
      }
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
      }
    }
  }
}
