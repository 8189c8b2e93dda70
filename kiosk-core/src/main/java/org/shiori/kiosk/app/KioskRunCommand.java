package org.shiori.kiosk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.device.app.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk run --config FILE}: the kiosk service as systemd starts it. Runs until SIGTERM, then
 * stops every part in order; the JVM then exits with 143, which the unit counts as success.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the kiosk service: reader, lending rules, store, link to central,",
      "patron screen on 127.0.0.1:ui.port and admin API on 127.0.0.1:admin.port."
    })
public final class KioskRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The device configuration, e.g. /etc/shiori/device.yaml.")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config);
    } catch (ConfigException e) {
      e.errors().stream().map(ConfigError::toString).forEach(err::println);
      err.flush();
      return ExitCodes.FAILURE;
    }
    ProductionKiosk kiosk;
    try {
      kiosk = ProductionKiosk.start(device, Clock.system(device.zone()));
    } catch (KioskStartException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kiosk.close();
                  stopped.countDown();
                },
                "kiosk-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Shiori kiosk %s running: patron screen http://%s:%d/, admin API http://%s:%d/admin/%n",
        device.deviceId(),
        ProductionKiosk.LOOPBACK,
        kiosk.uiPort(),
        ProductionKiosk.LOOPBACK,
        kiosk.adminPort());
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
