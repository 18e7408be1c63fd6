package io.companyos.agent.daemon;

import io.companyos.agent.collectors.logs.LogEvent;
import io.companyos.agent.collectors.logs.LogEventAssembler;
import io.companyos.agent.collectors.logs.LogErrorMetrics;
import io.companyos.agent.collectors.logs.LogFile;
import io.companyos.agent.collectors.logs.LogFiles;
import io.companyos.agent.collectors.logs.LogFollower;
import io.companyos.agent.collectors.logs.LogSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every configured log file in the daemon, on its own {@code log-tailer} thread: new files matching a glob are
 * picked up at each rescan, rotation is followed, lines become {@link LogEvent}s, ERROR events are counted in
 * {@code agent.log.errors{service}} and handed to the listeners (the Tier-1 error events). Reading starts at the end of
 * each file the agent finds when it starts: it reports what happens from then on. A file that cannot be read is
 * skipped with its reason; nothing stops the other files.
 */
final class LogTailer implements StatusContributor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogTailer.class);
  static final Duration POLL = Duration.ofSeconds(2);
  static final Duration RESCAN = Duration.ofSeconds(30);

  private final List<LogSource> sources;
  private final LogErrorMetrics errors;
  private final List<Consumer<LogEvent>> listeners = new CopyOnWriteArrayList<>();
  private final Map<Path, Followed> followed = new HashMap<>();
  private final Map<String, String> problems = new LinkedHashMap<>();
  private final LogFiles files = new LogFiles();
  private ScheduledExecutorService executor;
  private long lastScanNanos;
  private volatile int followedCount;
  private volatile Map<String, String> problemSnapshot = Map.of();

  /** One file being followed, with the assembler that keeps its partial events between polls. */
  private record Followed(LogFollower follower, LogEventAssembler assembler) {}

  LogTailer(List<LogSource> sources, MeterRegistry registry) {
    this.sources = List.copyOf(sources);
    this.errors = new LogErrorMetrics(sources.stream().map(LogSource::service).distinct().toList());
    errors.bindTo(registry);
  }

  /** Adds a consumer of every assembled event (called on the log-tailer thread). */
  void addListener(Consumer<LogEvent> listener) {
    listeners.add(listener);
  }

  void start() {
    if (sources.isEmpty()) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "log-tailer");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::pollSafely, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollSafely() {
    try {
      if (lastScanNanos == 0 || System.nanoTime() - lastScanNanos > RESCAN.toNanos()) {
        rescan();
        lastScanNanos = System.nanoTime();
      }
      for (Map.Entry<Path, Followed> e : followed.entrySet()) {
        try {
          for (String line : e.getValue().follower().poll()) {
            e.getValue().assembler().accept(line);
          }
          e.getValue().assembler().flush();
          problems.remove(e.getKey().toString());
        } catch (IOException | RuntimeException ex) {
          problems.put(e.getKey().toString(), "not readable (" + reason(ex) + ")");
        }
      }
      problemSnapshot = Map.copyOf(problems);
    } catch (RuntimeException e) {
      LOG.warn("log tailing cycle failed ({}); next cycle in {} s", e.getClass().getSimpleName(), POLL.toSeconds());
    }
  }

  /** The system's reason ("not a regular file", "Permission denied"), else the type: never a message with content. */
  private static String reason(Exception e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getClass().getSimpleName();
  }

  private void rescan() {
    Set<Path> seen = new HashSet<>();
    problems.keySet().removeIf(p -> !followed.containsKey(Path.of(p)));
    for (LogSource source : sources) {
      LogFiles.Scan scan = files.scan(source);
      scan.skipped().forEach(s -> problems.put(s.path().toString(), "skipped (" + s.reason() + ")"));
      for (LogFile f : scan.files()) {
        seen.add(f.path());
        followed.computeIfAbsent(f.path(), p -> new Followed(new LogFollower(p, true),
            new LogEventAssembler(source.service(), f.format(), ZoneOffset.UTC, this::dispatch)));
      }
    }
    followed.keySet().removeIf(p -> {
      if (seen.contains(p)) {
        return false;
      }
      try {
        followed.get(p).follower().close();
      } catch (IOException ignored) {
        // it is gone anyway
      }
      return true;
    });
    followedCount = followed.size();
  }

  private void dispatch(LogEvent event) {
    errors.record(event);
    for (Consumer<LogEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("log event listener failed ({})", e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public String name() {
    return "logs";
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("sources", sources.size());
    s.put("filesFollowed", followedCount);
    s.put("unreadable", problemSnapshot);
    return s;
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
