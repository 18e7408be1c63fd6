package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.InputStream;

/** Opens a source's content; called once, from a writer thread, and the stream is closed by the writer. */
@FunctionalInterface
public interface ContentOpener {
  InputStream open() throws IOException;
}
