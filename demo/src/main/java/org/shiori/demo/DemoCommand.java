package org.shiori.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/kiosk demo}: a whole kiosk in one process, with no external service. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a demo kiosk: embedded MQTT broker, demo library, emulated FEIG reader,",
      "Shiori Central itself (SQLite, standalone), patron screen at / and simulator at /sim/."
    })
public final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port of the screen and simulator (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to serve on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--data",
      description = "Device data directory (default: a fresh temporary directory).")
  Path data;

  @Option(
      names = "--broker",
      description = "Use this MQTT broker (tcp://HOST:PORT) instead of the embedded one.")
  URI broker;

  @Option(
      names = "--external-central",
      description =
          "Start no central of its own: a central (bin/central run) already serves the broker"
              + " given with --broker, with the demo's tenant and tenant key (docs/central.md).")
  boolean externalCentral;

  @Override
  public Integer call() throws Exception {
    DemoOptions options =
        new DemoOptions(
            host,
            port,
            Optional.ofNullable(data),
            Optional.ofNullable(broker),
            Clock.systemDefaultZone(),
            Optional.empty(),
            externalCentral);
    DemoKiosk kiosk = DemoKiosk.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(kiosk::close, "demo-shutdown"));
    System.out.println("Shiori demo kiosk is running.");
    System.out.println("  patron screen: " + kiosk.baseUrl() + "/");
    System.out.println("  simulator:     " + kiosk.baseUrl() + "/sim/");
    System.out.println("  MQTT broker:   " + kiosk.brokerUrl());
    System.out.println("  device data:   " + kiosk.dataDirectory());
    System.out.println("Press Ctrl+C to stop.");
    new CountDownLatch(1).await();
    return 0;
  }
}
