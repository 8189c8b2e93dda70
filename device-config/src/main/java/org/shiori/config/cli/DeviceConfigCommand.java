package org.shiori.config.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.shiori.config.cli.pki.CaCommand;
import org.shiori.config.cli.pki.ProvisionCommand;
import org.shiori.config.cli.reader.ReaderCommand;
import org.shiori.config.cli.tag.TagCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The technician's tool. Exit codes: 0 success, 1 failure (e.g. an invalid configuration), 2 usage
 * error; {@code selftest} also 3: nothing failed, but checks of parts the running service holds
 * were not run.
 */
@Command(
    name = "device-config",
    mixinStandardHelpOptions = true,
    version = "device-config 0.1.0",
    description = {
      "Shiori technician tool: provision a device and its certificates, check configurations,",
      "tags and readers, test a provisioned device and show a running one's status."
    },
    subcommands = {
      ValidateCommand.class,
      ShowCommand.class,
      TagCommand.class,
      ReaderCommand.class,
      ProvisionCommand.class,
      CaCommand.class,
      SelftestCommand.class,
      StatusCommand.class,
      PatronCommand.class,
      DecommissionCommand.class,
    })
public final class DeviceConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: show the usage and report a usage error. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    spec.commandLine().usage(err);
    return CommandLine.ExitCode.USAGE;
  }

  /** A command line wired with the given output streams; used by {@link #main} and by tests. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new DeviceConfigCommand());
    for (DeviceConfigExtension extension :
        java.util.ServiceLoader.load(DeviceConfigExtension.class)) {
      commandLine.addSubcommand(extension.name(), extension.command());
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(commandLine(out, err).execute(args));
  }
}
