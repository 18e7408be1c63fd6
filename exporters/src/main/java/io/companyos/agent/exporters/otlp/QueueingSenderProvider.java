package io.companyos.agent.exporters.otlp;

import io.companyos.agent.exporters.queue.DiskQueue;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link HttpSenderProvider} whose senders do not send: they hand the SDK's encoded request to a committer thread,
 * which appends it to the disk queue (written and fsynced), and answer "200" at once. Handed to the SDK exporters
 * through {@link #componentLoader()}, so no global registration is involved.
 *
 * <p>Why not commit on the SDK's thread: the SDK's batch worker waits for each export's answer before it builds the
 * next batch, so a flush on its thread put the disk's latency (2.8 ms per batch in the error-event benchmark, more on a
 * busy node) into the export chain, and a slow disk stalled metric collection too. A request handed over is held
 * in memory until its append returns, like the records still in the SDK's own queue (up to 10,000): a {@code kill -9}
 * loses the one or two batches in that hand-over as it loses those records, never a batch the queue took. The
 * hand-over holds one batch; a second waits in {@code send}, so a slow disk still slows the SDK down rather than
 * filling memory. {@link #awaitCommitted} waits for what was handed over (the pipeline's flush and close).
 */
public final class QueueingSenderProvider implements HttpSenderProvider {
  private static final Logger LOG = LoggerFactory.getLogger(QueueingSenderProvider.class);
  /** How long the committer thread idles before it ends (a new one starts with the next batch). */
  private static final long COMMITTER_IDLE_MILLIS = 10_000;

  private final DiskQueue queue;
  private final BlockingQueue<byte[]> handOver = new ArrayBlockingQueue<>(1);
  /** Batches handed over and not yet appended (or refused); guarded by {@code this}. */
  private int pending;
  private boolean committerRunning;

  public QueueingSenderProvider(DiskQueue queue) {
    this.queue = queue;
  }

  /** Hands a queue record to the committer; waits while the one before it still waits to be taken. */
  void commit(byte[] record) throws InterruptedException {
    synchronized (this) {
      pending++;
      if (!committerRunning) {
        committerRunning = true;
        Thread t = new Thread(this::commitLoop, "otlp-queue-commit");
        t.setDaemon(true);
        t.start();
      }
    }
    try {
      handOver.put(record);
    } catch (InterruptedException e) {
      synchronized (this) {
        pending--;
        notifyAll();
      }
      throw e;
    }
  }

  private void commitLoop() {
    while (true) {
      byte[] record;
      try {
        record = handOver.poll(COMMITTER_IDLE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        record = null;
      }
      if (record == null) {
        synchronized (this) {
          if (handOver.isEmpty()) { // a batch handed over just now is taken by this thread, not left behind
            committerRunning = false;
            return;
          }
        }
        continue;
      }
      try {
        queue.append(record);
      } catch (IOException | RuntimeException e) {
        // counted by the queue (write errors, or dropped when a batch alone exceeds the cap); the record's content
        // is never logged
        LOG.warn("export queue refused a batch ({}); it is not queued", e.getClass().getSimpleName());
      } finally {
        synchronized (this) {
          pending--;
          notifyAll();
        }
      }
    }
  }

  /** Waits until every batch handed over so far is appended or refused; false when {@code timeout} passed first. */
  public synchronized boolean awaitCommitted(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** A component loader that offers this provider for {@link HttpSenderProvider} and defers everything else. */
  public ComponentLoader componentLoader() {
    ComponentLoader fallback = ComponentLoader.forClassLoader(QueueingSenderProvider.class.getClassLoader());
    QueueingSenderProvider self = this;
    return new ComponentLoader() {
      @Override
      public <T> Iterable<T> load(Class<T> type) {
        if (type == HttpSenderProvider.class) {
          return List.of(type.cast(self));
        }
        return fallback.load(type);
      }
    };
  }

  @Override
  public HttpSender createSender(HttpSenderConfig config) {
    return new QueueingSender(this, OtlpSignal.ofEndpointPath(config.getEndpoint().getPath()), config.getCompressor());
  }

  private static final class QueueingSender implements HttpSender {
    /** The deflate level of queued (and sent) requests; see {@link LeveledGzip}. */
    static final int GZIP_LEVEL = 3;
    private final QueueingSenderProvider committer;
    private final OtlpSignal signal;
    private final Compressor compressor;

    QueueingSender(QueueingSenderProvider committer, OtlpSignal signal, Compressor compressor) {
      this.committer = committer;
      this.signal = signal;
      this.compressor = compressor;
    }

    @Override
    public void send(io.opentelemetry.sdk.common.export.MessageWriter writer, Consumer<HttpResponse> onResponse,
        Consumer<Throwable> onError) {
      try {
        // room for what gzip usually leaves of OTLP protobuf (a tenth to a thirtieth of it for error events): a
        // quarter of a 3 MB batch was a 750 KB array per request for a ~90 KB body
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(256, writer.getContentLength() / 16));
        boolean gzip = compressor != null && "gzip".equals(compressor.getEncoding());
        try (OutputStream out = gzip ? new LeveledGzip(body) : nonClosing(body)) {
          writer.writeMessage(out);
        }
        committer.commit(new QueuedExport(signal, gzip, body.toByteArray()).encode());
        onResponse.accept(Accepted.INSTANCE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        onError.accept(new IOException("interrupted before the batch was handed to the export queue"));
      } catch (IOException | RuntimeException e) {
        onError.accept(new IOException("export queue refused the batch (" + e.getClass().getSimpleName() + ")"));
      }
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess(); // the pipeline's close waits for the committer (awaitCommitted)
    }

    /**
     * gzip at level {@value #GZIP_LEVEL} instead of the SDK's compressor (the JDK default, 6): for error events deflate
     * at 6 cost ~39 µs of CPU per event, about a quarter of the whole chain, and level 3 ~15 µs for 29 % more bytes
     * (260 instead of 202 per event; docs/benchmarks.md). Any gzip reader decodes either.
     */
    private static final class LeveledGzip extends java.util.zip.GZIPOutputStream {
      LeveledGzip(OutputStream out) throws IOException {
        super(out, 8192);
        def.setLevel(GZIP_LEVEL);
      }
    }

    private static OutputStream nonClosing(OutputStream out) {
      return new java.io.FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }
      };
    }
  }

  /** What the SDK is told once the request is committed to the queue. */
  private enum Accepted implements HttpResponse {
    INSTANCE;

    @Override
    public int getStatusCode() {
      return 200;
    }

    @Override
    public String getStatusMessage() {
      return "queued";
    }

    @Override
    public byte[] getResponseBody() {
      return new byte[0];
    }
  }
}
