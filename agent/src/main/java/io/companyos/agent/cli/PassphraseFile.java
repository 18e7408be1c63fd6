package io.companyos.agent.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a key passphrase from a file: UTF-8, one trailing newline dropped, never echoed or logged. */
final class PassphraseFile {
  private PassphraseFile() {}

  /**
   * The passphrase in {@code file}, or {@code null} when no file was given.
   *
   * @throws UsageException when the file is missing, unreadable, not UTF-8 or empty
   */
  static char[] read(Path file) throws UsageException {
    if (file == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("passphrase file " + file + " does not exist");
    } catch (IOException e) {
      throw new UsageException("cannot read passphrase file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\n') {
      end--;
      if (end > 0 && bytes[end - 1] == '\r') {
        end--;
      }
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, end));
      char[] passphrase = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
      Arrays.fill(chars.array(), '\0');
      if (passphrase.length == 0) {
        throw new UsageException("passphrase file " + file + " is empty");
      }
      return passphrase;
    } catch (CharacterCodingException e) {
      throw new UsageException("passphrase file " + file + " is not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
