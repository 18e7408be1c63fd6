# Sourced by the redaction benchmarks. redaction_config STATE_DIR: prints the agent.yaml they run `bin/agent redact`
# with: the state directory, and the full default catalog plus the customer domains and keywords of make-logs.py's
# corpus (the same lists as bench's BenchCatalog, which the in-memory benchmarks use).
redaction_config() {
  cat <<YAML
stateDir: $1
redaction:
  customerDomains: [acme-corp.com, contoso.com, globex.com, initech.com, umbrella.com, hooli.com, wayne-ent.com,
                    stark-ind.com, tyrell.com, cyberdyne.com, soylent.com, vandelay.com]
  keywords: [acme, contoso, globex, initech, umbrella, hooli, wayne, stark, tyrell, cyberdyne, soylent, vandelay]
YAML
}
