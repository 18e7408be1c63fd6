package io.companyos.agent.bundle.pgp;

import java.util.HexFormat;
import java.util.Locale;

/** Fingerprints as GnuPG prints them with {@code --with-colons}: upper-case hex, no spaces. */
final class Fingerprints {

  private Fingerprints() {}

  static String hex(byte[] fingerprint) {
    return HexFormat.of().formatHex(fingerprint).toUpperCase(Locale.ROOT);
  }
}
