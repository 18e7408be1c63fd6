package io.companyos.agent.bundle;

/** Each way making or opening a bundle can fail, so callers and tests can tell them apart. */
public enum BundleFailure {
  /** The redaction self-test let a canary through: no bundle is written. */
  CANARY_SURVIVED,
  /** No usable recipient, signing key, or the output cannot be written. */
  EXPORT_FAILED,
  /** A review directory does not match what was staged into it. */
  REVIEW_MISMATCH,
  /** The input is not an OpenPGP message at all. */
  NOT_A_BUNDLE,
  /** None of the given keys is a recipient of the bundle (or its key packet is damaged). */
  WRONG_KEY,
  /** The file ends early. */
  TRUNCATED,
  /** The encrypted data was changed or corrupted (the integrity check failed). */
  INTEGRITY,
  /** Decrypts and checks out, but the content is not a bundle of a known format. */
  MALFORMED,
  /** Files do not match the manifest (hash, size, missing or extra files). */
  MANIFEST_MISMATCH,
  /** The manifest signature is missing or does not verify with the key the manifest names. */
  SIGNATURE_INVALID,
  /** An entry with an absolute path. */
  ABSOLUTE_PATH,
  /** An entry whose path climbs out with {@code ..}. */
  PATH_TRAVERSAL,
  /** A link entry pointing outside the output directory. */
  LINK_OUTSIDE,
  /** An entry type or name a bundle never holds (other links, devices, odd names). */
  UNSUPPORTED_ENTRY,
  /** The output directory exists and is not empty, or cannot be written. */
  OUTPUT_UNUSABLE
}
