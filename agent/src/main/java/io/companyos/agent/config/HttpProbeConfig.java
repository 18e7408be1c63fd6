package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.companyos.agent.collectors.health.HttpProbe;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.health.StatusRange;
import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.JdkHttpFetcher;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code type: http}: GET {@code url}; UP when the status is in {@code expectedStatus}.
 *
 * @param name probe name (required)
 * @param url http or https URL (required)
 * @param timeout default 5s
 * @param expectedStatus {@code 200-299} (default) or one code such as {@code 204}
 * @param caFile PEM bundle of the CA to trust for https (default: the JVM's trust store)
 * @param insecure trust any certificate and host name (default false; excludes caFile)
 * @param bearerTokenFile file whose content is sent as a bearer token (default none)
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record HttpProbeConfig(
    String name, String url, Duration timeout, String expectedStatus, Path caFile,
    Boolean insecure, Path bearerTokenFile) implements ProbeConfig {

  public HttpProbeConfig {
    name = ProbeConfig.requiredName(name);
    url = ProbeConfig.required(url, "url", name);
    timeout = ProbeConfig.timeoutOrDefault(timeout);
    expectedStatus = expectedStatus == null ? StatusRange.SUCCESS.toString() : expectedStatus;
    insecure = insecure != null && insecure;
    try {
      StatusRange.parse(expectedStatus);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("expectedStatus",
          "expected a status range like 200-299 or 204 for probe '" + name + "'");
    }
    if (insecure && caFile != null) {
      throw new InvalidValueException("insecure", "excludes caFile for probe '" + name + "'");
    }
    try {
      URI parsed = new URI(url);
      if (parsed.getHost() == null
          || !("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))) {
        throw new InvalidValueException("url", "expected an http or https URL for probe '" + name + "'");
      }
    } catch (URISyntaxException e) {
      throw new InvalidValueException("url", "expected an http or https URL for probe '" + name + "'");
    }
  }

  @Override
  public String type() {
    return "http";
  }

  @Override
  public Probe toProbe(Supplier<Vertx> vertx) {
    return toProbe(vertx, JdkHttpFetcher.shared());
  }

  @Override
  public Probe toProbe(Supplier<Vertx> vertx, HttpFetcher http) {
    HttpProbe.Builder builder = HttpProbe.builder(name, URI.create(url))
        .http(http)
        .timeout(timeout)
        .expectedStatus(StatusRange.parse(expectedStatus))
        .insecure(insecure);
    if (caFile != null) {
      builder.caFile(caFile);
    }
    if (bearerTokenFile != null) {
      builder.bearerTokenFile(bearerTokenFile);
    }
    return builder.build();
  }
}
