package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link ContentOpener} that can start at any byte offset and may be opened several times (a file on disk). The
 * writer splits a large text source with one into line-aligned chunks that are redacted in parallel
 * ({@link LineChunks}).
 */
@FunctionalInterface
public interface SeekableContentOpener extends ContentOpener {

  /** The content from {@code offset} (relative to where {@link #open()} starts) to its end. */
  InputStream openAt(long offset) throws IOException;

  @Override
  default InputStream open() throws IOException {
    return openAt(0);
  }
}
