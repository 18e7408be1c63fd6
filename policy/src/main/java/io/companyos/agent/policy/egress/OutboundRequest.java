package io.companyos.agent.policy.egress;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One POST as the guard hands it to the transport, after every check passed and the ledger recorded it.
 *
 * @param destination the configured endpoint
 * @param contentType the body's media type
 * @param headers further request headers (already screened)
 * @param body the exact bytes to send, as recorded in the ledger
 */
public record OutboundRequest(URI destination, String contentType, Map<String, String> headers, byte[] body) {
  public OutboundRequest {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(contentType, "contentType");
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutboundRequest r && destination.equals(r.destination) && contentType.equals(r.contentType)
        && headers.equals(r.headers) && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(destination, contentType, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "OutboundRequest[" + destination + ", " + contentType + ", " + body.length + " bytes]";
  }
}
