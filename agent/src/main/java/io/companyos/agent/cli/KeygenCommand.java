package io.companyos.agent.cli;

import io.companyos.agent.bundle.pgp.GeneratedKey;
import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.bundle.pgp.OpenPgpKeyGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent keygen}: the vendor's support key pair, for {@code bundle.recipients} and {@code decrypt-bundle}. */
@Command(name = "keygen",
    description = "Make an OpenPGP key pair for support bundles (v4: Ed25519 signing primary key, Curve25519"
        + " encryption subkey): NAME.pub.asc for customers' bundle.recipients, NAME.sec.asc (mode 0600) for"
        + " decrypt-bundle; both import into GnuPG.")
final class KeygenCommand implements Callable<Integer> {
  @Mixin
  VendorOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--name", required = true, paramLabel = "USER_ID",
      description = "The key's user ID, e.g. \"CompanyOS Support <support@companyos.io>\"")
  String name;

  @Option(names = "--out-dir", required = true, paramLabel = "DIR",
      description = "Directory for the two key files (created if missing); existing files are never overwritten")
  Path outDir;

  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = "Protect the secret key with the passphrase in FILE (default: no passphrase)")
  Path passphraseFile;

  @Option(names = "--file-name", paramLabel = "BASE",
      description = "Base name of the files (default: from the user ID, e.g. companyos-support)")
  String fileName;

  @Override
  public Integer call() throws UsageException, KeyException, IOException {
    common.applyLogging();
    if (name.isBlank()) {
      throw new UsageException("--name must not be blank");
    }
    String base = fileName != null ? fileName : baseName(name);
    if (!base.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new UsageException("--file-name must be 1-64 letters, digits, '.', '_' or '-'");
    }
    if (java.nio.file.Files.exists(outDir) && !java.nio.file.Files.isDirectory(outDir)) {
      // it said "DIR already exists; choose another --out-dir or --file-name", as if a key file were in the way
      throw new UsageException("--out-dir " + outDir + " is not a directory");
    }
    char[] passphrase = PassphraseFile.read(passphraseFile);
    try {
      GeneratedKey key = new OpenPgpKeyGenerator(Clock.systemUTC()).generateEncryptionKey(name.trim(), passphrase,
          null);
      GeneratedKey.KeyFiles files;
      try {
        files = key.writeTo(outDir, base);
      } catch (FileAlreadyExistsException e) {
        throw new UsageException(e.getFile() + " already exists; choose another --out-dir or --file-name");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("fingerprint " + key.fingerprint());
      out.println("public key  " + files.publicKey() + "  (give to customers: bundle.recipients)");
      out.println("secret key  " + files.secretKey() + "  (mode 0600; keep it with the support team"
          + (passphrase == null ? "; NOT passphrase-protected" : "") + ")");
      out.flush();
      return ExitCodes.OK;
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
  }

  /** "CompanyOS Support <support@companyos.io>" becomes "companyos-support". */
  static String baseName(String userId) {
    int angle = userId.indexOf('<');
    String label = angle > 0 ? userId.substring(0, angle) : userId;
    String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = "support-key";
    }
    return slug.length() > 64 ? slug.substring(0, 64) : slug;
  }
}
