package org.shiori.device.app;

import picocli.CommandLine;

/**
 * Exit codes of every Shiori command: 0 success, 2 usage error, 1 failure; a service ends with 75
 * to be started again (a restart or configuration update from central).
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  /**
   * The service stopped to be started again; the units list it in {@code RestartForceExitStatus=}
   * and {@code SuccessExitStatus=} (75 is EX_TEMPFAIL of sysexits.h).
   */
  public static final int RESTART = 75;

  private ExitCodes() {}

  /** A command line with Shiori's exit codes and error handling. */
  public static CommandLine commandLine(Object command) {
    CommandLine cli = new CommandLine(command);
    cli.setExitCodeExceptionMapper(e -> FAILURE);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("error: " + e.getMessage());
          return FAILURE;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine line = e.getCommandLine();
          line.getErr().println("error: " + e.getMessage());
          line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    return cli;
  }
}
