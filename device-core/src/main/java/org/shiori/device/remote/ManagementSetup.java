package org.shiori.device.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.shiori.config.DeviceConfig;
import org.shiori.device.health.HealthCheck;
import org.shiori.device.messaging.MqttLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote management as a service's {@code run} command sets it up, the kiosk's and the gate's
 * alike: {@link #atStart} before the configuration is read, {@link #startOn} when the link exists.
 *
 * @param updates the configuration file given with {@code --config}
 * @param pending a configuration update found under way at this start
 * @param confirmWithin how long a new configuration has to be connected and healthy
 * @param restart ends the process to be started again
 */
public record ManagementSetup(
    ConfigUpdates updates,
    Optional<ConfigUpdates.Pending> pending,
    Duration confirmWithin,
    Runnable restart) {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementSetup.class);

  /** Long enough for a reader to answer and the broker to be reached after a restart. */
  public static final Duration CONFIRM_WITHIN = Duration.ofSeconds(120);

  public ManagementSetup {
    Objects.requireNonNull(updates, "updates");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(confirmWithin, "confirmWithin");
    Objects.requireNonNull(restart, "restart");
  }

  /** Advances or rolls back a configuration update under way, before {@code config} is read. */
  public static ManagementSetup atStart(Path config, Runnable restart) throws IOException {
    ConfigUpdates updates = new ConfigUpdates(config);
    return new ManagementSetup(updates, updates.atStart(), CONFIRM_WITHIN, restart);
  }

  /**
   * When the configuration of an update under way cannot be loaded, or the service does not start
   * with it: puts the previous one back.
   *
   * @return true if it did, and the service should exit to be started again
   */
  public boolean rollBackIfTrying(String reason) {
    if (pending.filter(p -> p.stage() == ConfigUpdates.Stage.TRYING).isEmpty()) {
      return false;
    }
    try {
      updates.rollBack(reason);
      return true;
    } catch (IOException e) {
      LOG.error("cannot roll the configuration back: {}", e.getMessage());
      return false;
    }
  }

  /**
   * Subscribes to the device's management topic on {@code link} (before it starts).
   *
   * @param resync asks central for a snapshot of every data set
   */
  public RemoteManagement startOn(
      MqttLink link, DeviceConfig config, HealthCheck health, Clock clock, Runnable resync) {
    ServiceActions actions =
        new ServiceActions() {
          @Override
          public String resync() {
            resync.run();
            return "snapshots of items, patrons, holds, policy and calendar requested from central";
          }

          @Override
          public String rotateLogs() throws IOException {
            return LogFiles.rotate();
          }

          @Override
          public void restart() {
            restart.run();
          }
        };
    RemoteManagement management =
        new RemoteManagement(
            link,
            config,
            updates,
            pending,
            CommandJournal.open(config.dataDir()),
            actions,
            health,
            clock,
            confirmWithin);
    management.start();
    return management;
  }
}
