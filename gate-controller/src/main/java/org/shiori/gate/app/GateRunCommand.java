package org.shiori.gate.app;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.DeviceRole;
import org.shiori.config.reader.ConfiguredReaders;
import org.shiori.device.admin.AdminToken;
import org.shiori.device.app.DeviceSecrets;
import org.shiori.device.app.ExitCodes;
import org.shiori.device.app.ProcessRestart;
import org.shiori.device.health.ServiceManager;
import org.shiori.device.health.SystemdNotify;
import org.shiori.device.health.Watchdog;
import org.shiori.device.remote.ManagementSetup;
import org.shiori.rfid.reader.TagReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gate run --config FILE}: the gate service until it is stopped (SIGTERM). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the gate: reader, alarm light and buzzer, beam, MQTT, item cache.")
final class GateRunCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "The device configuration (YAML).")
  Path config;

  @Option(
      names = "--cycle-ms",
      defaultValue = "20",
      description = "Pause between inventory rounds (default: ${DEFAULT-VALUE}).")
  long cycleMs;

  @Option(
      names = "--passage-window-ms",
      defaultValue = "3000",
      description =
          "A tag unread for this long has left; its next read alarms again"
              + " (default: ${DEFAULT-VALUE}).")
  long passageWindowMs;

  @Spec CommandSpec spec;

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    GateTuning tuning;
    try {
      tuning = tuning();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      spec.commandLine().getErr().println("Try 'gate run --help'.");
      return ExitCodes.USAGE;
    }
    // Before the configuration is read: a remote update under way is tried or undone here.
    ManagementSetup management = ManagementSetup.atStart(config, ProcessRestart::exitForRestart);
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config);
    } catch (ConfigException e) {
      for (ConfigError error : e.errors()) {
        spec.commandLine().getErr().println(error);
      }
      return management.rollBackIfTrying("the new configuration is refused at start")
          ? ExitCodes.RESTART
          : ExitCodes.FAILURE;
    }
    if (device.role() != DeviceRole.GATE) {
      spec.commandLine()
          .getErr()
          .println(config + ": role is " + device.role().configName() + ", not gate");
      return ExitCodes.FAILURE;
    }
    AdminToken adminToken;
    try {
      // Before the reader and GPIO are touched: a key or token others can read is refused outright.
      DeviceSecrets.requireOwnerOnly(device);
      adminToken = AdminToken.readFrom(device.dataDir());
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println(config + ": refusing to start: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    CountDownLatch stopping = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopInOrder(stopping, closed), "gate-shutdown"));
    try (TagReader reader = ConfiguredReaders.open(device.reader(), tuning.readerTimeout())) {
      Context pi4j = Pi4J.newAutoContext();
      Optional<String> refusal = GpioHonesty.refusal(pi4j, device.requireGate());
      if (refusal.isPresent()) {
        pi4j.shutdown();
        spec.commandLine().getErr().println(config + ": " + refusal.get());
        return ExitCodes.FAILURE;
      }
      try (GateService gate =
          GateService.start(
              device,
              reader,
              pi4j,
              tuning,
              clock,
              Optional.of(management),
              Optional.of(adminToken))) {
        // The environment is read here, at the edge: systemd names its socket and watchdog.
        Map<String, String> environment = System.getenv();
        ServiceManager systemd = SystemdNotify.fromEnvironment(environment);
        Optional<Watchdog> watchdog =
            SystemdNotify.watchdogInterval(environment)
                .map(interval -> new Watchdog(gate.health(), systemd, interval));
        systemd.ready("guarding the exit");
        stopping.await();
        systemd.stopping();
        watchdog.ifPresent(Watchdog::close);
      } finally {
        pi4j.shutdown();
      }
    } finally {
      closed.countDown();
    }
    return ExitCodes.OK;
  }

  private GateTuning tuning() {
    return GateTuning.DEFAULT
        .withCycle(Duration.ofMillis(cycleMs))
        .withPassageWindow(Duration.ofMillis(passageWindowMs));
  }

  /** SIGTERM: lets the main thread switch the outputs off and close the link before exit. */
  private static void stopInOrder(CountDownLatch stopping, CountDownLatch closed) {
    stopping.countDown();
    try {
      closed.await(SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
