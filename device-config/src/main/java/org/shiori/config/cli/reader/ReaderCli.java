package org.shiori.config.cli.reader;

import java.io.IOException;
import org.shiori.rfid.reader.ReaderException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Shared parsing and error reporting of the reader subcommands. */
final class ReaderCli {
  static final int FAILURE = 1;

  private ReaderCli() {}

  /** Parses 0..255 given as decimal or 0x-prefixed hex. */
  static int parseByte(CommandSpec spec, String option, String value) {
    try {
      String v = value.trim().toLowerCase(java.util.Locale.ROOT);
      int n = v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
      if (n < 0 || n > 255) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(), option + ": expected 0..255 or 0x00..0xFF, got '" + value + "'");
    }
  }

  static int fail(CommandSpec spec, ReaderException e) {
    spec.commandLine().getErr().println("reader error: " + e.getMessage());
    return FAILURE;
  }

  static int fail(CommandSpec spec, IOException e) {
    spec.commandLine().getErr().println("cannot use serial port: " + e.getMessage());
    return FAILURE;
  }
}
