package io.companyos.agent.exporters.heartbeat;

/** The heartbeat's one-word health of the installation. */
public enum Health {
  GREEN("green"),
  RED("red");

  private final String label;

  Health(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
