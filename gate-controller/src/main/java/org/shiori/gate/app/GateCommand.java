package org.shiori.gate.app;

import org.shiori.device.app.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/gate}: the security gate service. Exit codes: 0 ok, 2 usage error, 1 failure. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    version = "Shiori gate 0.1.0",
    description = "Shiori RFID security gate.",
    footer = {
      "",
      "The alarm-rule simulator, 'gate simulate', comes with the demo module (bin/gate simulate)."
    },
    subcommands = {GateRunCommand.class})
public final class GateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The command line with Shiori's exit codes, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    return ExitCodes.commandLine(new GateCommand());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
