/**
 * The byte-level scanning engine and its detectors. Internal to the redaction module: other modules use
 * {@link io.companyos.agent.redaction.Redactor} only.
 *
 * <p>Every detector is triggered by ASCII bytes (a word start, {@code @}, {@code +}, {@code (}, or the end of
 * a keyword found by one Aho-Corasick automaton) and validates its candidate locally around the trigger.
 * Detectors work on UTF-8 bytes; non-ASCII bytes never trigger anything and are copied as they are.
 */
package io.companyos.agent.redaction.detect;
