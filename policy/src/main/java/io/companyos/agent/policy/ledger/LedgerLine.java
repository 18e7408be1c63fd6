package io.companyos.agent.policy.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of a ledger entry: one JSON object per line, fields in a fixed order, {@code hash} last. The hash is
 * the SHA-256 of the exact line with the hash field cut off (and the object closed), so verification needs no
 * canonical JSON: it re-hashes the bytes as written.
 */
final class LedgerLine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");

  private LedgerLine() {}

  static LedgerEntry seal(long seq, Instant time, String event, String kind, String destination, long bytes,
      String sha256, String outcome, String prev) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("seq", seq);
    fields.put("time", time.toString());
    fields.put("event", event);
    fields.put("kind", kind);
    fields.put("destination", destination);
    fields.put("bytes", bytes);
    fields.put("sha256", sha256);
    fields.put("outcome", outcome);
    fields.put("prev", prev);
    String body;
    try {
      body = JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a ledger entry", e);
    }
    return new LedgerEntry(seq, time, event, kind, destination, bytes, sha256, outcome, prev, sha256Hex(body));
  }

  static String format(LedgerEntry e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("seq", e.seq());
    fields.put("time", e.time().toString());
    fields.put("event", e.event());
    fields.put("kind", e.kind());
    fields.put("destination", e.destination());
    fields.put("bytes", e.bytes());
    fields.put("sha256", e.sha256());
    fields.put("outcome", e.outcome());
    fields.put("prev", e.prev());
    fields.put("hash", e.hash());
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot encode a ledger entry", ex);
    }
  }

  /**
   * Parses a line and checks that its hash matches its text.
   *
   * @throws LedgerFormatException naming what is wrong (never the line's content)
   */
  static LedgerEntry parse(String line) throws LedgerFormatException {
    Matcher m = HASH_SUFFIX.matcher(line);
    if (!m.find()) {
      throw new LedgerFormatException("not a ledger entry (no hash at the end)");
    }
    String hash = m.group(1);
    String body = line.substring(0, m.start()) + "}";
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new LedgerFormatException("not a ledger entry (invalid JSON)");
    }
    if (!sha256Hex(body).equals(hash)) {
      throw new LedgerFormatException("hash mismatch: the entry was edited");
    }
    try {
      return new LedgerEntry(node.path("seq").asLong(-1), Instant.parse(node.path("time").asText()),
          text(node, "event"), text(node, "kind"), text(node, "destination"), node.path("bytes").asLong(-1),
          text(node, "sha256"), text(node, "outcome"), text(node, "prev"), hash);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new LedgerFormatException("not a ledger entry (missing or malformed fields)");
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
