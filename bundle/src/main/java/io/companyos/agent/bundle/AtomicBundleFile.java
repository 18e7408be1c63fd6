package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A bundle file that appears only when complete: written to a hidden temp name (mode 0600) in the target's
 * directory, fsynced, then renamed. Until {@link #commit()}, a JVM shutdown (Ctrl-C) removes the temp file. A process
 * killed outright leaves the temp file (never a file under the final name); it stays locked while its writer lives,
 * and the next export into the same directory removes it once it is stale ({@link Leftovers}).
 */
final class AtomicBundleFile implements AutoCloseable {

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final Thread removeOnShutdown;
  private boolean committed;

  AtomicBundleFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    if (Files.exists(this.target)) {
      throw new FileAlreadyExistsException(this.target.toString(), null, "refusing to overwrite");
    }
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    Leftovers.sweep(dir);
    this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".partial",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    Leftovers.hold(channel); // released when the channel closes, also when the process dies
    this.removeOnShutdown = new Thread(this::removeTemp, "bundle-temp-cleanup");
    Runtime.getRuntime().addShutdownHook(removeOnShutdown);
  }

  /** The stream to write the bundle into; closing it does not close the file. */
  OutputStream stream() {
    return Channels.newOutputStream(channel);
  }

  Path temp() {
    return temp;
  }

  /** fsync, rename into place, fsync the directory. */
  Path commit() throws IOException {
    channel.force(true);
    channel.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target);
    }
    committed = true;
    forgetShutdownHook();
    try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException ignored) {
      // not every file system lets a directory be opened for fsync; the rename is done either way
    }
    return target;
  }

  /** Removes the temp file unless committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // removing the file matters more
      }
      removeTemp();
      forgetShutdownHook();
    }
  }

  private void removeTemp() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // nothing more to do on the way out
    }
  }

  private void forgetShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(removeOnShutdown);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run
    }
  }
}
