/** Redaction benchmarks: JMH throughput of the engine against a plain UTF-8 line copy, and file tools. */
package io.companyos.agent.bench.redaction;
