package org.shiori.demo;

import org.shiori.kiosk.app.KioskCommand;

/** {@code bin/kiosk demo}: the kiosk's own command line with the demo added to it. */
public final class KioskDemoMain {
  private KioskDemoMain() {}

  public static void main(String[] args) {
    System.exit(KioskCommand.commandLine().addSubcommand(new DemoCommand()).execute(args));
  }
}
