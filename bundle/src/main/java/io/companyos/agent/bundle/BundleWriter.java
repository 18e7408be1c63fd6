package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.ManifestJson;
import io.companyos.agent.bundle.manifest.RedactionReport;
import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.RecipientKey;
import io.companyos.agent.bundle.pgp.SealWarmUp;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes support bundles. Built once per export configuration; {@link #export} runs the redaction self-test, redacts
 * every source into a private staging directory (in parallel, within the limits), writes the manifest, then seals
 * everything into one encrypted file and removes the staging directory.
 */
public final class BundleWriter {

  /**
   * Chunks of a large text file redacted in parallel: small enough to balance the workers at the end (half a second
   * of redaction per core), large enough that each chunk's own zstd frame costs little ratio (~22 KB per frame
   * measured on the benchmark's logs: +0.7 % bundle size at 16 MiB, +3 % at 4 MiB).
   */
  public static final long DEFAULT_CHUNK_BYTES = 16L * 1024 * 1024;

  /**
   * The zstd level of the bundle's frames. 1, not zstd's default 3: the files are compressed on the redacting threads,
   * where level 3 took a third of their CPU (interleaved with the redaction engine, its larger match tables cost ~1.5x
   * what the same compression costs alone); level 1 took a fifth, and the whole export 17 % less CPU, for a 14 % larger
   * bundle (211 against 185 MB for the benchmark's 1 GiB of logs; {@code tar | zstd -3} of the unredacted logs makes
   * 227 MB). docs/benchmarks.md, bundle export.
   */
  public static final int DEFAULT_ZSTD_LEVEL = 1;

  /** The levels {@link Builder#zstdLevel} accepts: zstd's ordinary ones (20-22 need far more memory). */
  public static final int MAX_ZSTD_LEVEL = 19;

  private final ContentRedactor redactor;
  private final CanaryCheck canaryCheck;
  private final List<RecipientKey> recipients;
  private final InstallationSigningKey signingKey;
  private final BundleLimits limits;
  private final Path workDir;
  private final int parallelism;
  private final int zstdWorkers;
  private final int zstdLevel;
  private final long chunkBytes;
  private final Clock clock;
  private final ExportProgress progress;

  private BundleWriter(Builder builder) {
    this.redactor = Objects.requireNonNull(builder.redactor, "redactor is required");
    this.canaryCheck = Objects.requireNonNull(builder.canaryCheck, "canaryCheck is required");
    this.signingKey = Objects.requireNonNull(builder.signingKey, "signingKey is required");
    if (builder.recipients.isEmpty()) {
      throw new IllegalStateException("at least one recipient is required");
    }
    this.recipients = List.copyOf(builder.recipients);
    this.limits = builder.limits;
    this.workDir = builder.workDir;
    this.parallelism = builder.parallelism;
    this.zstdWorkers = builder.zstdWorkers;
    this.zstdLevel = builder.zstdLevel;
    this.chunkBytes = builder.chunkBytes;
    this.clock = builder.clock;
    this.progress = builder.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects, redacts and seals one bundle.
   *
   * @param collectors what each collector did (recorded in the manifest as given)
   * @throws BundleException {@link BundleFailure#CANARY_SURVIVED} before anything is written, or
   *     {@link BundleFailure#EXPORT_FAILED}; no partial bundle file remains either way
   */
  public ExportReceipt export(BundleInfo info, List<BundleSource> sources, List<CollectorRun> collectors,
      BundleTarget target) throws BundleException, InterruptedException {
    runCanaryCheck();
    Path staging;
    java.nio.channels.FileChannel stagingLock;
    try {
      if (Files.isDirectory(workDir)) {
        Leftovers.sweep(workDir);
      }
      staging = FileTrees.createPrivateTempDir(workDir, Leftovers.STAGING_PREFIX);
      // held while this export lives: tells a concurrent export's sweep that this directory is in use
      stagingLock = java.nio.channels.FileChannel.open(staging.resolve(Leftovers.LOCK),
          java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
      Leftovers.hold(stagingLock);
    } catch (IOException e) {
      throw new BundleException(BundleFailure.EXPORT_FAILED,
          "cannot create a private staging directory in " + workDir + ": " + e.getClass().getSimpleName(), e);
    }
    // Ctrl-C: the redacted plaintext must not outlive the export either
    Thread removeOnShutdown = new Thread(() -> FileTrees.deleteQuietly(staging), "bundle-staging-cleanup");
    Runtime.getRuntime().addShutdownHook(removeOnShutdown);
    try {
      Path frames = FileTrees.createPrivateTempDir(staging, ".frames-");
      Staged staged = stageInto(info, sources, collectors, staging,
          new SourceStager.Framing(frames, createdAt(), zstdLevel));
      return seal(staged.bundle(), staged.frames(), target);
    } catch (IOException e) {
      throw new BundleException(BundleFailure.EXPORT_FAILED, "staging the bundle failed: " + describe(e), e);
    } finally {
      try {
        stagingLock.close();
      } catch (IOException ignored) {
        // the directory goes next either way
      }
      FileTrees.deleteQuietly(staging);
      try {
        Runtime.getRuntime().removeShutdownHook(removeOnShutdown);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
  }

  /**
   * Collects and redacts into {@code reviewDir} (created 0700; must be absent or empty) and stops: the admin reads
   * the plaintext there, then {@link #seal seals} exactly those bytes.
   */
  public StagedBundle stageForReview(BundleInfo info, List<BundleSource> sources, List<CollectorRun> collectors,
      Path reviewDir) throws BundleException, InterruptedException {
    runCanaryCheck();
    try {
      if (Files.exists(reviewDir, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> entries = Files.list(reviewDir)) {
          if (entries.findAny().isPresent()) {
            throw new BundleException(BundleFailure.OUTPUT_UNUSABLE,
                "review directory " + reviewDir + " is not empty");
          }
        }
      } else {
        Files.createDirectories(reviewDir.toAbsolutePath().getParent());
        Files.createDirectory(reviewDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      }
      StagedBundle staged = stageInto(info, sources, collectors, reviewDir, null).bundle();
      Files.write(reviewDir.resolve(StagedBundle.MANIFEST), new ManifestJson().write(staged.manifest()));
      return staged;
    } catch (IOException e) {
      throw new BundleException(BundleFailure.EXPORT_FAILED,
          "cannot write the review directory " + reviewDir + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** Seals a staged bundle (from {@link #stageForReview} then {@link StagedBundle#open}) into {@code target}. */
  public ExportReceipt seal(StagedBundle staged, BundleTarget target) throws BundleException {
    return seal(staged, Map.of(), target);
  }

  private ExportReceipt seal(StagedBundle staged, Map<String, List<Path>> frames, BundleTarget target)
      throws BundleException {
    progress.phase(ExportProgress.Phase.SEALING);
    BundleSealer sealer = new BundleSealer(recipients, signingKey, zstdLevel, zstdWorkers);
    try {
      if (target instanceof BundleTarget.Stream stream) {
        HashingOutput out = new HashingOutput(stream.out(), progress);
        Manifest manifest = sealBehind(sealer, staged, frames, out);
        out.flush();
        progress.phase(ExportProgress.Phase.DONE);
        return new ExportReceipt(null, out.count, out.hex(), manifest, staged.report());
      }
      Path path = target instanceof BundleTarget.File file ? file.file()
          : ((BundleTarget.Directory) target).dir().resolve(BundleFileName.of(
              staged.manifest().cluster(), staged.manifest().node(), staged.manifest().createdAt()));
      try (AtomicBundleFile file = new AtomicBundleFile(path)) {
        HashingOutput out = new HashingOutput(file.stream(), progress);
        Manifest manifest = sealBehind(sealer, staged, frames, out);
        out.flush();
        Path written = file.commit();
        progress.phase(ExportProgress.Phase.DONE);
        return new ExportReceipt(written, out.count, out.hex(), manifest, staged.report());
      }
    } catch (IOException e) {
      throw new BundleException(BundleFailure.EXPORT_FAILED, "writing the bundle failed: " + describe(e), e);
    }
  }

  /**
   * Seals into {@code out} through a {@link WriteBehindOutput}: the receipt's hash and the writes run on a second
   * thread beside the encryption. Returns when everything is written to {@code out}; on any failure the second thread
   * has ended before this throws.
   */
  private static Manifest sealBehind(BundleSealer sealer, StagedBundle staged, Map<String, List<Path>> frames,
      HashingOutput out) throws IOException {
    WriteBehindOutput behind = new WriteBehindOutput(out, "bundle-writer");
    try {
      Manifest manifest = sealer.seal(staged, frames, behind);
      behind.close();
      return manifest;
    } finally {
      behind.stop();
    }
  }

  private void runCanaryCheck() throws BundleException {
    List<String> survivors = canaryCheck.survivingCanaries();
    if (!survivors.isEmpty()) {
      throw new BundleException(BundleFailure.CANARY_SURVIVED, "redaction self-test failed: canaries for "
          + String.join(", ", survivors) + " survived redaction; no bundle was written");
    }
  }

  /** A staged bundle and the ready frames of its files (none in review). */
  private record Staged(StagedBundle bundle, Map<String, List<Path>> frames) {}

  /** The creation time, to the second: tar mtimes and the manifest must agree, and tar keeps seconds. */
  private Instant createdAt() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private Staged stageInto(BundleInfo info, List<BundleSource> sources, List<CollectorRun> collectors,
      Path dir, SourceStager.Framing framing) throws BundleException, InterruptedException {
    Instant createdAt = framing != null ? framing.entryTime() : createdAt();
    try {
      // a seal follows staging (but not a review): its cipher and MDC compiled while the last files are redacted
      Runnable warmUp = framing == null ? null : SealWarmUp::run;
      Staging.Result result = new Staging(redactor, limits, parallelism, chunkBytes, progress)
          .run(sources, dir, framing, warmUp);
      RedactionReport report = report(result.countsByFile());
      byte[] reportJson = new ManifestJson().write(report);
      Path reportPath = dir.resolve(StagedBundle.REPORT);
      Files.write(reportPath, reportJson);
      List<FileEntry> files = new ArrayList<>();
      files.add(new FileEntry(StagedBundle.REPORT, reportJson.length, StagedBundle.sha256(reportPath)));
      files.addAll(result.files());
      Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, info.agentVersion(), info.installationId(),
          info.cluster(), info.node(), info.tier(), createdAt, info.since(), redactor.rulesVersion(),
          collectors, files, result.omissions(), result.truncations(), null);
      return new Staged(new StagedBundle(dir, manifest, report), result.frames());
    } catch (IOException e) {
      throw new BundleException(BundleFailure.EXPORT_FAILED, "staging the bundle failed: " + describe(e), e);
    }
  }

  private RedactionReport report(Map<String, RedactionCounts> countsByFile) {
    Map<String, Map<String, Long>> files = new TreeMap<>();
    RedactionCounts totals = RedactionCounts.NONE;
    for (Map.Entry<String, RedactionCounts> entry : countsByFile.entrySet()) {
      files.put(entry.getKey(), entry.getValue().byDetector());
      totals = totals.plus(entry.getValue());
    }
    return new RedactionReport(redactor.rulesVersion(), files, totals.byDetector());
  }

  /** An I/O failure in one line: the exception type and, for file-system errors, the file (never content). */
  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs) {
      return e.getClass().getSimpleName() + " on " + fs.getFile()
          + (fs.getReason() == null ? "" : " (" + fs.getReason() + ")");
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** Counts and hashes what leaves, for the receipt. */
  private static final class HashingOutput extends DigestOutputStream {
    private final ExportProgress progress;
    private long count;

    HashingOutput(OutputStream out, ExportProgress progress) {
      super(out, sha256());
      this.progress = progress;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      stopIfInterrupted();
      super.write(b, off, len);
      count += len;
      progress.written(len);
    }

    @Override
    public void write(int b) throws IOException {
      super.write(b);
      count++;
      progress.written(1);
    }

    /** A stream (stdout) is not an interruptible channel: a cancelled export stops at its next write. */
    private static void stopIfInterrupted() throws InterruptedIOException {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted");
      }
    }

    String hex() {
      return HexFormat.of().formatHex(getMessageDigest().digest());
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
  }

  /** Options of a {@link BundleWriter}. Redactor, canary check, signing key and one recipient are required. */
  public static final class Builder {
    private ContentRedactor redactor;
    private CanaryCheck canaryCheck;
    private final List<RecipientKey> recipients = new ArrayList<>();
    private InstallationSigningKey signingKey;
    private BundleLimits limits = BundleLimits.DEFAULTS;
    private Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private int zstdWorkers = Runtime.getRuntime().availableProcessors();
    private int zstdLevel = DEFAULT_ZSTD_LEVEL;
    private long chunkBytes = DEFAULT_CHUNK_BYTES;
    private Clock clock = Clock.systemUTC();
    private ExportProgress progress = new ExportProgress();

    private Builder() {}

    /** The filter every text file passes through. Required. */
    public Builder redactor(ContentRedactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** Runs before anything is collected; a surviving canary stops the export. Required. */
    public Builder canaryCheck(CanaryCheck canaryCheck) {
      this.canaryCheck = Objects.requireNonNull(canaryCheck, "canaryCheck");
      return this;
    }

    /** Adds recipients (vendor key(s), the customer's audit key). At least one is required. */
    public Builder recipients(List<RecipientKey> keys) {
      for (RecipientKey key : keys) {
        this.recipients.add(Objects.requireNonNull(key, "recipient"));
      }
      return this;
    }

    /** Signs the manifest. Required. */
    public Builder signingKey(InstallationSigningKey signingKey) {
      this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
      return this;
    }

    /** Size caps and deadline. Default {@link BundleLimits#DEFAULTS} (50 MiB per file, 500 MiB, 5 minutes). */
    public Builder limits(BundleLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Where the private (0700) staging directory of redacted files is made, and removed after. It needs room for
     * the redacted content (up to the total cap). Default: {@code java.io.tmpdir}.
     */
    public Builder workDir(Path dir) {
      this.workDir = Objects.requireNonNull(dir, "workDir");
      return this;
    }

    /** Files redacted at once. Default: the number of available processors. */
    public Builder parallelism(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
      }
      this.parallelism = threads;
      return this;
    }

    /** zstd's compression threads while sealing (0 = compress in the sealing thread). Default: processors. */
    public Builder zstdWorkers(int workers) {
      if (workers < 0) {
        throw new IllegalArgumentException("zstdWorkers must be >= 0, got " + workers);
      }
      this.zstdWorkers = workers;
      return this;
    }

    /**
     * The zstd level of every frame: the staged files' content, compressed while they are redacted, and what the seal
     * compresses (headers, manifest, files staged as plaintext). 1 to {@link #MAX_ZSTD_LEVEL}; higher levels make
     * smaller bundles for more CPU. Default {@link #DEFAULT_ZSTD_LEVEL}.
     */
    public Builder zstdLevel(int level) {
      if (level < 1 || level > MAX_ZSTD_LEVEL) {
        throw new IllegalArgumentException("zstdLevel must be 1 to " + MAX_ZSTD_LEVEL + ", got " + level);
      }
      this.zstdLevel = level;
      return this;
    }

    /**
     * A text file of at least twice this size that can be opened at any offset (a file on disk), within the per-file
     * cap and larger than half a worker's share of all the text, is redacted in line-aligned chunks of about this
     * size, in parallel, so that one large file does not end the export on one core. Default
     * {@link #DEFAULT_CHUNK_BYTES}.
     */
    public Builder chunkBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("chunkBytes must be >= 1, got " + bytes);
      }
      this.chunkBytes = bytes;
      return this;
    }

    /** The manifest's {@code createdAt} and the file name's timestamp. Default: system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Counters this writer updates as it goes, for a progress display. Default: counters nobody reads. */
    public Builder progress(ExportProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    public BundleWriter build() {
      return new BundleWriter(this);
    }
  }
}
