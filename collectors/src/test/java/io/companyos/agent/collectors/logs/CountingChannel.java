package io.companyos.agent.collectors.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Wraps a channel and counts the bytes read through it. */
final class CountingChannel implements SeekableByteChannel {

  private final SeekableByteChannel delegate;
  private long bytesRead;
  private long reads;

  CountingChannel(SeekableByteChannel delegate) {
    this.delegate = delegate;
  }

  long bytesRead() {
    return bytesRead;
  }

  long reads() {
    return reads;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    int n = delegate.read(dst);
    reads++;
    if (n > 0) {
      bytesRead += n;
    }
    return n;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new UnsupportedOperationException("read only");
  }

  @Override
  public long position() throws IOException {
    return delegate.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    delegate.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new UnsupportedOperationException("read only");
  }

  @Override
  public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
