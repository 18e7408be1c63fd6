package io.companyos.agent.exporters.otlp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One OTLP/HTTP request as it waits in the queue: the signal, whether the body is gzip-encoded, and the exact body
 * bytes the SDK produced. Framed as one version byte, one signal byte, one encoding byte, then the body.
 *
 * @param signal metrics or logs
 * @param gzip whether {@code body} is gzip-compressed ({@code Content-Encoding: gzip})
 * @param body the protobuf request, as it will go on the wire
 */
public record QueuedExport(OtlpSignal signal, boolean gzip, byte[] body) {
  private static final byte VERSION = 1;
  public static final String CONTENT_TYPE = "application/x-protobuf";

  public QueuedExport {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(body, "body");
  }

  /** The queue payload. */
  public byte[] encode() {
    return ByteBuffer.allocate(3 + body.length).put(VERSION).put((byte) signal.code()).put((byte) (gzip ? 1 : 0))
        .put(body).array();
  }

  /**
   * Reads a queue payload.
   *
   * @throws IllegalArgumentException when the payload is not a frame this version wrote
   */
  public static QueuedExport decode(byte[] payload) {
    if (payload.length < 3 || payload[0] != VERSION || (payload[2] != 0 && payload[2] != 1)) {
      throw new IllegalArgumentException("not a queued OTLP export (version " + (payload.length > 0 ? payload[0] : -1)
          + ")");
    }
    return new QueuedExport(OtlpSignal.ofCode(payload[1]), payload[2] == 1, Arrays.copyOfRange(payload, 3,
        payload.length));
  }
}
