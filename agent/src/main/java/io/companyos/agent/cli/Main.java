package io.companyos.agent.cli;

/** Entry point of {@code bin/agent}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && ("export-bundle".equals(args[0]) || "redact".equals(args[0]) && !reveals(args))) {
      HmacWarmUp.start();
    }
    System.exit(AgentCommand.execute(args));
  }

  /** {@code redact --reveal}: looks tokens up, makes none. */
  private static boolean reveals(String[] args) {
    for (String a : args) {
      if (a.startsWith("--reveal")) {
        return true;
      }
    }
    return false;
  }
}
