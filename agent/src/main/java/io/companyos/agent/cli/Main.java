package io.companyos.agent.cli;

/** Entry point of {@code bin/agent}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // picocli's object factory looks for Groovy's Closure class at its first use unless told not to: the failed lookup
    // searched the jar, which every other class comes from the class-data archive without opening. With the version a
    // constant (BuildVersion) nothing else opens and indexes the 24,000-entry jar at start: ~6 ms of each command
    // (docs/benchmarks.md, session 17). This agent declares no Groovy closures.
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    System.exit(AgentCommand.execute(args));
  }
}
