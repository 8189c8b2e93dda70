package org.shiori.kiosk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.device.app.ExitCodes;
import org.shiori.device.app.ProcessRestart;
import org.shiori.device.health.ServiceManager;
import org.shiori.device.health.SystemdNotify;
import org.shiori.device.health.Watchdog;
import org.shiori.device.remote.ManagementSetup;
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
      "Runs the kiosk service until it is stopped (SIGTERM).",
      "Reader, lending rules, store and link to central; the patron screen on",
      "127.0.0.1:ui.port and the admin API on 127.0.0.1:admin.port. Under systemd it reports",
      "READY and keeps the watchdog fed while the reader loop, store and link workers run."
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
    ManagementSetup management;
    try {
      // Before the configuration is read: a remote update under way is tried or undone here.
      management = ManagementSetup.atStart(config, ProcessRestart::exitForRestart);
    } catch (IOException e) {
      err.println("error: configuration update marker next to " + config + ": " + e.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    }
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config);
    } catch (ConfigException e) {
      e.errors().stream().map(ConfigError::toString).forEach(err::println);
      return notStarted(err, management, "the new configuration is refused at start");
    }
    ProductionKiosk kiosk;
    try {
      kiosk = ProductionKiosk.start(device, Clock.system(device.zone()), Optional.of(management));
    } catch (KioskStartException e) {
      err.println("error: " + e.getMessage());
      return notStarted(err, management, "the kiosk does not start with the new configuration");
    }
    // The environment is read here, at the edge: systemd names its socket and watchdog interval.
    Map<String, String> environment = System.getenv();
    ServiceManager systemd = SystemdNotify.fromEnvironment(environment);
    Optional<Watchdog> watchdog =
        SystemdNotify.watchdogInterval(environment)
            .map(interval -> new Watchdog(kiosk.health(), systemd, interval));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  systemd.stopping();
                  watchdog.ifPresent(Watchdog::close);
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
    systemd.ready(
        "serving; patron screen on port "
            + kiosk.uiPort()
            + ", admin API on port "
            + kiosk.adminPort());
    stopped.await();
    return ExitCodes.OK;
  }

  /** With a remote update under way, the previous configuration is put back for the restart. */
  private static int notStarted(PrintWriter err, ManagementSetup management, String reason) {
    if (management.rollBackIfTrying(reason)) {
      err.println("the previous configuration is back in place; exiting to be started again");
      err.flush();
      return ExitCodes.RESTART;
    }
    err.flush();
    return ExitCodes.FAILURE;
  }
}
