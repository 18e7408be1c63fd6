package io.companyos.agent.bundle;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live counters of one export, for a progress line: the writer updates them from its threads, a display thread reads
 * them. Counts only; never names or content.
 */
public final class ExportProgress {

  /** What the writer is doing. */
  public enum Phase { WAITING, REDACTING, SEALING, DONE }

  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);
  private final AtomicLong filesTotal = new AtomicLong();
  private final AtomicLong filesDone = new AtomicLong();
  private final AtomicLong bytesExpected = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong bytesWritten = new AtomicLong();

  public Phase phase() {
    return phase.get();
  }

  /** Sources to stage. */
  public long filesTotal() {
    return filesTotal.get();
  }

  /** Sources staged, omitted or failed so far. */
  public long filesDone() {
    return filesDone.get();
  }

  /** Sum of the sources' known sizes (sources of unknown size count 0). */
  public long bytesExpected() {
    return bytesExpected.get();
  }

  /** Source bytes read so far. */
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Encrypted bytes written so far. */
  public long bytesWritten() {
    return bytesWritten.get();
  }

  void phase(Phase now) {
    phase.set(now);
  }

  void sources(long files, long bytes) {
    filesTotal.set(files);
    bytesExpected.set(bytes);
  }

  void fileDone() {
    filesDone.incrementAndGet();
  }

  void read(long bytes) {
    bytesRead.addAndGet(bytes);
  }

  void written(long bytes) {
    bytesWritten.addAndGet(bytes);
  }
}
