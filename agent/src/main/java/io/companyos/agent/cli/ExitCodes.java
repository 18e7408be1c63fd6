package io.companyos.agent.cli;

/** The agent's exit statuses, the same for every command. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** The work failed (a probe down, a bundle not written, a daemon that could not start). */
  public static final int FAILED = 1;
  /** Bad usage or bad configuration: nothing was attempted. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
