package io.companyos.agent.cli;

import io.companyos.agent.bundle.pgp.DecryptionKey;
import io.companyos.agent.bundle.pgp.KeyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --key SECRET.asc}… and {@code --passphrase-file F}: the vendor's secret key(s) to open bundles with. */
final class DecryptionKeyOptions {
  @Option(names = "--key", required = true, paramLabel = "SECRET.asc",
      description = "Secret key file (ASCII-armoured or binary, from agent keygen or gpg --export-secret-keys);"
          + " repeat to try several")
  List<Path> keyFiles;

  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = "File holding the secret key's passphrase (default: the key is not protected)")
  Path passphraseFile;

  /** Reads every key; a missing file, a public key, or a wrong passphrase fails with one line. */
  List<DecryptionKey> load() throws UsageException, KeyException {
    for (Path file : keyFiles) {
      // a key file that is not there is bad usage (exit 2), as a missing --in bundle or --passphrase-file is
      if (!Files.exists(file)) {
        throw new UsageException("secret key file " + file + " does not exist");
      }
    }
    char[] passphrase = PassphraseFile.read(passphraseFile);
    try {
      List<DecryptionKey> keys = new ArrayList<>();
      for (Path file : keyFiles) {
        keys.add(DecryptionKey.read(file, passphrase));
      }
      return keys;
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
  }
}
