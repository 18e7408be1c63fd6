package io.companyos.agent.bundle.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads key files, which are small: anything over {@link #MAX_KEY_FILE_BYTES} is not a key. */
final class KeyFiles {

  static final int MAX_KEY_FILE_BYTES = 1 << 20;

  private KeyFiles() {}

  static byte[] read(Path file, String what) throws KeyException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
      if (bytes.length > MAX_KEY_FILE_BYTES) {
        throw new KeyException(what + " " + file + " is larger than 1 MiB: not a key file");
      }
      if (bytes.length == 0) {
        throw new KeyException(what + " " + file + " is empty");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new KeyException(what + " " + file + " does not exist", e);
    } catch (IOException e) {
      throw new KeyException("cannot read " + what + " " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
