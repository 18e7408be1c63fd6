package io.companyos.agent.collectors.health;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The Bolt handshake (Neo4j): the client sends the magic preamble {@code 0x6060B017} and four
 * big-endian 32-bit version proposals {@code [reserved, range, minor, major]}; the server answers
 * with one 32-bit version it picked, or zero when it supports none.
 */
final class BoltHandshake {

  static final int MAGIC = 0x6060B017;

  /** Proposals, best first: 5.0–5.8, 4.2–4.4, 4.1, 3.0. */
  static final int[] PROPOSALS = {
    version(5, 8, 8), version(4, 4, 2), version(4, 1, 0), version(3, 0, 0)
  };

  private BoltHandshake() {}

  /** The 20 bytes the client sends. */
  static ByteBuffer request() {
    ByteBuffer buffer = ByteBuffer.allocate(20).putInt(MAGIC);
    for (int proposal : PROPOSALS) {
      buffer.putInt(proposal);
    }
    return buffer.flip();
  }

  /** A proposal word: {@code range} minor versions below {@code major.minor} are also accepted. */
  static int version(int major, int minor, int range) {
    return (range & 0xFF) << 16 | (minor & 0xFF) << 8 | (major & 0xFF);
  }

  /**
   * The agreed version as {@code "major.minor"}, empty when the server supports none of ours.
   *
   * @throws IllegalStateException when the answer is no version we proposed (not a Bolt server)
   */
  static Optional<String> agreed(int answer) {
    if (answer == 0) {
      return Optional.empty();
    }
    int major = answer & 0xFF;
    int minor = (answer >>> 8) & 0xFF;
    if ((answer >>> 16) == 0) {
      for (int proposal : PROPOSALS) {
        int pMajor = proposal & 0xFF;
        int pMinor = (proposal >>> 8) & 0xFF;
        int pRange = (proposal >>> 16) & 0xFF;
        if (major == pMajor && minor <= pMinor && minor >= pMinor - pRange) {
          return Optional.of(major + "." + minor);
        }
      }
    }
    throw new IllegalStateException(
        String.format("unexpected Bolt handshake answer 0x%08X (not a Bolt server?)", answer));
  }
}
