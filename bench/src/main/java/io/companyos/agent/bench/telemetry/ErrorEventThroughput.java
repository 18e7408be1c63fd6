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
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Sustained Tier-1 error-event throughput through the production chain, in one JVM:
 *
 * <pre>
 * log text with a stack trace (PII in every message)
 *   → ErrorEvents.record: StackTraceAnonymizer (messages dropped, every kept frame through the configured Redactor,
 *     fingerprint) → OTLP log record
 *   → SDK BatchLogRecordProcessor (512 per batch) → OTLP/HTTP protobuf, gzip → DiskQueue.append (segment file,
 *     fsync per batch, as in production)
 *   → QueueDrainer → OtlpBatchSender → EgressGuard (allowlist screen, ledger entry fsynced) → HttpsTransport
 *   → a loopback HTTP server in this JVM (gunzips and decodes every request to count the records it got)
 * </pre>
 *
 * <p>The producer keeps at most {@code window} events in flight (emitted, not yet received by the server), below the
 * SDK's queue of 10,000, so none is dropped: the rate measured is the one the whole chain sustains, and the run fails
 * when the server did not receive every event. CPU is the process's (user + sys, every thread: producer, SDK worker,
 * sender, HTTP client and the server itself, GC, JIT). Run it on one core: {@code taskset -c 0} (see
 * {@code bench/error-event-throughput.sh}).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.companyos.agent.bench.telemetry.ErrorEventThroughput [EVENTS] [DIR]</pre>
 */
public final class ErrorEventThroughput {
  private static final int WINDOW = 8_000;
  private static final int TRACES = 1_024;

  private ErrorEventThroughput() {}

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("error-event-bench");
    long warmup = args.length > 2 ? Long.parseLong(args[2]) : Math.max(50_000, events / 4);
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    AtomicLong received = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    AtomicLong wireBytes = new AtomicLong();
    HttpServer server = loopbackServer(received, requests, wireBytes);
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
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
          queue);
      Redactor redactor = Redactor.builder().customerDomains(List.of("acme-corp.com", "acme.internal"))
          .keywords(List.of("Acme", "Project Falcon")).build();
      ErrorEvents errors = new ErrorEvents(pipeline.logger(), redactor, clock,
          new ErrorEvents.Limits(Duration.ofSeconds(60), Integer.MAX_VALUE, Integer.MAX_VALUE, 1_000_000), c -> {});
      QueueDrainer drainer = new QueueDrainer(queue,
          new OtlpBatchSender(kind -> guard.endpoint(kind).flatMap(uri -> guard.sender(kind, uri))),
          Backoff.DEFAULT, () -> ThreadLocalRandom.current().nextDouble(), Duration.ofMillis(2), 50);
      Thread sender = new Thread(() -> drainLoop(drainer), "otlp-sender");
      sender.setDaemon(true);
      sender.start();

      List<String> traces = traces(TRACES, new Random(42));
      try {
        run(errors, traces, warmup, received, "warm-up");
      } catch (IllegalStateException e) {
        registry.getMeters().forEach(m -> System.err.println(m.getId() + " " + m.measure()));
        System.err.println("queue " + queue.stats() + ", drainer sent " + drainer.sentCount() + " rejected "
            + drainer.rejectedCount() + " retried " + drainer.retryCount() + " last error " + drainer.lastError());
        throw e;
      }
      long cpu0 = processCpuNanos();
      long server0 = serverCpuNanos();
      long t0 = System.nanoTime();
      long req0 = requests.get();
      long bytes0 = wireBytes.get();
      long recv0 = received.get();
      run(errors, traces, events, received, "measured");
      long wall = System.nanoTime() - t0;
      long cpu = processCpuNanos() - cpu0;
      long serverCpu = serverCpuNanos() - server0;
      long got = received.get() - recv0;
      if (got != events) {
        throw new IllegalStateException("the server received " + got + " of " + events + " events");
      }
      long reqs = requests.get() - req0;
      System.out.printf(Locale.ROOT, "events %d, wall %.2f s, %.0f events/s; CPU (user+sys, whole process) %.2f s,"
              + " %.1f ms per 1,000 events (%.2f cores busy); %d requests (%.0f events each), %.0f bytes per event"
              + " on the wire (gzip); queue dropped %d, corrupt %d; rejected %d%n",
          events, wall / 1e9, events / (wall / 1e9), cpu / 1e9, cpu / 1e6 / (events / 1000.0), (double) cpu / wall,
          reqs, (double) events / reqs, (double) (wireBytes.get() - bytes0) / events, queue.stats().dropped(),
          queue.stats().corrupt(), drainer.rejectedCount());
      // the endpoint is another machine in production: its share, and what the agent's side costs without it
      System.out.printf(Locale.ROOT, "of which the loopback server's thread %.1f ms per 1,000 events; the rest (the"
              + " agent's chain, GC, JIT) %.1f ms per 1,000 events (%.0f events/s on one core)%n",
          serverCpu / 1e6 / (events / 1000.0), (cpu - serverCpu) / 1e6 / (events / 1000.0),
          events / ((cpu - serverCpu) / 1e9));
      pipeline.close();
    } finally {
      server.stop(0);
    }
  }

  private static void run(ErrorEvents errors, List<String> traces, long n, AtomicLong received, String phase)
      throws InterruptedException {
    long start = received.get();
    long deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("bench.stallMinutes", 5)).toNanos();
    for (long i = 0; i < n; i++) {
      while (i - (received.get() - start) >= WINDOW) {
        Thread.sleep(0, 200_000);
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(phase + ": stalled at " + (received.get() - start) + " of " + n);
        }
      }
      ErrorEvents.Outcome o = errors.record("core-api", traces.get((int) (i % traces.size())));
      if (o != ErrorEvents.Outcome.EMITTED) {
        throw new IllegalStateException(phase + ": event " + i + " was " + o);
      }
    }
    while (received.get() - start < n) {
      Thread.sleep(1);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(phase + ": stalled at " + (received.get() - start) + " of " + n);
      }
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

  /** CPU time of the loopback server's dispatcher thread, which also runs its handler (no executor is set). */
  private static long serverCpuNanos() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("HTTP-Dispatcher")) {
        sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** An OTLP endpoint on loopback: decodes each request, counts its log records, answers 200. */
  private static HttpServer loopbackServer(AtomicLong received, AtomicLong requests, AtomicLong wireBytes)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] raw = in.readAllBytes();
        wireBytes.addAndGet(raw.length);
        if (exchange.getRequestURI().getPath().equals("/v1/logs")) {
          byte[] body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
              ? new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes() : raw;
          long records = 0;
          for (ResourceLogs rl : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
            for (ScopeLogs sl : rl.getScopeLogsList()) {
              records += sl.getLogRecordsCount();
            }
          }
          received.addAndGet(records);
          requests.incrementAndGet();
        }
        exchange.sendResponseHeaders(200, -1);
      } catch (IOException e) {
        exchange.sendResponseHeaders(500, -1);
        throw new UncheckedIOException(e);
      } finally {
        exchange.close();
      }
    });
    return server;
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
