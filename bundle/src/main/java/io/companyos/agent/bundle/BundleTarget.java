package io.companyos.agent.bundle;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/** Where a sealed bundle goes. */
public sealed interface BundleTarget {

  /** Into {@code dir}, under the standard name {@code companyos-support-<cluster>-<node>-<UTC time>.tar.zst.pgp}. */
  static BundleTarget directory(Path dir) {
    return new Directory(dir);
  }

  /** Exactly at {@code file}. */
  static BundleTarget file(Path file) {
    return new File(file);
  }

  /** Streamed to {@code out} (stdout for {@code --out -}); not closed. */
  static BundleTarget stream(OutputStream out) {
    return new Stream(out);
  }

  record Directory(Path dir) implements BundleTarget {
    public Directory {
      Objects.requireNonNull(dir, "dir");
    }
  }

  record File(Path file) implements BundleTarget {
    public File {
      Objects.requireNonNull(file, "file");
    }
  }

  record Stream(OutputStream out) implements BundleTarget {
    public Stream {
      Objects.requireNonNull(out, "out");
    }
  }
}
