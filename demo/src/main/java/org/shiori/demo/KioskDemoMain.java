package org.shiori.demo;

import org.shiori.kiosk.app.KioskCommand;
import picocli.CommandLine;

/** {@code bin/kiosk demo}: the kiosk's own command line with the demo added to it. */
public final class KioskDemoMain {
  private KioskDemoMain() {}

  /** The kiosk's command line with {@code demo}, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    return KioskCommand.commandLine().addSubcommand(new DemoCommand());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
