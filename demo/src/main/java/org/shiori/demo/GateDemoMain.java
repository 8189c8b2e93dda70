package org.shiori.demo;

import org.shiori.demo.gate.SimulateCommand;
import org.shiori.gate.app.GateCommand;

/** {@code bin/gate simulate}: the gate's own command line with the simulator added to it. */
public final class GateDemoMain {
  private GateDemoMain() {}

  public static void main(String[] args) {
    System.exit(GateCommand.commandLine().addSubcommand(new SimulateCommand()).execute(args));
  }
}
