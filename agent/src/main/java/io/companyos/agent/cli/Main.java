package io.companyos.agent.cli;

/** Entry point of {@code bin/agent}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // picocli's object factory looks for Groovy's Closure class at its first use unless told not to; the failed lookup
    // opened and indexed the 24,000-entry jar (every other class comes from the class-data archive), ~7 ms of each
    // command's start (docs/benchmarks.md, session 17). This agent declares no Groovy closures.
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    System.exit(AgentCommand.execute(args));
  }
}
