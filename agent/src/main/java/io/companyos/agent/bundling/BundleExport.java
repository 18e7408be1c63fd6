package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleException;
import io.companyos.agent.bundle.BundleFailure;
import io.companyos.agent.bundle.BundleInfo;
import io.companyos.agent.bundle.BundleLimits;
import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.BundleTarget;
import io.companyos.agent.bundle.BundleWriter;
import io.companyos.agent.bundle.ExportProgress;
import io.companyos.agent.bundle.ExportReceipt;
import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.bundle.manifest.TimeWindow;
import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.daemon.StateDirectoryException;
import io.companyos.agent.redaction.CanarySelfTest;
import io.companyos.agent.redaction.Redactor;
import io.companyos.agent.redaction.RevealLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One support-bundle export: the single code path behind {@code agent export-bundle} (and its {@code --dry-run} and
 * {@code --review}) and the daemon's {@code POST /v1/bundles}. {@link #prepare} loads the keys and refuses to go on
 * when the redaction self-test fails; {@link #collect} runs the collectors; {@link #writer} builds the writer that
 * redacts, caps, signs and encrypts what was collected.
 */
public final class BundleExport {
  /** Logs from this long ago until now, unless the caller says otherwise. */
  public static final Duration DEFAULT_SINCE = Duration.ofHours(24);

  private final AgentConfig config;
  private final BundleKeys keys;
  /** What redacts the bundle's content: the keys' redactor, or one that also records its pseudonyms. */
  private final Redactor content;
  private final Clock clock;

  private BundleExport(AgentConfig config, BundleKeys keys, Redactor content, Clock clock) {
    this.config = config;
    this.keys = keys;
    this.content = content;
    this.clock = clock;
  }

  /**
   * Loads recipients, installation id, signing key and redactor, and runs the redaction canary self-test.
   *
   * @param recipients recipient key files overriding {@code bundle.recipients}; null or empty for the configured ones
   *     (and, when none are configured, the demo vendor key: see {@link #demoRecipient()})
   * @throws BundleException {@link BundleFailure#CANARY_SURVIVED} when a canary survives redaction
   */
  public static BundleExport prepare(AgentConfig config, List<Path> recipients, Clock clock)
      throws BundleKeys.RecipientException, StateDirectoryException, KeyException, IOException, BundleException {
    return prepare(config, recipients, clock, null);
  }

  /**
   * As {@link #prepare(AgentConfig, List, Clock)}, recording every pseudonym of the bundle's content in
   * {@code revealLog} (the installation's reverse map), so that the customer can look up a token that support
   * names ({@code agent redact --reveal}); null records nothing. The canaries are checked with a redactor that
   * records nothing: their fake secrets never enter the map.
   */
  public static BundleExport prepare(AgentConfig config, List<Path> recipients, Clock clock, RevealLog revealLog)
      throws BundleKeys.RecipientException, StateDirectoryException, KeyException, IOException, BundleException {
    BundleKeys keys = BundleKeys.load(config, recipients, clock);
    CanarySelfTest.Result canaries = CanarySelfTest.run(keys.redactor());
    if (!canaries.passed()) {
      throw new BundleException(BundleFailure.CANARY_SURVIVED,
          "redaction self-test failed: canaries for " + String.join(", ", canaries.survivors())
              + " survived redaction; no bundle was written");
    }
    Redactor content = revealLog == null ? keys.redactor()
        : ConfiguredRedactor.build(config.redaction(), config.stateDir(), revealLog);
    return new BundleExport(config, keys, content, clock);
  }

  /** True when no recipient is configured and the bundle goes to the demo vendor key (readable by anyone). */
  public boolean demoRecipient() {
    return keys.demoRecipient();
  }

  /**
   * What was collected for one export.
   *
   * @param result every source and collector run
   * @param window the log time window
   * @param startedNanos {@link System#nanoTime()} when collection started, from which the deadline counts
   */
  public record Collected(BundleCollection.Result result, TimeWindow window, long startedNanos) {
    public List<BundleSource> sources() {
      return result.sources();
    }

    public List<CollectorRun> runs() {
      return result.runs();
    }
  }

  /**
   * Runs the collectors of the {@code include} categories over logs from {@code since} ago until now. Each collector
   * gets half the deadline, at most 60 s.
   */
  public Collected collect(Duration since, Set<String> include, Duration deadline, Map<String, String> env)
      throws InterruptedException {
    long started = System.nanoTime();
    TimeWindow window = TimeWindow.endingAt(Instant.now(clock), since);
    Duration half = deadline.dividedBy(2);
    Duration collectorTimeout = half.compareTo(Duration.ofSeconds(60)) < 0 ? half : Duration.ofSeconds(60);
    BundleCollection.Result result = BundleCollection.collect(config, config.stateDir(), window, include,
        content, collectorTimeout, env, clock);
    return new Collected(result, window, started);
  }

  /**
   * The writer for what was collected: the installation's redactor and canary check, the recipients and signing key,
   * {@code limits} with whatever is left of its deadline (at least 1 s), staging in {@code workDir}.
   */
  public BundleWriter writer(Collected collected, BundleLimits limits, Path workDir, ExportProgress progress) {
    Duration left = limits.deadline().minusNanos(System.nanoTime() - collected.startedNanos());
    return BundleWriter.builder()
        .redactor(new BundleRedactor(content, ConfiguredRedactor.rulesVersion(config.redaction())))
        .canaryCheck(new BundleCanaryCheck(keys.redactor()))
        .recipients(keys.recipients())
        .signingKey(keys.signingKey())
        .limits(limits.withDeadline(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left))
        .workDir(workDir)
        .zstdLevel(config.bundle().compressionLevel())
        .progress(progress)
        .clock(clock)
        .build();
  }

  /** The bundle's header facts: agent version, installation, cluster, node, tier and the log window. */
  public BundleInfo info(Collected collected) {
    return new BundleInfo(AgentVersion.get(), keys.installationId(), config.installation().cluster(),
        config.installation().node(), config.tier().configName(), collected.window());
  }

  /**
   * Collects and writes one bundle into {@code bundle.outputDir} under its standard name (staging next to it): what
   * the daemon's {@code POST /v1/bundles} does, and {@code export-bundle} without {@code --out}.
   */
  public ExportReceipt exportToOutputDir(Duration since, Set<String> include, BundleLimits limits,
      Map<String, String> env, ExportProgress progress) throws InterruptedException, IOException, BundleException {
    Objects.requireNonNull(limits, "limits");
    Path dir = config.bundle().outputDir();
    Files.createDirectories(dir);
    Collected collected = collect(since, include, limits.deadline(), env);
    return writer(collected, limits, dir, progress).export(info(collected), collected.sources(), collected.runs(),
        BundleTarget.directory(dir));
  }
}
