package io.companyos.agent.collectors.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a set number of bytes were read: a runaway exposition is an error. */
final class BoundedInputStream extends FilterInputStream {

  private final long max;
  private long count;

  BoundedInputStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws IOException {
    count += n;
    if (count > max) {
      throw new IOException("exposition larger than " + (max >> 20) + " MiB");
    }
  }
}
