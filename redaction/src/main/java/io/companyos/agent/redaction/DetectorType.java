package io.companyos.agent.redaction;

import java.util.Locale;

/**
 * The built-in detectors of the catalog. Each one has a short lower-case {@link #label()} that names it
 * in replacement tokens ({@code <email:5f2c9a1e>}), in configuration and in the {@link RedactionReport}.
 */
public enum DetectorType {
  /** E-mail addresses, also under internal domains and URL-encoded ({@code %40}). */
  EMAIL("email"),
  /** IPv4 addresses, octet-checked; not loopback, {@code 0.0.0.0}, versions or OIDs. */
  IPV4("ipv4"),
  /** IPv6 addresses in every compressed form, with zone ids and IPv4-mapped tails. */
  IPV6("ipv6"),
  /** MAC addresses (colon, hyphen, Cisco dot); not broadcast or all-zero. */
  MAC("mac"),
  /** Phone numbers, international and national formats with separators. */
  PHONE("phone"),
  /** Payment card numbers: Luhn-valid and in a known IIN range. */
  CREDIT_CARD("card"),
  /** IBANs: ISO 13616 mod-97 with per-country length. */
  IBAN("iban"),
  /** US social security numbers (area/group/serial rules). */
  US_SSN("ssn"),
  /** JSON Web Tokens. */
  JWT("jwt"),
  /** AWS access key ids ({@code AKIA…}, {@code ASIA…}). */
  AWS_ACCESS_KEY("aws_key"),
  /** AWS secret access keys (by key). */
  AWS_SECRET_KEY("aws_secret"),
  /** Vendor-prefixed API tokens ({@code ghp_}, {@code glpat-}, {@code xoxb-}, {@code sk_live_}, {@code hvs.}, …). */
  API_TOKEN("token"),
  /** PEM private keys of every kind (not certificates or public keys). */
  PRIVATE_KEY("private_key"),
  /** {@code Authorization: Bearer/Basic} credentials. */
  AUTH_HEADER("auth"),
  /** Passwords and secrets found by their key, and URL userinfo passwords. */
  SECRET("secret"),
  /** User names in structural slots (sshd, pam, PostgreSQL {@code user=}, home directories, URL userinfo). */
  USERNAME("user"),
  /** Person names where structurally marked (name keys, {@code CN=} of a user DN). */
  PERSON_NAME("name"),
  /** Customer host names: configured domains and internal suffixes. */
  HOSTNAME("host"),
  /** Configured keywords (customer names, project code names). */
  KEYWORD("keyword"),
  /**
   * Password hashes recognised by their scheme ({@code $6$…}, {@code $2b$…}, {@code $argon2id$…}, {@code $apr1$…},
   * {@code {SSHA}…}, {@code pbkdf2_sha256$…}, {@code SCRAM-SHA-256$…}): crackable offline.
   */
  PASSWORD_HASH("password_hash"),
  /** Dates of birth, by their key ({@code dob}, {@code birthDate}, {@code date_of_birth}, {@code birthday}). */
  BIRTH_DATE("birthdate"),
  /** Street addresses, by their key ({@code street}, {@code streetAddress}, {@code address_line1}, {@code line1}). */
  STREET_ADDRESS("address"),
  /**
   * Government identity numbers: national ids, tax and social insurance numbers, passports and driving licences, by
   * their key ({@code nino}, {@code pesel}, {@code bsn}, {@code steuer_id}, {@code codice_fiscale}, {@code cpf},
   * {@code passport_number}, …), and UK National Insurance numbers by their shape.
   */
  NATIONAL_ID("national_id"),
  /** Bank account numbers other than IBANs, by their key ({@code account_number}, {@code bank_account}). */
  BANK_ACCOUNT("bank_account"),
  /**
   * A phone's or a subscriber's identity, by its key: IMEI, IMSI, ICCID, MEID ({@code imei=}, an MDM's
   * {@code "imei"}, a mobile core's {@code imsi-310260…}): the device of one person, like a MAC address.
   */
  DEVICE_ID("device_id");

  private final String label;

  DetectorType(String label) {
    this.label = label;
  }

  /** The lower-case label used in tokens, configuration and reports. */
  public String label() {
    return label;
  }

  /**
   * Finds a detector by its label or its enum name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the unknown detector
   */
  public static DetectorType fromName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (DetectorType t : values()) {
      if (t.label.equals(n) || t.name().toLowerCase(Locale.ROOT).equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown detector: " + name);
  }
}
