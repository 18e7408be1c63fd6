package io.companyos.agent.bench.telemetry;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's OTLP endpoint: an HTTP server on loopback that gunzips and decodes every {@code /v1/logs} request
 * with protobuf, counts its log records and answers 200 only after that. Its counters live in a small shared file
 * ({@link Counters}), so that the endpoint can run in its own JVM on another core ({@link #main}) and the agent's
 * process still sees, without any request of its own, how many records arrived.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.companyos.agent.bench.telemetry.LoopbackEndpoint COUNTER_FILE</pre>
 *
 * <p>As its own process it writes its port into the counter file once it listens and runs until its standard input
 * closes (the benchmark that started it ended).
 */
public final class LoopbackEndpoint {
  private LoopbackEndpoint() {}

  public static void main(String[] args) throws Exception {
    Counters counters = Counters.open(Path.of(args[0]));
    HttpServer server = start(counters, true);
    counters.port(server.getAddress().getPort());
    // the benchmark holds our stdin open; its end (normal or not) ends us
    while (System.in.read() >= 0) {
      // nothing is sent on it
    }
    server.stop(0);
  }

  /**
   * Starts the server on an ephemeral loopback port.
   *
   * @param ownProcess also publish this process's CPU time after every request
   */
  static HttpServer start(Counters counters, boolean ownProcess) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] raw = in.readAllBytes();
        long records = 0;
        if (exchange.getRequestURI().getPath().equals("/v1/logs")) {
          byte[] body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
              ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes() : raw;
          for (ResourceLogs rl : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
            for (ScopeLogs sl : rl.getScopeLogsList()) {
              records += sl.getLogRecordsCount();
            }
          }
        }
        counters.add(records, raw.length);
        if (ownProcess) {
          counters.cpu(os.getProcessCpuTime());
        }
        exchange.sendResponseHeaders(200, -1);
      } catch (IOException e) {
        exchange.sendResponseHeaders(500, -1);
        throw new UncheckedIOException(e);
      } finally {
        exchange.close();
      }
    });
    server.start();
    return server;
  }

  /**
   * Five longs in a memory-mapped file shared by the two processes: the endpoint's port, the log records and
   * {@code /v1/logs} requests it decoded, the bytes it received, and its process CPU time (ns). Only the endpoint
   * writes (from its one dispatcher thread); reads are volatile.
   */
  static final class Counters {
    private static final VarHandle LONGS =
        MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int PORT = 0;
    private static final int RECORDS = 8;
    private static final int REQUESTS = 16;
    private static final int BYTES = 24;
    private static final int CPU = 32;
    private final ByteBuffer buf;

    private Counters(ByteBuffer buf) {
      this.buf = buf;
    }

    /** Counters kept in this process only. */
    static Counters inMemory() {
      return new Counters(ByteBuffer.allocateDirect(40));
    }

    /** Counters in {@code file} (created with zeros if absent), shared with any other process that maps it. */
    static Counters open(Path file) throws IOException {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 40);
        return new Counters(map);
      }
    }

    void add(long records, long bytes) {
      if (records > 0) {
        LONGS.setVolatile(buf, RECORDS, (long) LONGS.getVolatile(buf, RECORDS) + records);
        LONGS.setVolatile(buf, REQUESTS, (long) LONGS.getVolatile(buf, REQUESTS) + 1);
      }
      LONGS.setVolatile(buf, BYTES, (long) LONGS.getVolatile(buf, BYTES) + bytes);
    }

    void port(int port) {
      LONGS.setVolatile(buf, PORT, (long) port);
    }

    void cpu(long nanos) {
      LONGS.setVolatile(buf, CPU, nanos);
    }

    int port() {
      return (int) (long) LONGS.getVolatile(buf, PORT);
    }

    long records() {
      return (long) LONGS.getVolatile(buf, RECORDS);
    }

    long requests() {
      return (long) LONGS.getVolatile(buf, REQUESTS);
    }

    long bytes() {
      return (long) LONGS.getVolatile(buf, BYTES);
    }

    long cpuNanos() {
      return (long) LONGS.getVolatile(buf, CPU);
    }
  }
}
