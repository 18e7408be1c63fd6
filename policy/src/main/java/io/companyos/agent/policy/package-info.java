/**
 * What may leave the customer's environment: the phone-home {@link io.companyos.agent.policy.Tier}, and (later) the
 * egress guard, the telemetry allowlist, signed policy files and the egress ledger.
 */
package io.companyos.agent.policy;
