/**
 * Scraping CompanyOS services' own Prometheus endpoints: a parser for the Prometheus text
 * exposition format 0.0.4 and OpenMetrics 1.0 text (no maintained Java library parses them; the
 * Prometheus Java client only writes them), an allowlist of metric-name globs, and the scraper.
 */
package io.companyos.agent.collectors.prometheus;
