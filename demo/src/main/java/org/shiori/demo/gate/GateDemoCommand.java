package org.shiori.demo.gate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/gate demo}: a whole gate on an emulated reader, its monitor page and a script API. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs a demo gate: emulated reader, mock light/buzzer/beam, embedded broker, monitor page"
            + " at /gate/, script API under /sim/api.")
public final class GateDemoCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8090",
      description = "HTTP port of the monitor page and API (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to serve on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--data",
      description = "Gate data directory (default: a fresh temporary directory).")
  Path data;

  @Option(
      names = "--broker",
      description = "Use this MQTT broker (tcp://HOST:PORT) instead of the embedded one.")
  URI broker;

  @Override
  public Integer call() throws Exception {
    GateDemo demo =
        GateDemo.start(Optional.ofNullable(data), Optional.ofNullable(broker), Clock.systemUTC());
    GateDemoServer server = new GateDemoServer(demo);
    int actual = server.start(host, port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  demo.close();
                },
                "gate-demo-shutdown"));
    String base = "http://" + host + ":" + actual;
    System.out.println("Shiori demo gate is running.");
    System.out.println("  monitor page: " + base + "/gate/");
    System.out.println("  catalogue:    " + base + "/sim/api/catalog");
    System.out.println(
        "  walk tags:    curl -X POST -d '{\"tags\":[\"<uid>\"]}' " + base + "/sim/api/walk");
    System.out.println("  outputs:      " + base + "/sim/api/outputs");
    System.out.println("  MQTT broker:  " + demo.brokerUrl());
    System.out.println("  gate data:    " + demo.dataDirectory());
    System.out.println("Press Ctrl+C to stop.");
    new CountDownLatch(1).await();
    return 0;
  }
}
