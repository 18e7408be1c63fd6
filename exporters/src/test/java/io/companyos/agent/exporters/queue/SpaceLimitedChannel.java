package io.companyos.agent.exporters.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A file channel on a directory that holds at most {@code capacity} bytes, counting every file in it: a write fills
 * what is left, then fails with "No space left on device" as a full file system does. For where no tmpfs can be
 * mounted. Optionally runs a hook before every flush (a slow disk).
 */
final class SpaceLimitedChannel extends FileChannel {
  /** What runs before a flush; may block. */
  @FunctionalInterface
  interface FlushHook {
    void beforeForce() throws IOException;
  }

  private final FileChannel file;
  private final Path dir;
  private final long capacity;
  private final FlushHook onForce;

  private SpaceLimitedChannel(FileChannel file, Path dir, long capacity, FlushHook onForce) {
    this.file = file;
    this.dir = dir;
    this.capacity = capacity;
    this.onForce = onForce;
  }

  /** Opens files in {@code dir} through a channel limited to {@code capacity} bytes for the whole directory. */
  static DiskQueue.SegmentChannels in(Path dir, long capacity) {
    return in(dir, capacity, () -> {});
  }

  /** The same, with {@code onForce} run before every flush. */
  static DiskQueue.SegmentChannels in(Path dir, long capacity, FlushHook onForce) {
    return (path, options) -> new SpaceLimitedChannel(FileChannel.open(path, options), dir, capacity, onForce);
  }

  private long free() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long used = 0;
      for (Path f : (Iterable<Path>) files::iterator) {
        used += Files.size(f);
      }
      return Math.max(0, capacity - used);
    }
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    long free = free();
    if (free == 0 && src.hasRemaining()) {
      throw new IOException("No space left on device");
    }
    if (src.remaining() <= free) {
      return file.write(src);
    }
    ByteBuffer part = src.duplicate();
    part.limit(part.position() + (int) free);
    int n = file.write(part);
    src.position(src.position() + n);
    return n;
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    long n = 0;
    for (int i = offset; i < offset + length; i++) {
      n += write(srcs[i]);
    }
    return n;
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    throw new UnsupportedOperationException("positional writes are not used by the queue");
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return file.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return file.read(dsts, offset, length);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return file.read(dst, position);
  }

  @Override
  public long position() throws IOException {
    return file.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    file.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return file.size();
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    file.truncate(size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    onForce.beforeForce();
    file.force(metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return file.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw new UnsupportedOperationException("not used by the queue");
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return file.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return file.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return file.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    file.close();
  }
}
