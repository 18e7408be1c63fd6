package io.companyos.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * One entry of {@code scrapes:}: a CompanyOS service's own Prometheus {@code /metrics}.
 *
 * @param name scrape name (required; tags the scraped series as {@code scrape})
 * @param url http(s) URL of the exposition (required)
 * @param interval how often to scrape (default 60s)
 * @param allow metric-name globs to keep ({@code *} any run of characters); required, at least one:
 *     nothing is kept by default
 */
public record ScrapeConfig(String name, String url, Duration interval, List<String> allow) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  public ScrapeConfig {
    name = InvalidValueException.requiredText(name, "name");
    url = InvalidValueException.requiredText(url, "url");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new InvalidValueException("url", "expected an http or https URL for scrape '" + name + "'");
    }
    interval = interval == null ? DEFAULT_INTERVAL : interval;
    if (allow == null || allow.isEmpty()) {
      throw new InvalidValueException("allow",
          "required: at least one metric-name glob for scrape '" + name + "'");
    }
    allow = List.copyOf(allow);
  }
}
