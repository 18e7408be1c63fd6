/**
 * Plain data for support bundles: the system the agent runs on (OS, kernel, JVM, container and
 * Kubernetes identity) and the CompanyOS configuration files to include. Nothing here is redacted:
 * the bundle writer redacts everything it writes.
 */
package io.companyos.agent.collectors.snapshot;
