package io.companyos.agent.policy.pgp;

/** The outcome of checking a detached OpenPGP signature against a set of trusted keys. */
public enum SignatureVerdict {
  /** Made over exactly these bytes by one of the trusted keys. */
  VALID,
  /** The signature bytes are not an OpenPGP signature. */
  MALFORMED,
  /** A well-formed signature by a key that is not among the trusted ones (or is revoked). */
  UNTRUSTED_KEY,
  /** By a trusted key, but not over these bytes: the data was changed after signing. */
  BAD_SIGNATURE
}
