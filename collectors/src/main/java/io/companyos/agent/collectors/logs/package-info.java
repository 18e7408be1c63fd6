/**
 * Log sources: enumerating files by glob, reading a time window from the end of large files by
 * binary search on byte offsets, following files across rotation, and turning raw lines (plain,
 * JSON or Kubernetes CRI) into {@link io.companyos.agent.collectors.logs.LogEvent}s with Java stack
 * traces joined and ERROR events marked with their exception type.
 */
package io.companyos.agent.collectors.logs;
