package io.companyos.agent.cli;

/** Entry point of {@code bin/agent}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(AgentCommand.execute(args));
  }
}
