package io.companyos.agent.exporters.queue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk record: a 28-byte header (magic {@code CQB1}, payload length, CRC-32C, sequence number, enqueue time in
 * epoch milliseconds) followed by the payload. The checksum covers sequence, time and payload, so a torn or flipped
 * record is never mistaken for a good one.
 */
final class RecordCodec {
  static final int MAGIC = 0x43514231; // "CQB1"
  static final int HEADER_BYTES = 28;

  private RecordCodec() {}

  static ByteBuffer encode(long seq, long enqueuedAtMillis, byte[] payload) {
    ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    buf.putInt(MAGIC).putInt(payload.length).putInt(crc(seq, enqueuedAtMillis, payload, 0, payload.length))
        .putLong(seq).putLong(enqueuedAtMillis).put(payload);
    return buf.flip();
  }

  static int crc(long seq, long millis, byte[] payload, int off, int len) {
    CRC32C crc = new CRC32C();
    ByteBuffer head = ByteBuffer.allocate(16).putLong(seq).putLong(millis).flip();
    crc.update(head);
    crc.update(payload, off, len);
    return (int) crc.getValue();
  }
}
