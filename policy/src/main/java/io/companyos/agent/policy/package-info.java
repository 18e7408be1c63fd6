/**
 * What may leave the customer's environment: the phone-home {@link io.companyos.agent.policy.Tier}, the payload kinds,
 * and, in sub-packages, the egress guard ({@code egress}), the telemetry allowlist ({@code allowlist}), the egress
 * ledger ({@code ledger}), signed policy files ({@code signed}) and offline license status ({@code license}).
 * Nothing here opens a socket: the network side is an {@link io.companyos.agent.policy.egress.EgressTransport}
 * implemented by the exporters module and held only by the guard.
 */
package io.companyos.agent.policy;
