package io.companyos.agent.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * The agent's private state directory (mode 0700): the installation id, keys, queues and ledger live here. An open
 * {@code StateDirectory} holds an exclusive lock on {@code agent.lock}, so two agents never share one directory.
 */
public final class StateDirectory implements AutoCloseable {
  static final String LOCK_FILE = "agent.lock";
  static final String INSTALLATION_ID_FILE = "installation-id";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final UUID installationId;

  private StateDirectory(Path dir, FileChannel lockChannel, FileLock lock, UUID installationId) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.installationId = installationId;
  }

  /**
   * Creates (mode 0700) and locks the directory, and reads or generates the installation id.
   *
   * @throws StateDirectoryException when it cannot be created or written, or another agent holds it
   */
  public static StateDirectory open(Path dir) throws StateDirectoryException {
    Path abs = dir.toAbsolutePath().normalize();
    createPrivate(abs);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(abs.resolve(LOCK_FILE),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = readHolder(abs.resolve(LOCK_FILE));
        channel.close();
        throw new StateDirectoryException("state directory " + abs + " is in use by another agent" + holder
            + "; give each agent its own stateDir");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(true);
      return new StateDirectory(abs, channel, lock, readOrCreateInstallationId(abs));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StateDirectoryException("state directory " + abs + " is not writable ("
          + e.getClass().getSimpleName() + ")");
    } catch (StateDirectoryException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very JVM
    }
  }

  private static String readHolder(Path lockFile) {
    try {
      String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
      return pid.matches("\\d{1,10}") ? " (pid " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void createPrivate(Path dir) throws StateDirectoryException {
    try {
      if (!Files.isDirectory(dir)) {
        try {
          Files.createDirectories(dir.getParent());
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
          // another process created it first; the permission check below still applies
        }
      }
      if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new StateDirectoryException("cannot create state directory " + dir + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static UUID readOrCreateInstallationId(Path dir) throws IOException, StateDirectoryException {
    Path file = dir.resolve(INSTALLATION_ID_FILE);
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        throw new StateDirectoryException("state directory " + dir + ": " + INSTALLATION_ID_FILE
            + " is not a UUID; restore it from a backup or delete it to start as a new installation");
      }
    }
    UUID id = UUID.randomUUID();
    writeAtomically(file, (id + "\n").getBytes(StandardCharsets.US_ASCII));
    return id;
  }

  /**
   * The installation id for a one-shot command that may run beside the daemon ({@code kubectl exec … agent
   * export-bundle} while {@code agent run} holds the lock): opens the directory when it is free, which creates the id
   * on first use; reads the existing id without the lock when the daemon holds it.
   *
   * @throws StateDirectoryException when the directory cannot be created, or is locked and holds no readable id
   */
  public static UUID readInstallationId(Path dir) throws StateDirectoryException {
    try (StateDirectory state = open(dir)) {
      return state.installationId();
    } catch (StateDirectoryException locked) {
      try {
        return UUID.fromString(Files.readString(dir.resolve(INSTALLATION_ID_FILE), StandardCharsets.US_ASCII).trim());
      } catch (IOException | IllegalArgumentException unreadable) {
        throw locked;
      }
    }
  }

  /** Writes a file in the state directory so that readers see the old content or the new, never a torn one. */
  public static void writeAtomically(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(content));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public Path path() {
    return dir;
  }

  public UUID installationId() {
    return installationId;
  }

  /**
   * Checks that the directory can still be written (a full disk, a read-only remount, a deleted directory), by
   * writing and removing a small file.
   *
   * @return null when writable, otherwise the reason
   */
  public String writabilityProblem() {
    Path probe = dir.resolve(".write-check");
    try {
      Files.write(probe, new byte[] {1});
      Files.delete(probe);
      return null;
    } catch (IOException e) {
      return "state directory " + dir + " is not writable (" + e.getClass().getSimpleName() + ")";
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException ignored) {
      // closing the channel below releases it too
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }
}
