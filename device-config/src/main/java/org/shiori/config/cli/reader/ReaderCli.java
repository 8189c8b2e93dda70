package org.shiori.config.cli.reader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Shared parsing and error reporting of the reader subcommands. */
final class ReaderCli {
  static final int FAILURE = 1;
  static final ObjectMapper JSON = new ObjectMapper();

  /** The work of one subcommand on the open reader; returns the exit code. */
  @FunctionalInterface
  interface ReaderWork {
    int run(TagReader reader) throws ReaderException, IOException;
  }

  /** The question of one subcommand to the open reader; returns the JSON object to print. */
  @FunctionalInterface
  interface ReaderQuestion {
    ObjectNode ask(TagReader reader) throws ReaderException, IOException;
  }

  private ReaderCli() {}

  /** Opens the reader, runs the work and closes the reader; reader and port errors exit 1. */
  static int withReader(CommandSpec spec, ReaderOptions options, ReaderWork work) {
    try (TagReader reader = options.open()) {
      return work.run(reader);
    } catch (ReaderException e) {
      return fail(spec, e);
    } catch (IOException e) {
      return fail(spec, e);
    }
  }

  /** Like {@link #withReader}, printing the answer as one JSON line. */
  static int printAnswer(CommandSpec spec, ReaderOptions options, ReaderQuestion question) {
    return withReader(
        spec,
        options,
        reader -> {
          spec.commandLine().getOut().println(JSON.writeValueAsString(question.ask(reader)));
          return 0;
        });
  }

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
