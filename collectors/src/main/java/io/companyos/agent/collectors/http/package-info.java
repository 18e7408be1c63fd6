/**
 * HTTP plumbing the collectors share: one GET ({@link io.companyos.agent.collectors.http.HttpFetcher}) on the JDK's
 * client (one per process) or on the daemon's Vert.x event loop, and its TLS settings.
 */
package io.companyos.agent.collectors.http;
