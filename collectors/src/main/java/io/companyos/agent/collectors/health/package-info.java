/**
 * Health probes: one small {@link io.companyos.agent.collectors.health.Probe} interface, one class
 * per kind of target, and {@link io.companyos.agent.collectors.health.HealthCheck} to run a set of
 * them once into a {@link io.companyos.agent.collectors.health.HealthReport}.
 *
 * <p>A probe never throws and never hangs: each has its own timeout, and a timeout or exception is
 * reported as {@link io.companyos.agent.collectors.health.ProbeStatus#DOWN} with a short cause. The
 * cause is plain text for the redactor; a probe never puts the secret it was given into it.
 */
package io.companyos.agent.collectors.health;
