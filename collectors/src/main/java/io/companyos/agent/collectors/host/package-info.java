/**
 * Host and JVM metrics: OSHI for the node (CPU, load, memory, swap, filesystems, disk I/O,
 * network), Micrometer's binders for the agent's own JVM. One {@link
 * io.micrometer.core.instrument.binder.MeterBinder} per concern, every meter named {@code agent.*}
 * with a description and base unit.
 */
package io.companyos.agent.collectors.host;
