package io.companyos.agent.bench.telemetry;

import com.sun.net.httpserver.HttpServer;
import io.companyos.agent.exporters.otlp.ErrorEvents;
import io.companyos.agent.exporters.otlp.OtlpBatchSender;
import io.companyos.agent.exporters.otlp.OtlpPipeline;
import io.companyos.agent.exporters.queue.Backoff;
import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueueDrainer;
import io.companyos.agent.exporters.transport.HttpsTransport;
import io.companyos.agent.exporters.transport.TransportOptions;
import io.companyos.agent.exporters.transport.TransportSetupException;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.redaction.Redactor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sustained Tier-1 error-event throughput through the production chain:
 *
 * <pre>
 * log text with a stack trace (PII in every message)
 *   → ErrorEvents.record: StackTraceAnonymizer (messages dropped, every kept frame through the configured Redactor,
 *     fingerprint) → OTLP log record
 *   → SDK BatchLogRecordProcessor (1,024 per batch; {@code -Dbench.batchRecords=N} for another size)
 *   → OTLP/HTTP protobuf, gzip → DiskQueue.append (segment file, fsync per batch, as in production)
 *   → QueueDrainer → OtlpBatchSender → EgressGuard (allowlist screen, ledger entry fsynced) → HttpsTransport
 *   → the {@link LoopbackEndpoint} (gunzips and decodes every request to count the records it got)
 * </pre>
 *
 * <p>{@code -Dbench.joinBatches=N}: batches one request carries at most when several are queued (default
 * {@link QueueDrainer#MAX_GROUP_BATCHES}, as in the daemon; 1 sends one batch per request, as before the eighth pass).
 *
 * <p>With {@code -Dbench.endpointCpus=CPUS} the endpoint runs in a JVM of its own pinned to those CPUs
 * ({@code taskset -c CPUS}; its options from {@code -Dbench.endpointJvm}, default {@code -XX:+UseSerialGC
 * -Xmx256m}), as the real endpoint is another machine: this process's CPU is then the agent's chain alone. Without
 * it the endpoint is a server thread in this JVM and its CPU is part of the process's (reported separately).
 *
 * <p>The producer keeps at most {@code window} events in flight (emitted, not yet received by the endpoint), below the
 * SDK's queue of 10,000, so none is dropped: the rate measured is the one the whole chain sustains, and the run fails
 * when the endpoint did not receive every event. CPU is the process's (user + sys, every thread: producer, SDK worker,
 * sender, HTTP client, GC, JIT, and the in-process endpoint if there is one), and per thread group. Run it on one
 * core: {@code taskset -c 0} (see {@code bench/error-event-throughput.sh}).
 *
 * <pre>java [-Dbench.endpointCpus=1] -cp bench/target/benchmarks.jar \
 *     io.companyos.agent.bench.telemetry.ErrorEventThroughput [EVENTS] [DIR] [WARM-UP EVENTS]</pre>
 */
public final class ErrorEventThroughput {
  /**
   * Events in flight at most ({@code -Dbench.window=N} for another); below the SDK's queue of 10,000, so that none is
   * dropped whatever stage holds them.
   */
  private static final int WINDOW = Integer.getInteger("bench.window", 8_000);
  private static final int TRACES = 1_024;
  /**
   * Whether the producer flushes the pipeline ({@link OtlpPipeline#flush}, as the daemon does when it stops) after its
   * last event of a phase (default true; {@code -Dbench.endFlush=false} for the runs before the eighth pass, whose
   * phases ended with the SDK's schedule delay for the last partial batch: up to 1 s of an idle core).
   */
  private static final boolean END_FLUSH = Boolean.parseBoolean(System.getProperty("bench.endFlush", "true"));
  /**
   * With {@code -Dbench.queueDepthMs=N} (N > 0), the disk queue's depth in batches (the one in flight included, until
   * its answer is recorded) is sampled every N ms of the measured phase and printed as a histogram: when it holds two
   * batches or more most of the time, the sender is the stage the others wait for.
   */
  private static final int DEPTH_SAMPLE_MS = Integer.getInteger("bench.queueDepthMs", 0);

  private ErrorEventThroughput() {}

  public static void main(String[] args) throws Exception {
    if (WINDOW < 1 || WINDOW >= 10_000) {
      throw new IllegalArgumentException("bench.window must be 1..9999 (the SDK's queue holds 10,000)");
    }
    long events = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("error-event-bench");
    long warmup = args.length > 2 ? Long.parseLong(args[2]) : Math.max(50_000, events / 4);
    String endpointCpus = System.getProperty("bench.endpointCpus", "");
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    LoopbackEndpoint.Counters counters;
    Process endpointProcess = null;
    HttpServer server = null;
    if (endpointCpus.isEmpty()) {
      counters = LoopbackEndpoint.Counters.inMemory();
      server = LoopbackEndpoint.start(counters, false);
    } else {
      Path file = dir.resolve("endpoint-counters");
      counters = LoopbackEndpoint.Counters.open(file);
      endpointProcess = startEndpoint(endpointCpus, file);
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (counters.port() == 0) {
        if (!endpointProcess.isAlive() || System.nanoTime() > until) {
          throw new IllegalStateException("the endpoint process did not start");
        }
        Thread.sleep(10);
      }
    }
    int port = server != null ? server.getAddress().getPort() : counters.port();
    URI base = URI.create("http://127.0.0.1:" + port);
    Clock clock = Clock.systemUTC();
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("otlp-queue")).open();
        EgressGuard guard = EgressGuard.builder()
            .tier(Tier.FULL)
            .endpoint(PayloadKind.OTLP_LOGS, base.resolve("/v1/logs"))
            .endpoint(PayloadKind.OTLP_METRICS, base.resolve("/v1/metrics"))
            .transportFactory(() -> {
              try {
                return HttpsTransport.create(TransportOptions.builder().userAgent("bench").build(), clock);
              } catch (TransportSetupException e) {
                throw new IllegalStateException(e);
              }
            })
            .ledger(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock))
            .meterRegistry(registry)
            .build()) {
      OtlpPipeline pipeline = OtlpPipeline.create(base, Duration.ofSeconds(1),
          Map.of("service.version", "0.1.0", "companyos.installation.id", "3f8e9a4e-0d51-4c2a-9a57-1b2c3d4e5f60"),
          queue, Integer.getInteger("bench.batchRecords", OtlpPipeline.MAX_BATCH_RECORDS));
      Redactor redactor = Redactor.builder().customerDomains(List.of("acme-corp.com", "acme.internal"))
          .keywords(List.of("Acme", "Project Falcon")).build();
      ErrorEvents errors = new ErrorEvents(pipeline.logger(), redactor, clock,
          new ErrorEvents.Limits(Duration.ofSeconds(60), Integer.MAX_VALUE, Integer.MAX_VALUE, 1_000_000), c -> {});
      QueueDrainer drainer = new QueueDrainer(queue,
          new OtlpBatchSender(kind -> guard.endpoint(kind).flatMap(uri -> guard.sender(kind, uri))),
          Backoff.DEFAULT, () -> ThreadLocalRandom.current().nextDouble(), Duration.ofMillis(2), 50,
          Integer.getInteger("bench.joinBatches", QueueDrainer.MAX_GROUP_BATCHES));
      Thread sender = new Thread(() -> drainLoop(drainer), "otlp-sender");
      sender.setDaemon(true);
      sender.start();

      List<String> traces = traces(TRACES, new Random(42));
      try {
        run(errors, traces, warmup, counters, "warm-up", pipeline);
      } catch (IllegalStateException e) {
        registry.getMeters().forEach(m -> System.err.println(m.getId() + " " + m.measure()));
        System.err.println("queue " + queue.stats() + ", drainer sent " + drainer.sentCount() + " rejected "
            + drainer.rejectedCount() + " retried " + drainer.retryCount() + " last error " + drainer.lastError());
        throw e;
      }
      Map<Long, Long> threads0 = threadCpu();
      long cpu0 = processCpuNanos();
      List<Integer> cores = pinnedCores();
      long[] cores0 = coreTicks(cores);
      long endpoint0 = counters.cpuNanos();
      long t0 = System.nanoTime();
      long req0 = counters.requests();
      long bytes0 = counters.bytes();
      long recv0 = counters.records();
      DepthSampler depth = DEPTH_SAMPLE_MS > 0 ? DepthSampler.start(queue, DEPTH_SAMPLE_MS) : null;
      run(errors, traces, events, counters, "measured", pipeline);
      long wall = System.nanoTime() - t0;
      if (depth != null) {
        System.out.println(depth.stop());
      }
      long[] cores1 = coreTicks(cores);
      long cpu = processCpuNanos() - cpu0;
      Map<String, Long> byPart = threadCpuByPart(threads0);
      long got = counters.records() - recv0;
      if (got != events) {
        throw new IllegalStateException("the server received " + got + " of " + events + " events");
      }
      long reqs = counters.requests() - req0;
      double perK = events / 1000.0;
      long serverCpu = byPart.getOrDefault("in-process endpoint", 0L);
      long agentCpu = cpu - serverCpu;
      System.out.printf(Locale.ROOT, "events %d, wall %.2f s, %.0f events/s (wall); %d requests (%.0f events each),"
              + " %.0f bytes per event on the wire (gzip); queue dropped %d, corrupt %d; rejected %d%n",
          events, wall / 1e9, events / (wall / 1e9), reqs, (double) events / reqs,
          (double) (counters.bytes() - bytes0) / events, queue.stats().dropped(), queue.stats().corrupt(),
          drainer.rejectedCount());
      if (endpointProcess != null) {
        System.out.printf(Locale.ROOT, "endpoint in its own JVM (taskset -c %s): the agent's process: CPU (user+sys)"
                + " %.2f s, %.1f ms per 1,000 events (%.2f cores busy) = %.0f events/s on one core; the endpoint's"
                + " process %.1f ms per 1,000 events%n",
            endpointCpus, cpu / 1e9, cpu / 1e6 / perK, (double) cpu / wall, events / (cpu / 1e9),
            (counters.cpuNanos() - endpoint0) / 1e6 / perK);
      } else {
        // the endpoint is another machine in production: its share, and what the agent's side costs without it
        System.out.printf(Locale.ROOT, "endpoint in this JVM (all on one core): CPU (user+sys, whole process) %.2f s,"
                + " %.1f ms per 1,000 events (%.2f cores busy) = %.0f events/s on one core; of which the loopback"
                + " server's thread %.1f ms per 1,000 events; the rest (the agent's chain, GC, JIT) %.1f ms per 1,000"
                + " events (%.0f events/s on one core)%n",
            cpu / 1e9, cpu / 1e6 / perK, (double) cpu / wall, events / (cpu / 1e9), serverCpu / 1e6 / perK,
            agentCpu / 1e6 / perK, events / (agentCpu / 1e9));
      }
      StringBuilder parts = new StringBuilder("agent threads, ms per 1,000 events:");
      long threadSum = 0;
      for (Map.Entry<String, Long> e : byPart.entrySet()) {
        if (!e.getKey().equals("in-process endpoint")) {
          parts.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(), e.getValue() / 1e6 / perK));
          threadSum += e.getValue();
        }
      }
      parts.append(String.format(Locale.ROOT, " GC, JIT and the rest %.1f", (agentCpu - threadSum) / 1e6 / perK));
      System.out.println(parts);
      if (cores0 != null && cores1 != null && cores1[1] > cores0[1]) {
        // the kernel's work for this process's I/O (journal commits, writeback, interrupts) runs on these cores but
        // is not charged to the process: this is what the wall rate of a process confined to them has to fit in
        System.out.printf(Locale.ROOT, "the agent's core(s) %s (/proc/stat, everything that ran on them, other"
                + " processes included): %.2f busy, %.1f ms per 1,000 events%n", cores,
            (double) (cores1[0] - cores0[0]) / (cores1[1] - cores0[1]),
            (double) (cores1[0] - cores0[0]) / (cores1[1] - cores0[1]) * wall / 1e6 / perK);
      }
      pipeline.close();
    } finally {
      if (server != null) {
        server.stop(0);
      }
      if (endpointProcess != null) {
        endpointProcess.getOutputStream().close();
        if (!endpointProcess.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          endpointProcess.destroy();
        }
      }
    }
  }

  /** The endpoint in a JVM of its own, pinned to {@code cpus}; it ends when our end of its stdin closes. */
  private static Process startEndpoint(String cpus, Path counterFile) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("taskset", "-c", cpus,
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(System.getProperty("bench.endpointJvm", "-XX:+UseSerialGC -Xmx256m").trim().split("\\s+")));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LoopbackEndpoint.class.getName(),
        counterFile.toString()));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** CPU time of every live thread, by id. */
  private static Map<Long, Long> threadCpu() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new java.util.HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    return cpu;
  }

  /**
   * CPU time since {@code before} of the live Java threads, by part of the chain (a thread started since counts
   * whole; one that ended since is missing here and lands in "the rest").
   */
  private static Map<String, Long> threadCpuByPart(Map<Long, Long> before) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> parts = new java.util.LinkedHashMap<>();
    for (String part : List.of("producer (ErrorEvents.record)", "SDK batch worker (encode, gzip, queue append)",
        "sender (queue, gunzip, screen, ledger)", "HTTP client", "in-process endpoint")) {
      parts.put(part, 0L);
    }
    for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      String name = t.getThreadName();
      String part = name.equals("main") ? "producer (ErrorEvents.record)"
          : name.startsWith("BatchLogRecordProcessor") ? "SDK batch worker (encode, gzip, queue append)"
          : name.equals("otlp-sender") ? "sender (queue, gunzip, screen, ledger)"
          : name.startsWith("HttpClient") || name.startsWith("egress-https") ? "HTTP client"
          : name.startsWith("HTTP-Dispatcher") ? "in-process endpoint" : null;
      if (part != null) {
        long now = Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        parts.merge(part, now - before.getOrDefault(t.getThreadId(), 0L), Long::sum);
      }
    }
    return parts;
  }

  private static void run(ErrorEvents errors, List<String> traces, long n, LoopbackEndpoint.Counters received,
      String phase, OtlpPipeline pipeline) throws InterruptedException {
    long start = received.records();
    long deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("bench.stallMinutes", 5)).toNanos();
    for (long i = 0; i < n; i++) {
      while (i - (received.records() - start) >= WINDOW) {
        Thread.sleep(0, 200_000);
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(phase + ": stalled at " + (received.records() - start) + " of " + n);
        }
      }
      ErrorEvents.Outcome o = errors.record("core-api", traces.get((int) (i % traces.size())));
      if (o != ErrorEvents.Outcome.EMITTED) {
        throw new IllegalStateException(phase + ": event " + i + " was " + o);
      }
    }
    long emitted = System.nanoTime();
    if (END_FLUSH) {
      // the last partial batch (n is rarely a multiple of the batch size) would otherwise wait in the SDK for its
      // schedule delay (telemetry.interval, 1 s here) with nothing else to do: ~0.85 s of an idle core per phase
      if (!pipeline.flush(Duration.ofMinutes(1))) {
        throw new IllegalStateException(phase + ": the flush at the end did not complete");
      }
    }
    long lastBatch = 0;
    while (received.records() - start < n) {
      Thread.sleep(1);
      if (lastBatch == 0 && n - (received.records() - start) < 1024) {
        lastBatch = System.nanoTime();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(phase + ": stalled at " + (received.records() - start) + " of " + n);
      }
    }
    long end = System.nanoTime();
    System.out.printf(Locale.ROOT, "%s: last event recorded -> all received %.0f ms; the last < 1,024 events alone"
        + " %.0f ms%n", phase, (end - emitted) / 1e6, (end - (lastBatch == 0 ? end : lastBatch)) / 1e6);
  }

  /** Samples {@code queue.stats().batches()} on a thread of its own until {@link #stop}. */
  private static final class DepthSampler {
    private final long[] counts = new long[16];
    private final Thread thread;
    private volatile boolean stopped;

    private DepthSampler(DiskQueue queue, int everyMs) {
      thread = new Thread(() -> {
        while (!stopped) {
          long batches = queue.stats().batches();
          counts[(int) Math.min(counts.length - 1, batches)]++;
          try {
            Thread.sleep(everyMs);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "queue-depth-sampler");
      thread.setDaemon(true);
    }

    static DepthSampler start(DiskQueue queue, int everyMs) {
      DepthSampler s = new DepthSampler(queue, everyMs);
      s.thread.start();
      return s;
    }

    String stop() throws InterruptedException {
      stopped = true;
      thread.join();
      long total = java.util.Arrays.stream(counts).sum();
      StringBuilder b = new StringBuilder("disk queue depth (batches, the one in flight included), share of ")
          .append(total).append(" samples:");
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          b.append(String.format(Locale.ROOT, " %s%d: %.1f%%;", i == counts.length - 1 ? ">=" : "", i,
              100.0 * counts[i] / Math.max(1, total)));
        }
      }
      long atLeast2 = 0;
      long atLeast3 = 0;
      for (int i = 2; i < counts.length; i++) {
        atLeast2 += counts[i];
        atLeast3 += i >= 3 ? counts[i] : 0;
      }
      return b.append(String.format(Locale.ROOT, " >=2: %.1f%%, >=3: %.1f%%", 100.0 * atLeast2 / Math.max(1, total),
          100.0 * atLeast3 / Math.max(1, total))).toString();
    }
  }

  private static void drainLoop(QueueDrainer drainer) {
    while (!Thread.currentThread().isInterrupted()) {
      QueueDrainer.Pass pass = drainer.drainOnce();
      if (!pass.nextDelay().isZero()) {
        try {
          Thread.sleep(pass.nextDelay().toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /**
   * The CPUs this process may run on ({@code Cpus_allowed_list} of {@code /proc/self/status}), when that is fewer than
   * the machine has (pinned with {@code taskset}); else null.
   */
  private static List<Integer> pinnedCores() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          List<Integer> cpus = new ArrayList<>();
          for (String part : line.substring(line.indexOf(':') + 1).trim().split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
            for (int c = from; c <= to; c++) {
              cpus.add(c);
            }
          }
          long online;
          try (var lines = Files.lines(Path.of("/proc/stat"))) {
            online = lines.filter(l -> l.matches("cpu\\d+ .*")).count();
          }
          return cpus.size() < online ? cpus : null;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: the line is left out
    }
    return null;
  }

  /**
   * Busy and total clock ticks of {@code cores} from {@code /proc/stat} (busy: user, nice, system, irq, softirq; not
   * idle, iowait, nor steal, the time the hypervisor gave the virtual CPU to others); or null.
   */
  private static long[] coreTicks(List<Integer> cores) {
    if (cores == null) {
      return null;
    }
    try {
      long busy = 0;
      long total = 0;
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        String[] f = line.split("\\s+");
        if (f[0].startsWith("cpu") && f[0].length() > 3 && cores.contains(Integer.parseInt(f[0].substring(3)))) {
          for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
            long v = Long.parseLong(f[i]);
            total += v;
            if (i != 4 && i != 5 && i != 8) {
              busy += v;
            }
          }
        }
      }
      return new long[] {busy, total};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Java traces as CompanyOS services print them: a log line, a message full of customer data, 12-40 frames, a cause
   * with its own message. 64 code paths (fingerprints), every message different.
   */
  static List<String> traces(int n, Random rnd) {
    String[] types = {"java.lang.IllegalStateException", "java.lang.NullPointerException",
        "org.springframework.dao.DataAccessResourceFailureException", "java.io.UncheckedIOException",
        "com.companyos.billing.PaymentDeclinedException", "java.util.concurrent.TimeoutException",
        "com.fasterxml.jackson.databind.JsonMappingException", "java.lang.IllegalArgumentException"};
    String[] causes = {"java.net.SocketTimeoutException", "org.postgresql.util.PSQLException",
        "java.net.ConnectException", "io.lettuce.core.RedisCommandTimeoutException"};
    String[] classes = {"com.companyos.billing.InvoiceService", "com.companyos.core.api.OrderController",
        "com.companyos.core.repo.CustomerRepository", "com.companyos.auth.LoginService",
        "org.springframework.web.servlet.FrameworkServlet", "org.apache.catalina.core.ApplicationFilterChain",
        "org.springframework.aop.framework.ReflectiveMethodInvocation", "com.zaxxer.hikari.pool.HikariPool",
        "org.hibernate.internal.SessionImpl", "io.netty.channel.AbstractChannelHandlerContext"};
    String[] methods = {"charge", "handle", "findById", "doFilter", "proceed", "getConnection", "invoke", "load",
        "service", "fireChannelRead"};
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Random path = new Random(i % 64);
      StringBuilder sb = new StringBuilder(4096);
      sb.append("2026-11-25T10:00:").append(String.format(Locale.ROOT, "%02d", i % 60))
          .append(".123Z ERROR [http-nio-8080-exec-").append(i % 16).append("] c.c.billing.InvoiceService - charge ")
          .append("failed for user").append(i).append("@acme-corp.com from 10.20.").append(i % 250).append('.')
          .append(rnd.nextInt(250)).append('\n');
      sb.append(types[path.nextInt(types.length)]).append(": card 4111 1111 1111 ").append(1000 + i % 9000)
          .append(" declined for customer 'Acme Corp' (Project Falcon), session ").append(Long.toHexString(
              rnd.nextLong())).append('\n');
      int frames = 12 + path.nextInt(29);
      for (int f = 0; f < frames; f++) {
        String cls = classes[path.nextInt(classes.length)];
        sb.append("\tat ").append(cls).append('.').append(methods[path.nextInt(methods.length)]).append('(')
            .append(cls.substring(cls.lastIndexOf('.') + 1)).append(".java:").append(20 + path.nextInt(400))
            .append(")\n");
      }
      sb.append("Caused by: ").append(causes[path.nextInt(causes.length)])
          .append(": connect timed out to db-07.acme.internal:5432 as user billing_app password=hunter2\n");
      for (int f = 0; f < 6; f++) {
        String cls = classes[path.nextInt(classes.length)];
        sb.append("\tat ").append(cls).append('.').append(methods[path.nextInt(methods.length)]).append('(')
            .append(cls.substring(cls.lastIndexOf('.') + 1)).append(".java:").append(20 + path.nextInt(400))
            .append(")\n");
      }
      sb.append("\t... ").append(frames - 3).append(" more\n");
      out.add(sb.toString());
    }
    return out;
  }
}
