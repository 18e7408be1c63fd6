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
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link HttpSenderProvider} whose senders do not send: they commit the SDK's encoded request to the disk queue and
 * answer "200" once it is durable. Handed to the SDK exporters through {@link #componentLoader()}, so no global
 * registration is involved.
 */
public final class QueueingSenderProvider implements HttpSenderProvider {
  private final DiskQueue queue;

  public QueueingSenderProvider(DiskQueue queue) {
    this.queue = queue;
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
    return new QueueingSender(queue, OtlpSignal.ofEndpointPath(config.getEndpoint().getPath()), config.getCompressor());
  }

  private static final class QueueingSender implements HttpSender {
    /** The deflate level of queued (and sent) requests; see {@link LeveledGzip}. */
    static final int GZIP_LEVEL = 3;
    private final DiskQueue queue;
    private final OtlpSignal signal;
    private final Compressor compressor;

    QueueingSender(DiskQueue queue, OtlpSignal signal, Compressor compressor) {
      this.queue = queue;
      this.signal = signal;
      this.compressor = compressor;
    }

    @Override
    public void send(io.opentelemetry.sdk.common.export.MessageWriter writer, Consumer<HttpResponse> onResponse,
        Consumer<Throwable> onError) {
      try {
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(256, writer.getContentLength() / 4));
        boolean gzip = compressor != null && "gzip".equals(compressor.getEncoding());
        try (OutputStream out = gzip ? new LeveledGzip(body) : nonClosing(body)) {
          writer.writeMessage(out);
        }
        queue.append(new QueuedExport(signal, gzip, body.toByteArray()).encode());
        onResponse.accept(Accepted.INSTANCE);
      } catch (IOException | RuntimeException e) {
        onError.accept(new IOException("export queue refused the batch (" + e.getClass().getSimpleName() + ")"));
      }
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
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
