/**
 * Wiring of support bundles: the redaction engine and its canary self-test adapted to the bundle writer's plug-in
 * points, and the collectors that turn the agent's configuration into bundle sources (health, metrics, scrapes,
 * logs within the window, the effective configuration, the system snapshot, the egress ledger).
 */
package io.companyos.agent.bundling;
