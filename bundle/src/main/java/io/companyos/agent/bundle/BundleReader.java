package io.companyos.agent.bundle;

import io.companyos.agent.bundle.archive.ArchiveReader;
import io.companyos.agent.bundle.archive.UnsafeEntryException;
import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.ManifestJson;
import io.companyos.agent.bundle.manifest.RedactionReport;
import io.companyos.agent.bundle.pgp.DecryptionKey;
import io.companyos.agent.bundle.pgp.DetachedSignatureCheck;
import io.companyos.agent.bundle.pgp.MessageDecryption;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPException;

/**
 * Opens bundles: decrypts, checks integrity, checks every file against the manifest and the manifest's signature,
 * and extracts safely. Every failure is a {@link BundleException} whose {@link BundleFailure} names the kind; on
 * failure nothing is left in the output directory and nothing is ever written outside it.
 */
public final class BundleReader {

  private final List<DecryptionKey> keys;

  /** @param keys secret keys to try (at least one) */
  public BundleReader(List<DecryptionKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one decryption key is required");
    }
    this.keys = List.copyOf(keys);
  }

  /**
   * Verifies the whole bundle and extracts it into {@code outDir}, which must be absent or empty. Files appear in
   * {@code outDir} only after everything verified.
   */
  public BundleContents extract(InputStream bundle, Path outDir) throws BundleException {
    boolean created = prepareOutput(outDir);
    Path staging;
    try {
      staging = FileTrees.createPrivateTempDir(outDir, ".companyos-extract-");
    } catch (IOException e) {
      throw new BundleException(BundleFailure.OUTPUT_UNUSABLE, "cannot write into " + outDir + ": "
          + e.getClass().getSimpleName(), e);
    }
    boolean done = false;
    try {
      BundleContents contents = read(bundle, new EntrySink.ToDirectory(staging));
      moveChildren(staging, outDir);
      done = true;
      return new BundleContents(contents.manifest(), contents.report(), contents.signerFingerprint(), outDir);
    } finally {
      FileTrees.deleteQuietly(staging);
      if (!done && created) {
        FileTrees.deleteQuietly(outDir);
      }
    }
  }

  /** Verifies the whole bundle like {@link #extract} but writes nothing; returns its manifest and report. */
  public BundleContents verify(InputStream bundle) throws BundleException {
    return read(bundle, new EntrySink.Discard());
  }

  private BundleContents read(InputStream bundle, EntrySink sink) throws BundleException {
    InputStream plain = decrypt(bundle);
    try {
      ContentCheck check = new ContentCheck(sink);
      ArchiveReader archive = null;
      try {
        archive = new ArchiveReader(new KeepOpenInput(plain));
        check.readAll(archive);
      } catch (BundleException | IOException | RuntimeException contentProblem) {
        // a damaged ciphertext shows up as damaged content first: ask the integrity check before blaming content
        drainAndCheckIntegrity(plain);
        throw contentProblem instanceof BundleException b ? b : classifyContent(contentProblem);
      } finally {
        closeQuietly(archive);
      }
      drainAndCheckIntegrity(plain);
      return check.contents();
    } finally {
      try {
        plain.close();
      } catch (IOException | RuntimeException ignored) {
        // verdict already reached
      }
    }
  }

  private InputStream decrypt(InputStream bundle) throws BundleException {
    try {
      PushbackInputStream in = new PushbackInputStream(bundle, 1);
      int first = in.read();
      if (first < 0) {
        throw new BundleException(BundleFailure.NOT_A_BUNDLE, "not an encrypted bundle: the input is empty");
      }
      in.unread(first);
      if ((first & 0x80) == 0 && first != '-') {
        // every binary OpenPGP packet header has the top bit set; '-' starts an ASCII-armoured message
        throw new BundleException(BundleFailure.NOT_A_BUNDLE, "not an encrypted bundle: the input is not an"
            + " OpenPGP message");
      }
      return MessageDecryption.open(in, keys);
    } catch (PGPException e) {
      throw new BundleException(BundleFailure.WRONG_KEY, "cannot decrypt: the bundle is not encrypted to "
          + (keys.size() == 1 ? "key " + keys.get(0).fingerprint() : "any of the given keys")
          + " (or its key packet is damaged)", e);
    } catch (EOFException e) {
      throw new BundleException(BundleFailure.TRUNCATED, "the bundle is truncated: it ends before the encrypted"
          + " data starts", e);
    } catch (IOException | RuntimeException e) {
      throw new BundleException(BundleFailure.NOT_A_BUNDLE, "not an encrypted bundle: the input is not an"
          + " OpenPGP message", e);
    }
  }

  /** Reads the decrypted stream to its end, which makes Bouncy Castle check the integrity packet (MDC). */
  private static void drainAndCheckIntegrity(InputStream plain) throws BundleException {
    byte[] buffer = new byte[64 * 1024];
    try {
      while (plain.read(buffer) >= 0) {
        // discard: only the integrity verdict at the end matters
      }
      plain.close();
    } catch (EOFException e) {
      throw new BundleException(BundleFailure.TRUNCATED, "the bundle is truncated: the file ends before the"
          + " encrypted data does (incomplete download or copy?)", e);
    } catch (IOException | RuntimeException e) {
      if (hasEofCause(e)) {
        throw new BundleException(BundleFailure.TRUNCATED, "the bundle is truncated: the file ends before the"
            + " encrypted data does (incomplete download or copy?)", e);
      }
      throw new BundleException(BundleFailure.INTEGRITY, "integrity check failed: the encrypted bundle was"
          + " modified or corrupted after it was written", e);
    }
  }

  private static boolean hasEofCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(ArchiveReader archive) {
    if (archive != null) {
      try {
        archive.close();
      } catch (IOException | RuntimeException ignored) {
        // the verdict does not depend on closing the decompressor
      }
    }
  }

  private static BundleException classifyContent(Exception e) {
    if (e instanceof UnsafeEntryException unsafe) {
      BundleFailure failure = switch (unsafe.kind()) {
        case ABSOLUTE_PATH -> BundleFailure.ABSOLUTE_PATH;
        case PATH_TRAVERSAL -> BundleFailure.PATH_TRAVERSAL;
        case LINK_OUTSIDE -> BundleFailure.LINK_OUTSIDE;
        case UNSUPPORTED_TYPE, INVALID_NAME -> BundleFailure.UNSUPPORTED_ENTRY;
      };
      return new BundleException(failure, unsafe.getMessage(), unsafe);
    }
    return new BundleException(BundleFailure.MALFORMED, "the decrypted content is not a valid bundle archive ("
        + e.getClass().getSimpleName() + ")", e);
  }

  private static boolean prepareOutput(Path outDir) throws BundleException {
    try {
      if (Files.exists(outDir, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(outDir, LinkOption.NOFOLLOW_LINKS)) {
          throw new BundleException(BundleFailure.OUTPUT_UNUSABLE, outDir + " exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(outDir)) {
          if (entries.findAny().isPresent()) {
            throw new BundleException(BundleFailure.OUTPUT_UNUSABLE, "output directory " + outDir
                + " is not empty; give a new or empty directory");
          }
        }
        return false;
      }
      Path parent = outDir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.createDirectory(outDir, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      return true;
    } catch (IOException e) {
      throw new BundleException(BundleFailure.OUTPUT_UNUSABLE, "cannot create output directory " + outDir + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  private static void moveChildren(Path from, Path to) throws BundleException {
    try (Stream<Path> children = Files.list(from)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        Files.move(child, to.resolve(child.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new BundleException(BundleFailure.OUTPUT_UNUSABLE, "cannot move the verified files into " + to + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** Lets the archive reader be closed without closing (and so prematurely verifying) the decrypted stream. */
  private static final class KeepOpenInput extends java.io.FilterInputStream {
    KeepOpenInput(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the reader drains and closes the decrypted stream itself
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Manifest parseManifest(byte[] json) throws BundleException {
    try {
      return new ManifestJson().readManifest(json);
    } catch (IOException | RuntimeException e) {
      throw new BundleException(BundleFailure.MALFORMED, "manifest.json is not a valid manifest", e);
    }
  }

  static RedactionReport parseReport(byte[] json) throws BundleException {
    try {
      return new ManifestJson().readReport(json);
    } catch (IOException | RuntimeException e) {
      throw new BundleException(BundleFailure.MALFORMED, "redaction-report.json is not a valid report", e);
    }
  }

  static DetachedSignatureCheck.Result checkSignature(byte[] manifest, String signature, Manifest.Signer signer) {
    return DetachedSignatureCheck.verify(manifest, signature, signer.publicKey());
  }
}
