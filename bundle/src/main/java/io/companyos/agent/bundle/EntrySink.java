package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where verified-as-they-stream entries go: a private directory, or nowhere. */
sealed interface EntrySink {

  /** Consumes {@code content} to its end. */
  void write(String name, InputStream content) throws IOException;

  /** Writes under a root directory, refusing (again) anything that would resolve outside it. */
  record ToDirectory(Path root) implements EntrySink {
    @Override
    public void write(String name, InputStream content) throws IOException {
      Path target = root.resolve(name).normalize();
      if (!target.startsWith(root) || target.equals(root)) {
        throw new IOException("entry resolves outside the output directory");
      }
      Files.createDirectories(target.getParent());
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        content.transferTo(out);
      }
    }
  }

  /** Reads and drops (verification without extraction). */
  record Discard() implements EntrySink {
    @Override
    public void write(String name, InputStream content) throws IOException {
      content.transferTo(OutputStream.nullOutputStream());
    }
  }
}
