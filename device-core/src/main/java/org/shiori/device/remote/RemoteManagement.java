package org.shiori.device.remote;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.shiori.config.DeviceConfig;
import org.shiori.device.health.HealthCheck;
import org.shiori.device.messaging.ConnectionListener;
import org.shiori.device.messaging.MqttLink;
import org.shiori.protocol.ManagementCommand;
import org.shiori.protocol.ManagementResult;
import org.shiori.protocol.ManagementResult.Status;
import org.shiori.protocol.PayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs central's management commands from {@code lib/{tenant}/dev/{deviceId}/manage} and answers
 * each on {@code .../manage/result} (docs/mqtt.md, "Remote management"). Only central can publish
 * there (broker ACL); the device still reads every command strictly: a malformed, oversized or
 * misaddressed one is answered {@code rejected} and changes nothing. A command id already in the
 * {@link CommandJournal} is not run again; its kept result is sent again.
 *
 * <p>A configuration update ends in a restart; this class also finishes one that was under way when
 * the service started: {@code done} once the link is up and the health check passes, or back to the
 * previous configuration (and a restart) when that has not happened within {@code confirmWithin}.
 */
public final class RemoteManagement implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteManagement.class);

  /** How long a result may take to reach the broker before the service restarts anyway. */
  private static final Duration RESULT_SENT_WITHIN = Duration.ofSeconds(10);

  private static final Duration HEALTH_RETRY = Duration.ofSeconds(1);

  private final MqttLink link;
  private final String deviceId;
  private final DeviceConfig running;
  private final ConfigUpdates updates;
  private final CommandJournal journal;
  private final ServiceActions actions;
  private final HealthCheck health;
  private final Clock clock;
  private final Duration confirmWithin;
  private final ScheduledExecutorService worker;

  // Confined to the worker thread.
  private Optional<ConfigUpdates.Pending> pending;

  /**
   * @param link the device's link, not yet started
   * @param running the configuration the service runs with
   * @param updates the configuration file and its update markers
   * @param pending what {@link ConfigUpdates#atStart()} found at this start
   * @param journal results of the commands seen
   * @param actions what the commands do
   * @param health must pass before a new configuration counts as good
   * @param clock for the results' times
   * @param confirmWithin how long a new configuration has to be connected and healthy
   */
  public RemoteManagement(
      MqttLink link,
      DeviceConfig running,
      ConfigUpdates updates,
      Optional<ConfigUpdates.Pending> pending,
      CommandJournal journal,
      ServiceActions actions,
      HealthCheck health,
      Clock clock,
      Duration confirmWithin) {
    this.link = link;
    this.deviceId =
        link.settings()
            .deviceId()
            .orElseThrow(() -> new IllegalArgumentException("management needs a device link"));
    this.running = running;
    this.updates = updates;
    this.pending = pending;
    this.journal = journal;
    this.actions = actions;
    this.health = health;
    this.clock = clock;
    this.confirmWithin = confirmWithin;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "remote-management");
              t.setDaemon(true);
              return t;
            });
  }

  /** Subscribes to the command topic; call before the link starts. */
  public void start() {
    link.subscribe(
        link.topics().manage(deviceId), 1, m -> worker.execute(() -> guarded(m.payload())));
    link.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {
            worker.execute(RemoteManagement.this::finishPendingUpdate);
          }

          @Override
          public void disconnected(String reason) {
            // Results of a pending update wait for the next connection.
          }
        });
    if (pending.filter(p -> p.stage() == ConfigUpdates.Stage.TRYING).isPresent()) {
      worker.schedule(this::deadline, confirmWithin.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void guarded(byte[] payload) {
    try {
      handle(payload);
    } catch (RuntimeException e) {
      // The service keeps running whatever a command does; the command is answered as failed.
      LOG.error("management command failed", e);
      publish(
          new ManagementResult(
              ManagementCommand.readableId(payload),
              deviceId,
              Optional.empty(),
              Status.FAILED,
              false,
              clock.instant(),
              "failed on the device (" + e.getClass().getSimpleName() + "); nothing changed"));
    }
  }

  private void handle(byte[] payload) {
    ManagementCommand command;
    try {
      command = ManagementCommand.decode(payload);
    } catch (PayloadException e) {
      LOG.warn("management command refused: {}", e.getMessage());
      publish(
          new ManagementResult(
              ManagementCommand.readableId(payload),
              deviceId,
              Optional.empty(),
              Status.REJECTED,
              false,
              clock.instant(),
              "command refused: " + e.getMessage()));
      return;
    }
    if (!command.deviceId().equals(deviceId)) {
      LOG.warn("management command {} for device {} refused", command.id(), command.deviceId());
      publish(
          ManagementResult.of(
              command,
              Status.REJECTED,
              clock.instant(),
              "command for device " + command.deviceId() + " refused by " + deviceId));
      return;
    }
    Optional<ManagementResult> seen = journal.find(command.id());
    if (seen.isPresent()) {
      LOG.info("management command {} seen before: its result is sent again", command.id());
      publish(seen.get().asRepeated());
      return;
    }
    LOG.info("management command {}: {}", command.id(), command.kind().wireName());
    switch (command.kind()) {
      case RESYNC -> answer(command, Status.DONE, actions.resync());
      case ROTATE_LOGS -> rotateLogs(command);
      case RESTART -> {
        answerBeforeRestart(
            command,
            Status.DONE,
            "the service restarts now; it shows itself online again on its state topic");
        actions.restart();
      }
      case CONFIG_UPDATE -> updateConfiguration(command);
    }
  }

  private void rotateLogs(ManagementCommand command) {
    try {
      answer(command, Status.DONE, actions.rotateLogs());
    } catch (IOException e) {
      answer(command, Status.FAILED, e.getMessage());
    }
  }

  private void updateConfiguration(ManagementCommand command) {
    try {
      updates.apply(command.id(), command.document().orElseThrow(), running);
    } catch (ConfigUpdates.RefusedException e) {
      answer(
          command, Status.REJECTED, "configuration refused, nothing changed:\n" + e.getMessage());
      return;
    } catch (IOException e) {
      answer(
          command,
          Status.FAILED,
          "cannot write the configuration, nothing changed: " + e.getMessage());
      return;
    }
    answerBeforeRestart(
        command,
        Status.ACCEPTED,
        "configuration valid and in place of "
            + updates.config()
            + "; the service restarts with it and answers again once it runs healthy, or rolls"
            + " back to the previous one");
    actions.restart();
  }

  private void answer(ManagementCommand command, Status status, String detail) {
    ManagementResult r = ManagementResult.of(command, status, clock.instant(), detail);
    keep(r);
    publish(r);
  }

  /** Kept first, so that a repeat after the restart is not run again; then sent and awaited. */
  private void answerBeforeRestart(ManagementCommand command, Status status, String detail) {
    ManagementResult r = ManagementResult.of(command, status, clock.instant(), detail);
    keep(r);
    try {
      link.publish(link.topics().manageResult(deviceId), r.encode(), 1, false)
          .get(RESULT_SENT_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("result of {} not confirmed by the broker before the restart", command.id());
    }
  }

  private void keep(ManagementResult r) {
    try {
      journal.record(r);
    } catch (IOException e) {
      LOG.error("cannot keep the result of management command {}: {}", r.id(), e.getMessage());
    }
  }

  private void publish(ManagementResult r) {
    link.publish(link.topics().manageResult(deviceId), r.encode(), 1, false)
        .whenComplete(
            (ok, e) -> {
              if (e != null) {
                LOG.warn("result of management command {} not sent: {}", r.id(), e.getMessage());
              }
            });
  }

  /** Reports the update this start was found with, once the service is connected and healthy. */
  private void finishPendingUpdate() {
    if (pending.isEmpty() || !link.isConnected()) {
      return;
    }
    ConfigUpdates.Pending p = pending.get();
    switch (p.stage()) {
      case TRYING -> {
        List<String> problems = health.problems();
        if (!problems.isEmpty()) {
          worker.schedule(
              this::finishPendingUpdate, HEALTH_RETRY.toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
        report(p.id(), Status.DONE, "running connected and healthy with the new configuration");
      }
      case ROLLED_BACK ->
          report(
              p.id(), Status.ROLLED_BACK, p.reason() + "; the previous configuration runs again");
      case NOT_APPLIED -> report(p.id(), Status.FAILED, p.reason());
    }
  }

  private void report(UUID id, Status status, String detail) {
    ManagementResult r =
        new ManagementResult(
            Optional.of(id),
            deviceId,
            Optional.of(ManagementCommand.Kind.CONFIG_UPDATE),
            status,
            false,
            clock.instant(),
            detail);
    keep(r);
    publish(r);
    try {
      updates.finish();
    } catch (IOException e) {
      LOG.error("cannot remove the update marker: {}", e.getMessage());
    }
    pending = Optional.empty();
    LOG.info("configuration update {}: {}", id, status.wireName());
  }

  /** Not connected and healthy in time: back to the previous configuration, and restart. */
  private void deadline() {
    if (pending.filter(p -> p.stage() == ConfigUpdates.Stage.TRYING).isEmpty()) {
      return;
    }
    try {
      updates.rollBack(
          "not connected and healthy within "
              + confirmWithin.toSeconds()
              + " s with the new configuration");
    } catch (IOException e) {
      LOG.error("cannot roll the configuration back: {}", e.getMessage());
      return;
    }
    pending = Optional.empty();
    actions.restart();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
