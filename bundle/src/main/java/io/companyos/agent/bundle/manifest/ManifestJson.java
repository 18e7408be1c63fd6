package io.companyos.agent.bundle.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Reads and writes {@link Manifest} and {@link RedactionReport} as pretty-printed JSON with ISO-8601 timestamps.
 * Reading rejects unknown fields, so a manifest from a newer format fails loudly rather than half-parsed.
 */
public final class ManifestJson {

  private final ObjectMapper mapper = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();

  public byte[] write(Manifest manifest) throws IOException {
    return mapper.writeValueAsBytes(manifest);
  }

  public byte[] write(RedactionReport report) throws IOException {
    return mapper.writeValueAsBytes(report);
  }

  public Manifest readManifest(byte[] json) throws IOException {
    return mapper.readValue(json, Manifest.class);
  }

  public RedactionReport readReport(byte[] json) throws IOException {
    return mapper.readValue(json, RedactionReport.class);
  }
}
