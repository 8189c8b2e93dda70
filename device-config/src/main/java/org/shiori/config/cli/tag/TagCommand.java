package org.shiori.config.cli.tag;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tag}: technician tools for tag user memory (decode a dump, encode a new block). */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = "Decode or encode library tag data (ISO 28560-3/-2, 3M RFID501).",
    subcommands = {TagDecodeCommand.class, TagEncodeCommand.class})
public final class TagCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: decode or encode");
  }
}
