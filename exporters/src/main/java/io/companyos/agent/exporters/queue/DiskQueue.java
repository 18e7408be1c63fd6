package io.companyos.agent.exporters.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, crash-safe FIFO of export batches in a directory of segment files.
 *
 * <ul>
 *   <li>{@link #append} returns only after the record is fsynced: what it returned for survives {@code kill -9} and
 *       power loss. The fsync runs outside the queue's lock, so the consumer's {@link #peek} and {@link #ack} do not
 *       wait for the disk while a batch is being committed (a record becomes visible to them once it is durable).
 *   <li>{@link #ack} removes the oldest batch; only then may its segment be deleted. The acknowledged position is kept
 *       in a small file replaced atomically, so a restart replays exactly the batches that were not yet accepted
 *       (a crash between send and ack re-sends one batch: at-least-once). The ack file is not fsynced: after
 *       {@code kill -9} it is intact (the kernel holds the write), and after a power cut an older or unreadable ack
 *       file only makes the queue send batches the endpoint already has again — never skip one — so a disk flush per
 *       acknowledged batch would buy nothing the ack promises.
 *   <li>Full: the oldest batches are dropped, counted in {@link QueueStats#dropped()}, never the newest — recent data
 *       is what an operator debugging an outage needs. On-disk use may exceed the cap by at most one segment.
 *   <li>Damage (a torn tail after a crash, a flipped bit) is found by the checksums when the queue opens; the damaged
 *       tail is cut off, counted in {@link QueueStats#corrupt()}, and the queue carries on. It never refuses to open
 *       over a bad record, so a damaged file cannot crash-loop the agent.
 *   <li>A write that fails (the disk is full) throws, is counted in {@link QueueStats#writeErrors()}, and leaves
 *       nothing behind: the partial record is cut off again (or, when even that fails, the segment is closed and the
 *       next batch starts a new one), so what was committed before and after stays readable.
 * </ul>
 *
 * <p>Thread-safe: appends (one signal's exporter or several) are serialized among themselves; one consumer peeks and
 * acknowledges.
 */
public final class DiskQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskQueue.class);
  static final String ACK_FILE = "acked";
  static final String SEGMENT_SUFFIX = ".seg";

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final boolean fsync;
  private final Clock clock;
  private final SegmentChannels channels;

  /** Held for a whole append (write, fsync, publish); the queue's own monitor only for the state changes. */
  private final Object appendLock = new Object();
  private final Deque<Ref> refs = new ArrayDeque<>();
  private final List<Path> segments = new ArrayList<>();
  private FileChannel active;
  private Path activePath;
  /** The consumer's open segment, kept between peeks (one open per segment instead of one per batch). */
  private FileChannel reading;
  private Path readingPath;
  private long nextSeq;
  private long ackedSeq;
  private long bytes;
  private long dropped;
  private long corrupt;
  private long writeErrors;
  private boolean closed;

  /** Where one record lives. */
  private record Ref(Path segment, long position, long seq, int length, long enqueuedAtMillis) {}

  private DiskQueue(Builder b) {
    this.dir = b.dir;
    this.maxBytes = b.maxBytes;
    this.segmentBytes = b.segmentBytes;
    this.fsync = b.fsync;
    this.clock = b.clock;
    this.channels = b.channels;
  }

  /** A builder for a queue in {@code dir} (created, mode 0700 inherited from the state directory). */
  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  /** Options of a {@link DiskQueue}. */
  public static final class Builder {
    private final Path dir;
    private long maxBytes = 256L * 1024 * 1024;
    private long segmentBytes = 8L * 1024 * 1024;
    private boolean fsync = true;
    private Clock clock = Clock.systemUTC();
    private SegmentChannels channels = FileChannel::open;

    private Builder(Path dir) {
      this.dir = dir;
    }

    /** The cap on queued payload bytes; past it the oldest batches are dropped. Default 256 MiB. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1024) {
        throw new IllegalArgumentException("maxBytes must be at least 1024");
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** The size at which a new segment file is started. Default 8 MiB. */
    public Builder segmentBytes(long segmentBytes) {
      if (segmentBytes < 64) {
        throw new IllegalArgumentException("segmentBytes must be at least 64");
      }
      this.segmentBytes = segmentBytes;
      return this;
    }

    /** Whether every append (and a new segment's directory entry) is fsynced. Default true; only tests turn it off. */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /** The clock that stamps batches. Default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How segment files are opened for appending (tests: a channel that runs out of space). */
    Builder segmentChannels(SegmentChannels channels) {
      this.channels = channels;
      return this;
    }

    /** Opens the queue, replaying what is on disk and cutting off damaged tails. */
    public DiskQueue open() throws IOException {
      DiskQueue q = new DiskQueue(this);
      q.recover();
      return q;
    }
  }

  private void recover() throws IOException {
    Files.createDirectories(dir);
    ackedSeq = readAcked();
    List<Path> found;
    try (Stream<Path> s = Files.list(dir)) {
      found = s.filter(p -> p.getFileName().toString().endsWith(SEGMENT_SUFFIX))
          .sorted(Comparator.comparingLong(DiskQueue::segmentNumber).thenComparing(Comparator.naturalOrder()))
          .toList();
    }
    long maxSeq = ackedSeq;
    for (int i = 0; i < found.size(); i++) {
      Path seg = found.get(i);
      boolean last = i == found.size() - 1;
      long maxInSegment = scan(seg, last);
      maxSeq = Math.max(maxSeq, maxInSegment);
      segments.add(seg);
    }
    nextSeq = maxSeq + 1;
    deleteConsumedSegments();
    if (!segments.isEmpty()) {
      activePath = segments.get(segments.size() - 1);
      active = channels.open(activePath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    if (corrupt > 0) {
      LOG.warn("export queue {}: skipped {} damaged record(s) or segment tail(s) on open", dir, corrupt);
    }
  }

  /**
   * The number a segment is named by, unreadable names last. {@link Long#parseLong} reads any Unicode digits: before
   * segments were named with {@link Locale#ROOT}, a JVM whose default locale writes Persian or Arabic digits named them
   * so, and by name they would sort after every segment written since.
   */
  private static long segmentNumber(Path segment) {
    String name = segment.getFileName().toString();
    try {
      return Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length()));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Reads the records of one segment into {@link #refs}; returns the highest sequence number seen. */
  private long scan(Path seg, boolean last) throws IOException {
    long maxSeq = 0;
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long pos = 0;
      ByteBuffer header = ByteBuffer.allocate(RecordCodec.HEADER_BYTES);
      while (pos < size) {
        header.clear();
        if (size - pos < RecordCodec.HEADER_BYTES || readFully(ch, header, pos) < RecordCodec.HEADER_BYTES) {
          break;
        }
        header.flip();
        int magic = header.getInt();
        int length = header.getInt();
        int crc = header.getInt();
        long seq = header.getLong();
        long millis = header.getLong();
        if (magic != RecordCodec.MAGIC || length < 0 || length > size - pos - RecordCodec.HEADER_BYTES) {
          break;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(ch, payload, pos + RecordCodec.HEADER_BYTES);
        if (RecordCodec.crc(seq, millis, payload.array(), 0, length) != crc) {
          break;
        }
        maxSeq = Math.max(maxSeq, seq);
        if (seq > ackedSeq) {
          refs.addLast(new Ref(seg, pos, seq, length, millis));
          bytes += length;
        }
        pos += RecordCodec.HEADER_BYTES + length;
      }
      if (pos < size) {
        corrupt++;
        if (last) {
          ch.truncate(pos); // a torn write: cut it off so appends continue after the last good record
          ch.force(true);
        }
      }
    }
    return maxSeq;
  }

  private static int readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /**
   * Appends a batch and returns its sequence number once it is durable. Drops the oldest batches first when the new
   * one would not fit under the cap.
   *
   * @throws IllegalArgumentException when one batch alone is larger than the cap
   */
  public long append(byte[] payload) throws IOException {
    synchronized (appendLock) {
      FileChannel channel;
      Path segment;
      long position;
      long seq;
      long millis;
      synchronized (this) {
        ensureOpen();
        if (payload.length > maxBytes) {
          dropped++;
          throw new IllegalArgumentException("batch of " + payload.length + " bytes exceeds the queue cap of "
              + maxBytes + " bytes");
        }
        boolean droppedNow = false;
        while (!refs.isEmpty() && bytes + payload.length > maxBytes) {
          Ref oldest = refs.removeFirst();
          bytes -= oldest.length();
          ackedSeq = oldest.seq();
          dropped++;
          droppedNow = true;
        }
        if (droppedNow) {
          writeAcked();
          deleteConsumedSegments();
        }
        int recordBytes = RecordCodec.HEADER_BYTES + payload.length;
        if (active == null || (active.size() > 0 && active.size() + recordBytes > segmentBytes)) {
          startSegment();
        }
        seq = nextSeq;
        millis = clock.millis();
        position = active.size();
        channel = active;
        segment = activePath;
        ByteBuffer record = RecordCodec.encode(seq, millis, payload);
        try {
          while (record.hasRemaining()) {
            active.write(record);
          }
        } catch (IOException e) {
          writeFailed(position, e);
          throw e;
        }
      }
      // The disk flush without the queue's lock: the consumer goes on sending and acknowledging meanwhile. Only this
      // thread (appendLock) writes, truncates or replaces the active segment, so the record stays where it was put.
      if (fsync) {
        try {
          channel.force(false);
        } catch (IOException e) {
          synchronized (this) {
            if (channel == active) {
              writeFailed(position, e);
            } else {
              writeErrors++; // closed meanwhile: the record was never published, the next open cuts a torn tail
            }
          }
          throw e;
        }
      }
      synchronized (this) {
        nextSeq++;
        refs.addLast(new Ref(segment, position, seq, payload.length, millis));
        bytes += payload.length;
      }
      return seq;
    }
  }

  /**
   * Undoes a failed append: cuts the segment back to where the record began, so the next record follows the last good
   * one (a torn record in the middle of a segment would hide every record after it when the queue is next opened).
   * When even the cut fails, the segment is closed as it is and the next append starts a new one: opening then skips
   * the torn tail of this segment, counted as corrupt, and reads the next segment.
   */
  private void writeFailed(long recordStart, IOException e) {
    writeErrors++;
    if (Long.bitCount(writeErrors) == 1) {
      LOG.warn("export queue {}: a batch could not be written ({}: {}); it is not queued ({} write error(s) so far)",
          dir, e.getClass().getSimpleName(), e.getMessage(), writeErrors);
    }
    try {
      active.truncate(recordStart);
      active.position(recordStart);
    } catch (IOException | RuntimeException cutFailed) {
      try {
        active.close();
      } catch (IOException ignored) {
        // it is being abandoned
      }
      active = null;
      activePath = null;
      nextSeq++; // the next segment is named after the next sequence number: never this abandoned one's name
    }
  }

  /** The oldest batch not yet acknowledged, if any. */
  public synchronized Optional<QueuedBatch> peek() throws IOException {
    ensureOpen();
    Ref ref = refs.peekFirst();
    return ref == null ? Optional.empty() : Optional.of(read(ref));
  }

  /** True while the batch {@code seq} is queued (not acknowledged, not dropped); reads nothing from disk. */
  public synchronized boolean contains(long seq) {
    for (Ref ref : refs) {
      if (ref.seq() >= seq) {
        return ref.seq() == seq;
      }
    }
    return false;
  }

  /**
   * The batch queued right after batch {@code seq}, if {@code seq} is still queued and has a successor: what the
   * consumer sends next once {@code seq} is acknowledged (it decodes it while {@code seq} is in flight).
   */
  public synchronized Optional<QueuedBatch> peekAfter(long seq) throws IOException {
    ensureOpen();
    Iterator<Ref> it = refs.iterator();
    while (it.hasNext()) {
      Ref ref = it.next();
      if (ref.seq() == seq) {
        return it.hasNext() ? Optional.of(read(it.next())) : Optional.empty();
      }
      if (ref.seq() > seq) {
        break;
      }
    }
    return Optional.empty();
  }

  private QueuedBatch read(Ref ref) throws IOException {
    ByteBuffer payload = ByteBuffer.allocate(ref.length());
    if (!ref.segment().equals(readingPath)) {
      closeReading();
      reading = FileChannel.open(ref.segment(), StandardOpenOption.READ);
      readingPath = ref.segment();
    }
    readFully(reading, payload, ref.position() + RecordCodec.HEADER_BYTES);
    return new QueuedBatch(ref.seq(), Instant.ofEpochMilli(ref.enqueuedAtMillis()), payload.array());
  }

  /**
   * Acknowledges the oldest batch (sent and accepted, or permanently rejected). Acknowledging anything but the oldest
   * is a programming error.
   */
  public synchronized void ack(long seq) throws IOException {
    ensureOpen();
    Ref head = refs.peekFirst();
    if (head == null || head.seq() != seq) {
      // dropped in the meantime because the queue was full: nothing to do
      if (head != null && seq > head.seq()) {
        throw new IllegalStateException("ack out of order: " + seq + ", oldest is " + head.seq());
      }
      return;
    }
    refs.removeFirst();
    bytes -= head.length();
    ackedSeq = seq;
    writeAcked();
    deleteConsumedSegments();
  }

  /** The cap on queued payload bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Current size and counters. */
  public synchronized QueueStats stats() {
    Ref head = refs.peekFirst();
    return new QueueStats(refs.size(), bytes, dropped, corrupt, writeErrors,
        head == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(head.enqueuedAtMillis())));
  }

  private void startSegment() throws IOException {
    if (active != null) {
      active.close();
      active = null; // until the new one is open: a failed open (disk full) must not leave a closed channel here
    }
    Path next = dir.resolve(String.format(Locale.ROOT, "%020d%s", nextSeq, SEGMENT_SUFFIX)); // ASCII digits, sortable
    try {
      active = channels.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      writeErrors++;
      throw e;
    }
    activePath = next;
    segments.add(next);
    if (fsync) {
      forceDirectory();
    }
  }

  /** Deletes every segment but the active one whose records are all acknowledged. */
  private void deleteConsumedSegments() throws IOException {
    Path firstNeeded = refs.isEmpty() ? null : refs.peekFirst().segment();
    while (!segments.isEmpty()) {
      Path oldest = segments.get(0);
      if (oldest.equals(firstNeeded) || oldest.equals(activePath)) {
        break;
      }
      if (oldest.equals(readingPath)) {
        closeReading();
      }
      Files.deleteIfExists(oldest);
      segments.remove(0);
    }
  }

  private long readAcked() {
    Path f = dir.resolve(ACK_FILE);
    try {
      if (!Files.exists(f)) {
        return 0;
      }
      return Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).trim());
    } catch (IOException | NumberFormatException e) {
      // a damaged ack file costs re-sending, never losing: start from the oldest record on disk
      corrupt++;
      return 0;
    }
  }

  private void writeAcked() throws IOException {
    Path f = dir.resolve(ACK_FILE);
    Path tmp = dir.resolve(ACK_FILE + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap((ackedSeq + "\n").getBytes(StandardCharsets.US_ASCII)));
    }
    try {
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // not every file system lets a directory be fsynced; the segment's own fsync still holds its records
    }
  }

  /** Opens a segment file; {@link FileChannel#open} outside tests. */
  @FunctionalInterface
  interface SegmentChannels {
    FileChannel open(Path path, java.nio.file.OpenOption... options) throws IOException;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("queue closed");
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    closeReading();
    if (active != null) {
      active.close();
    }
  }

  private void closeReading() {
    if (reading != null) {
      try {
        reading.close();
      } catch (IOException ignored) {
        // read-only: nothing is lost
      }
      reading = null;
      readingPath = null;
    }
  }
}
