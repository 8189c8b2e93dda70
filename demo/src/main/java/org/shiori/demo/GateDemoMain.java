package org.shiori.demo;

import org.shiori.demo.gate.SimulateCommand;
import org.shiori.gate.app.GateCommand;
import picocli.CommandLine;

/** {@code bin/gate simulate}: the gate's own command line with the simulator added to it. */
public final class GateDemoMain {
  private GateDemoMain() {}

  /** The gate's command line with {@code simulate}, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    return GateCommand.commandLine().addSubcommand(new SimulateCommand());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
