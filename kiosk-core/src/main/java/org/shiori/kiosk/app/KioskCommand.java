package org.shiori.kiosk.app;

import org.shiori.kiosk.demo.DemoCommand;
import org.shiori.kiosk.policy.cli.PolicyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/kiosk}: the kiosk service, its demo, and the policy tools. */
@Command(
    name = "kiosk",
    mixinStandardHelpOptions = true,
    version = "Shiori kiosk 0.1.0",
    description = "Shiori self-service kiosk.",
    subcommands = {RunCommand.class, DemoCommand.class, PolicyCommand.class})
public final class KioskCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(ExitCodes.commandLine(new KioskCommand()).execute(args));
  }
}
