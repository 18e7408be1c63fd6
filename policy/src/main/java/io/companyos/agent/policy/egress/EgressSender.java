package io.companyos.agent.policy.egress;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.companyos.agent.policy.DenialReason;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.allowlist.TelemetryItem;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The only way an exporter can send: a permission for one payload kind to one destination, handed out by
 * {@link EgressGuard#sender}. It cannot be constructed outside the guard. Each send is checked against the allowlist
 * before it is recorded in the ledger and handed to the transport.
 */
public final class EgressSender {
  private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

  private final EgressGuard guard;
  private final PayloadKind kind;
  private final URI destination;

  EgressSender(EgressGuard guard, PayloadKind kind, URI destination) {
    this.guard = guard;
    this.kind = kind;
    this.destination = destination;
  }

  public PayloadKind kind() {
    return kind;
  }

  public URI destination() {
    return destination;
  }

  /**
   * Sends a heartbeat document (JSON). It must be exactly the allowlisted schema (no extra, missing or malformed
   * field, no duplicate key), or it is denied and counted.
   *
   * @param headers at most {@code Idempotency-Key} ({@code [A-Za-z0-9-]{8,64}})
   */
  public CompletableFuture<EgressResult> sendDocument(byte[] json, Map<String, String> headers) {
    if (kind != PayloadKind.HEARTBEAT) {
      return denied(DenialReason.SCHEMA);
    }
    Optional<DenialReason> headerProblem = headerProblem(headers);
    if (headerProblem.isPresent()) {
      return denied(headerProblem.get());
    }
    JsonNode node;
    try {
      node = STRICT_JSON.readTree(json);
    } catch (IOException e) {
      return denied(DenialReason.SCHEMA);
    }
    Optional<String> problem = guard.allowlist().heartbeatProblem(node);
    if (problem.isPresent()) {
      org.slf4j.LoggerFactory.getLogger(EgressSender.class).warn("heartbeat denied: {}", problem.get());
      return denied(DenialReason.SCHEMA);
    }
    return guard.dispatch(kind, destination, "application/json", headers, json);
  }

  /**
   * Screens telemetry data points against the allowlist, encodes only those that pass, and sends the encoding. Points
   * that fail are dropped and counted by reason; a batch whose resource attributes fail is denied whole; a batch with
   * nothing left is not sent ({@code DENIED}).
   *
   * @param resource the OTLP resource attributes of the batch
   * @param points the data points (metric points for {@code otlp-metrics}, log records for {@code otlp-logs})
   * @param describe a point's name and attributes, as the allowlist sees them
   * @param encode encodes the admitted points, e.g. as an OTLP protobuf request
   * @param contentType the encoding's media type, e.g. {@code application/x-protobuf}
   * @param headers at most {@code Content-Encoding: gzip} and {@code Idempotency-Key}
   */
  public <T> CompletableFuture<EgressResult> sendScreened(Map<String, String> resource, List<T> points,
      Function<T, TelemetryItem> describe, Function<List<T>, byte[]> encode, String contentType,
      Map<String, String> headers) {
    return recordScreened(resource, points, describe, encode, contentType, headers).send();
  }

  /**
   * What {@link #sendScreened} does before the payload leaves — the same checks, the encoding, the ledger's send entry
   * — without sending it: {@link RecordedSend#send()} sends it, {@link RecordedSend#abandon} records that it did not
   * leave. A denied payload comes back as a {@code RecordedSend} holding its denial.
   */
  public <T> RecordedSend recordScreened(Map<String, String> resource, List<T> points,
      Function<T, TelemetryItem> describe, Function<List<T>, byte[]> encode, String contentType,
      Map<String, String> headers) {
    if (kind == PayloadKind.HEARTBEAT) {
      return deniedRecord(DenialReason.SCHEMA);
    }
    Optional<DenialReason> headerProblem = headerProblem(headers);
    if (headerProblem.isPresent()) {
      return deniedRecord(headerProblem.get());
    }
    Optional<DenialReason> resourceProblem = guard.allowlist().checkResource(resource);
    if (resourceProblem.isPresent()) {
      guard.deny(kind, resourceProblem.get(), Math.max(1, points.size()));
      return RecordedSend.denied(EgressResult.denied(resourceProblem.get()));
    }
    List<T> admitted = new ArrayList<>();
    Map<DenialReason, Long> dropped = new EnumMap<>(DenialReason.class);
    for (T point : points) {
      TelemetryItem item = describe.apply(point);
      Optional<DenialReason> d = kind == PayloadKind.OTLP_METRICS
          ? guard.allowlist().checkMetric(item) : guard.allowlist().checkLogEvent(item);
      if (d.isPresent()) {
        dropped.merge(d.get(), 1L, Long::sum);
      } else {
        admitted.add(point);
      }
    }
    dropped.forEach((reason, n) -> guard.deny(kind, reason, n));
    if (admitted.isEmpty()) {
      return RecordedSend.denied(EgressResult.denied(
          dropped.isEmpty() ? DenialReason.NAME : dropped.keySet().iterator().next()));
    }
    return guard.record(kind, destination, contentType, headers, encode.apply(List.copyOf(admitted)));
  }

  private Optional<DenialReason> headerProblem(Map<String, String> headers) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      boolean ok = switch (name) {
        case "idempotency-key" -> IDEMPOTENCY_KEY.matcher(h.getValue()).matches();
        case "content-encoding" -> kind != PayloadKind.HEARTBEAT && h.getValue().equals("gzip");
        default -> false;
      };
      if (!ok) {
        return Optional.of(DenialReason.HEADER);
      }
    }
    return Optional.empty();
  }

  private RecordedSend deniedRecord(DenialReason reason) {
    guard.deny(kind, reason);
    return RecordedSend.denied(EgressResult.denied(reason));
  }

  private CompletableFuture<EgressResult> denied(DenialReason reason) {
    guard.deny(kind, reason);
    return CompletableFuture.completedFuture(EgressResult.denied(reason));
  }
}
