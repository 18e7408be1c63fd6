package io.companyos.agent.collectors.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follows one log path across rotation, poll by poll (the daemon calls {@link #poll()} on its
 * {@code log-tailer} worker). Handles both rotation styles:
 *
 * <ul>
 *   <li><b>rename</b> (logrotate default, kubelet): the path names a new file (another inode); the
 *       rest of the old file is read to its end, then the new file from its start.
 *   <li><b>copytruncate</b>: the same file shrinks below the read position; reading restarts at
 *       offset 0. Lines written between the copy and the truncation are lost to every reader (that
 *       is inherent to copytruncate).
 * </ul>
 *
 * Only complete lines are returned; a line still being written stays buffered until its line
 * break arrives (or until a rename rotation, which completes it). A line longer than the cap (1 MiB) is cut there,
 * so a huge single-line file costs bounded memory. A path that turns into something other than a regular file (a
 * FIFO, a directory) is refused with {@code FileSystemException} "not a regular file" before it is opened, and
 * followed again once it is a file. Not thread-safe.
 */
public final class LogFollower implements AutoCloseable {

  private static final int BUFFER = 64 * 1024;

  private final Path path;
  private final int maxLineBytes;
  private boolean startAtEnd;
  private FileChannel channel;
  private Object fileKey;
  private long position;
  private final StringBuilder pending = new StringBuilder();

  /**
   * @param path the file to follow (need not exist yet)
   * @param startAtEnd true to skip what the file holds when first opened (the daemon's choice),
   *     false to read it from the start
   */
  public LogFollower(Path path, boolean startAtEnd) {
    this(path, startAtEnd, 1024 * 1024);
  }

  LogFollower(Path path, boolean startAtEnd, int maxLineBytes) {
    this.path = Objects.requireNonNull(path, "path");
    this.startAtEnd = startAtEnd;
    this.maxLineBytes = maxLineBytes;
  }

  public Path path() {
    return path;
  }

  /** The complete lines written since the last poll, in order. */
  public List<String> poll() throws IOException {
    List<String> lines = new ArrayList<>();
    if (channel == null && !open(startAtEnd)) {
      startAtEnd = false; // a file created from now on holds only new lines
      return lines;
    }
    startAtEnd = false;
    BasicFileAttributes now = attributesOrNull();
    if (now != null && Objects.equals(now.fileKey(), fileKey) && now.size() < position) {
      position = 0; // copytruncate
      pending.setLength(0);
    }
    drain(lines);
    if (now != null && !Objects.equals(now.fileKey(), fileKey)) {
      drain(lines); // renamed away: whatever the writer added meanwhile
      if (pending.length() > 0) {
        lines.add(pending.toString());
        pending.setLength(0);
      }
      closeChannel();
      try {
        if (open(false)) {
          drain(lines);
        }
      } catch (FileSystemException notAFile) {
        // the old file's last lines are returned now; the next poll reports the new path's problem
      }
    }
    return lines;
  }

  private boolean open(boolean atEnd) throws IOException {
    BasicFileAttributes found = attributesOrNull();
    if (found == null) {
      return false;
    }
    if (!found.isRegularFile()) {
      // a FIFO would block this open (and the log-tailer thread) until a writer comes; a directory cannot be read
      throw new FileSystemException(path.toString(), null, "not a regular file");
    }
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return false;
    }
    BasicFileAttributes attributes = attributesOrNull();
    fileKey = attributes == null ? null : attributes.fileKey();
    position = atEnd ? channel.size() : 0;
    return true;
  }

  private void drain(List<String> lines) throws IOException {
    ChannelLines reader = new ChannelLines(channel, position, BUFFER, maxLineBytes);
    for (String line = reader.next(false); line != null; line = reader.next(false)) {
      if (pending.length() > 0) {
        line = pending.append(line).toString();
        pending.setLength(0);
      }
      lines.add(line);
    }
    // an unterminated tail: keep its text (read once, cut to the cap) and move past it
    String tail = reader.unterminatedRest();
    if (tail != null && pending.length() < maxLineBytes) {
      pending.append(tail);
    }
    position = reader.nextLineStart();
  }

  private BasicFileAttributes attributesOrNull() throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeChannel();
  }
}
