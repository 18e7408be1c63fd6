package io.companyos.agent.collectors.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tiny tmpfs for full-disk tests, mounted on a new directory when this process may mount (root with
 * CAP_SYS_ADMIN: this machine and CI). {@link #mount} returns null where mounting is refused; the test then injects a
 * channel that runs out of space instead, so it runs everywhere and skips nowhere. {@link #close} unmounts.
 */
public final class SmallFileSystem implements AutoCloseable {
  private final Path root;

  private SmallFileSystem(Path root) {
    this.root = root;
  }

  /** A tmpfs of {@code size} (e.g. {@code 2m}) on a new directory under {@code parent}, or null when not permitted. */
  public static SmallFileSystem mount(Path parent, String size) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(parent, "tmpfs-");
    int status;
    try {
      status = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
    } catch (IOException noMountCommand) { // a minimal image without util-linux's mount: refused like a non-root user
      status = -1;
    }
    if (status != 0) {
      Files.delete(dir);
      return null;
    }
    return new SmallFileSystem(dir);
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (run("umount", root.toString()) != 0 && run("umount", "-l", root.toString()) != 0) {
      throw new IOException("could not unmount the test tmpfs at " + root);
    }
    Files.deleteIfExists(root);
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  public static String describe(SmallFileSystem fs) {
    return fs == null ? "an injected channel that runs out of space (mount refused)" : "a real 2 MiB tmpfs";
  }
}
