package io.companyos.agent.policy.egress;

/** Creates the transport when egress is first permitted; never called in tier airgapped. */
@FunctionalInterface
public interface TransportFactory {
  EgressTransport create();
}
