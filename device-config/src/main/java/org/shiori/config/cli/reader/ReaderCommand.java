package org.shiori.config.cli.reader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reader}: talk to an RFID reader on a serial port (inventory, info, secure). */
@Command(
    name = "reader",
    mixinStandardHelpOptions = true,
    description = "Talk to a FEIG or 3M 810 reader on a serial port.",
    subcommands = {
      ReaderInventoryCommand.class,
      ReaderInfoCommand.class,
      ReaderSecureCommand.class
    })
public final class ReaderCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand: inventory, info or secure");
  }
}
