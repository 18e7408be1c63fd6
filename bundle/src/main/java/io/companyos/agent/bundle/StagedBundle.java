package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.ManifestJson;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.RedactionReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Redacted files in a directory, laid out as in the bundle, with their (unsigned) manifest: the state between
 * collecting and sealing. {@code export-bundle --review DIR} leaves one behind for the admin to read;
 * {@code seal-bundle DIR} seals exactly what is there.
 *
 * @param manifest lists {@code redaction-report.json} and every staged file, with sizes and SHA-256
 */
public record StagedBundle(Path dir, Manifest manifest, RedactionReport report) {

  static final String MANIFEST = "manifest.json";
  static final String REPORT = "redaction-report.json";

  public StagedBundle {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(report, "report");
  }

  /**
   * Re-reads a review directory and checks it against its manifest. Files the admin deleted are recorded as
   * omissions ("removed during review"); a changed file, or any file the export did not stage, is refused, because
   * only what went through redaction may be sealed.
   */
  public static StagedBundle open(Path reviewDir) throws BundleException, IOException {
    ManifestJson json = new ManifestJson();
    Manifest manifest;
    RedactionReport report;
    try {
      manifest = json.readManifest(Files.readAllBytes(reviewDir.resolve(MANIFEST)));
      report = json.readReport(Files.readAllBytes(reviewDir.resolve(REPORT)));
    } catch (NoSuchFileException e) {
      throw new BundleException(BundleFailure.REVIEW_MISMATCH,
          reviewDir + " is not a review directory: " + Path.of(e.getFile()).getFileName() + " is missing");
    } catch (IOException e) {
      throw new BundleException(BundleFailure.REVIEW_MISMATCH,
          "cannot read the manifest in " + reviewDir + ": " + e.getClass().getSimpleName(), e);
    }
    List<FileEntry> kept = new ArrayList<>();
    List<Omission> omissions = new ArrayList<>(manifest.omissions());
    Set<String> listed = new HashSet<>();
    for (FileEntry file : manifest.files()) {
      listed.add(file.path());
      Path path = reviewDir.resolve(file.path());
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        if (file.path().equals(REPORT)) {
          throw new BundleException(BundleFailure.REVIEW_MISMATCH, REPORT + " was removed from " + reviewDir);
        }
        omissions.add(new Omission(file.path(), "removed during review"));
        continue;
      }
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new BundleException(BundleFailure.REVIEW_MISMATCH, file.path() + " in " + reviewDir
            + " is no longer a regular file");
      }
      if (!sha256(path).equals(file.sha256())) {
        throw new BundleException(BundleFailure.REVIEW_MISMATCH, file.path() + " in " + reviewDir
            + " changed after export; only the exported (redacted) bytes can be sealed: delete the file to leave"
            + " it out, or export again");
      }
      kept.add(file);
    }
    try (Stream<Path> walk = Files.walk(reviewDir)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String relative = reviewDir.relativize(path).toString().replace('\\', '/');
        if (!relative.equals(MANIFEST) && !listed.contains(relative)) {
          throw new BundleException(BundleFailure.REVIEW_MISMATCH, relative + " in " + reviewDir
              + " was not produced by the export; only exported (redacted) files can be sealed");
        }
      }
    }
    return new StagedBundle(reviewDir, manifest.withContent(kept, omissions, manifest.truncations()), report);
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
