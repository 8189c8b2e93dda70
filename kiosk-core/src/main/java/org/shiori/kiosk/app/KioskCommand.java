package org.shiori.kiosk.app;

import org.shiori.circulation.policy.cli.PolicyCommand;
import org.shiori.device.app.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/kiosk}: the kiosk service, the staff card key and the policy tools. */
@Command(
    name = "kiosk",
    mixinStandardHelpOptions = true,
    version = "Shiori kiosk 0.1.0",
    description = "Shiori self-service kiosk.",
    footer = {"", "The demo kiosk, 'kiosk demo', comes with the demo module (bin/kiosk demo)."},
    subcommands = {KioskRunCommand.class, StaffCardKeyCommand.class, PolicyCommand.class})
public final class KioskCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The command line with Shiori's exit codes, for {@link #main}, the demo and tests. */
  public static CommandLine commandLine() {
    return ExitCodes.commandLine(new KioskCommand());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
