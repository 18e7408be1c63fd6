package io.companyos.agent.exporters.heartbeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.agent.policy.license.LicenseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The heartbeat, schema version 1: exactly these fields, in this order, nothing else.
 *
 * @param installationId random UUID of the installation
 * @param agentVersion the agent build
 * @param productVersion the CompanyOS version, or {@code unknown}
 * @param uptimeSeconds seconds since the agent started
 * @param license the offline license status
 * @param health green or red
 * @param sentAt when it is sent (seconds precision)
 */
public record HeartbeatDocument(UUID installationId, String agentVersion, String productVersion, long uptimeSeconds,
    LicenseStatus license, Health health, Instant sentAt) {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  public HeartbeatDocument {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(agentVersion, "agentVersion");
    Objects.requireNonNull(productVersion, "productVersion");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(health, "health");
    sentAt = sentAt.truncatedTo(ChronoUnit.SECONDS);
    uptimeSeconds = Math.max(0, uptimeSeconds);
  }

  /** The document built from {@code facts} as of {@code now}. */
  public static HeartbeatDocument of(HeartbeatFacts facts, Instant now) {
    return new HeartbeatDocument(facts.installationId(), facts.agentVersion(), facts.productVersion(),
        facts.uptime().toSeconds(), facts.license(), facts.health(), now);
  }

  /** The JSON tree, fields in schema order. */
  public ObjectNode toTree() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("installationId", installationId.toString());
    root.put("agentVersion", agentVersion);
    root.put("productVersion", productVersion);
    root.put("uptimeSeconds", uptimeSeconds);
    ObjectNode lic = root.putObject("license");
    lic.put("status", license.state().label());
    if (license.expiresAt().isPresent()) {
      lic.put("expiresAt", license.expiresAt().get().toString());
    } else {
      lic.putNull("expiresAt");
    }
    root.put("health", health.label());
    root.put("sentAt", sentAt.toString());
    return root;
  }

  /** The exact bytes sent: compact UTF-8 JSON. */
  public byte[] toJson() {
    return toTree().toString().getBytes(StandardCharsets.UTF_8);
  }
}
