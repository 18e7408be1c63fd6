package io.companyos.agent.collectors.prometheus;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.JdkHttpFetcher;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Scrapes one CompanyOS service's {@code /metrics}: GET with the OpenMetrics-preferring Accept
 * header, parse by the response's Content-Type, keep the allowlisted families. Never throws and
 * never fails its future: HTTP errors, timeouts and malformed expositions become a
 * {@link ScrapeResult} with an error. GETs through an {@link HttpFetcher}: the JDK's client by default, the daemon's
 * Vert.x event loop in the daemon; the timeout bounds the whole scrape, body included, and the body is capped at
 * 16 MiB.
 */
public final class PrometheusScraper {

  private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final String name;
  private final URI url;
  private final MetricAllowlist allowlist;
  private final Duration timeout;
  private final Clock clock;
  private final HttpFetcher http;
  private final ExpositionParser parser = new ExpositionParser();

  private PrometheusScraper(Builder b) {
    this.name = b.name;
    this.url = b.url;
    this.allowlist = b.allowlist;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.http = b.http;
  }

  public static Builder builder(String name, URI url, MetricAllowlist allowlist) {
    return new Builder(name, url, allowlist);
  }

  public String name() {
    return name;
  }

  /** Scrapes once. */
  public CompletableFuture<ScrapeResult> scrape() {
    Instant time = clock.instant();
    long start = System.nanoTime();
    HttpFetcher.Request request = HttpFetcher.Request.get(url, timeout)
        .header("Accept", ExpositionFormat.ACCEPT)
        .maxBodyBytes(MAX_BODY_BYTES);
    return http.get(request)
        .thenApply(response -> read(response, time, start))
        .exceptionally(error -> failed(time, start, describe(error)));
  }

  private ScrapeResult read(HttpFetcher.Response response, Instant time, long start) {
    if (response.status() != 200) {
      return failed(time, start, "HTTP " + response.status());
    }
    try (Reader reader = new InputStreamReader(response.bodyStream(), StandardCharsets.UTF_8)) {
      ExpositionFormat format = ExpositionFormat.ofContentType(response.contentType());
      List<MetricFamily> all = parser.parse(reader, format);
      List<MetricFamily> kept = allowlist.filter(all);
      return new ScrapeResult(name, time, elapsed(start), kept, all.size() - kept.size(), null);
    } catch (ExpositionParseException e) {
      return failed(time, start, e.getMessage());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return failed(time, start, describe(e));
    }
  }

  private ScrapeResult failed(Instant time, long start, String error) {
    return new ScrapeResult(name, time, elapsed(start), List.of(), 0, error);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private String describe(Throwable error) {
    Throwable e = error;
    while (e.getCause() != null && (e instanceof java.util.concurrent.CompletionException
        || e instanceof java.io.UncheckedIOException)) {
      e = e.getCause();
    }
    if (e instanceof java.util.concurrent.TimeoutException
        || e instanceof java.net.http.HttpTimeoutException) {
      return "timed out after " + timeout.toMillis() + " ms";
    }
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof HttpFetcher.ResponseTooLargeException) {
      return "exposition larger than " + (MAX_BODY_BYTES >> 20) + " MiB";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
  }

  /** Options of a {@link PrometheusScraper}. */
  public static final class Builder {
    private final String name;
    private final URI url;
    private final MetricAllowlist allowlist;
    private Duration timeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private HttpFetcher http = JdkHttpFetcher.shared();

    private Builder(String name, URI url, MetricAllowlist allowlist) {
      this.name = Objects.requireNonNull(name, "name");
      this.url = Objects.requireNonNull(url, "url");
      this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
    }

    /** Time allowed for the whole scrape. Default 10 s. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Clock for the scrape time. Default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The HTTP client: the JDK's (default) or the daemon's {@code VertxHttpFetcher}. */
    public Builder http(HttpFetcher http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    public PrometheusScraper build() {
      return new PrometheusScraper(this);
    }
  }
}
