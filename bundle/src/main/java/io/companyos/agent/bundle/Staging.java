package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Redacts all sources into a directory in parallel, in priority order, within the size caps and the deadline.
 * Sources not finished at the deadline are left out and listed; a hung source never blocks the export.
 */
final class Staging {

  /** Everything staged, ready for a manifest. Files are in bundle layout order. */
  record Result(List<FileEntry> files, List<Omission> omissions, List<Truncation> truncations,
      Map<String, RedactionCounts> countsByFile, Map<String, List<Path>> frames) {}

  private final ContentRedactor redactor;
  private final BundleLimits limits;
  private final int parallelism;
  private final long chunkBytes;
  private final ExportProgress progress;

  /** @param chunkBytes a text file of at least twice this is redacted in chunks of about this, in parallel */
  Staging(ContentRedactor redactor, BundleLimits limits, int parallelism, long chunkBytes, ExportProgress progress) {
    this.redactor = redactor;
    this.limits = limits;
    this.parallelism = parallelism;
    this.chunkBytes = chunkBytes;
    this.progress = progress;
  }

  /**
   * @param framing {@code null} to leave plaintext files only (review), else where to put each file's frame
   * @param afterSources run by the first worker that finds every source taken (null for none), unless staging ends
   *     first: staging neither waits for it nor runs it after; it must not throw
   */
  Result run(List<BundleSource> sources, Path dir, SourceStager.Framing framing, Runnable afterSources)
      throws IOException, InterruptedException {
    long deadlineNanos = System.nanoTime() + limits.deadline().toNanos();
    Path scratch = FileTrees.createPrivateTempDir(dir, ".scratch-");
    AtomicBoolean deadlinePassed = new AtomicBoolean();
    SourceStager stager = new SourceStager(redactor, limits.perFileBytes(), new SizeBudget(limits.totalBytes()),
        dir, scratch, deadlinePassed, progress, framing);

    List<BundleSource> ordered = new ArrayList<>(sources);
    ordered.sort(BundleOrder.KEEP_FIRST);
    List<Omission> omissions = new ArrayList<>();
    List<BundleSource> unique = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (BundleSource source : ordered) {
      if (seen.add(source.path())) {
        unique.add(source);
      } else {
        omissions.add(new Omission(source.path(), "duplicate path: another source already has it"));
      }
    }

    progress.sources(unique.size(), unique.stream().mapToLong(s -> Math.max(s.sizeHint(), 0)).sum());
    progress.phase(ExportProgress.Phase.REDACTING);
    // only a file larger than half a worker's share of all the text is chunked: files of similar sizes balance the
    // workers by themselves, and each chunk costs a zstd frame's ratio and a buffer
    long chunkAbove = unique.stream().filter(s -> s.kind() == ContentKind.TEXT)
        .mapToLong(s -> Math.max(s.sizeHint(), 0)).sum() / (2L * parallelism);
    ExecutorService executor = Executors.newFixedThreadPool(parallelism, new RedactorThreads());
    List<Future<StagingOutcome>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < unique.size(); i++) {
        BundleSource source = unique.get(i);
        int index = i;
        if (parallelism > 1 && source.sizeHint() > chunkAbove && stager.chunkable(source, chunkBytes)) {
          // queued in order, so the chunks of one file are taken (and the file's budget reserved) before the next file
          ChunkedSource chunked = new ChunkedSource(source, index, chunkBytes, stager);
          for (int k = 0; k < chunked.chunkCount(); k++) {
            int chunk = k;
            executor.execute(() -> {
              try {
                chunked.stageChunk(chunk);
              } catch (Throwable e) {
                // an Error escaping the chunk: the file is left out, as an ordinary staging's would be
                chunked.result().complete(SourceStager.omitted(source, "staging failed: "
                    + e.getClass().getSimpleName()));
              }
            });
          }
          futures.add(chunked.result());
        } else {
          futures.add(executor.submit(() -> stager.stage(source, index)));
        }
      }
      if (afterSources != null) {
        // queued last: the first worker without a file left runs it, on a core that would idle until the other ends
        executor.execute(afterSources);
      }
      List<StagingOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        outcomes.add(await(futures.get(i), unique.get(i), deadlineNanos, deadlinePassed));
        progress.fileDone();
      }
      return collect(outcomes, omissions);
    } finally {
      deadlinePassed.set(true);
      executor.shutdownNow();
      // interrupted tasks clean up their own partial files; give them a moment, never block on a hung source
      executor.awaitTermination(2, TimeUnit.SECONDS);
      FileTrees.deleteQuietly(scratch);
    }
  }

  private static StagingOutcome await(Future<StagingOutcome> future, BundleSource source, long deadlineNanos,
      AtomicBoolean deadlinePassed) throws InterruptedException {
    try {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0 && !future.isDone()) {
        throw new TimeoutException();
      }
      return future.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      deadlinePassed.set(true);
      future.cancel(true);
      return new StagingOutcome.Omitted(new Omission(source.path(), "deadline reached while collecting"));
    } catch (ExecutionException e) {
      // SourceStager catches everything it can; this is an Error escaping it
      return new StagingOutcome.Omitted(new Omission(source.path(),
          "staging failed: " + e.getCause().getClass().getSimpleName()));
    } catch (java.util.concurrent.CancellationException e) {
      return new StagingOutcome.Omitted(new Omission(source.path(), "deadline reached while collecting"));
    }
  }

  private static Result collect(List<StagingOutcome> outcomes, List<Omission> omissions) {
    List<FileEntry> files = new ArrayList<>();
    List<Truncation> truncations = new ArrayList<>();
    Map<String, RedactionCounts> counts = new TreeMap<>();
    Map<String, List<Path>> frames = new TreeMap<>();
    List<Omission> allOmissions = new ArrayList<>(omissions);
    for (StagingOutcome outcome : outcomes) {
      if (outcome instanceof StagingOutcome.Staged staged) {
        files.add(staged.file());
        if (staged.truncation() != null) {
          truncations.add(staged.truncation());
        }
        if (staged.frames() != null) {
          frames.put(staged.file().path(), staged.frames());
        }
        if (staged.redacted()) {
          counts.put(staged.file().path(), staged.counts());
        }
      } else if (outcome instanceof StagingOutcome.Omitted omitted) {
        allOmissions.add(omitted.omission());
      }
    }
    files.sort((a, b) -> BundleOrder.LAYOUT_ORDER.compare(a.path(), b.path()));
    truncations.sort((a, b) -> BundleOrder.LAYOUT_ORDER.compare(a.path(), b.path()));
    allOmissions.sort((a, b) -> BundleOrder.LAYOUT_ORDER.compare(a.path(), b.path()));
    return new Result(files, allOmissions, truncations, counts, frames);
  }

  /** Daemon threads named {@code bundle-redactor-N}, so a hung source cannot keep the JVM alive. */
  private static final class RedactorThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "bundle-redactor-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    }
  }
}
