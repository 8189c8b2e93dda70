package org.shiori.device.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.device.health.HealthCheck;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.testing.MessagingRig;
import org.shiori.protocol.ManagementCommand;
import org.shiori.protocol.ManagementCommand.Kind;
import org.shiori.protocol.ManagementResult;
import org.shiori.protocol.ManagementResult.Status;
import org.shiori.protocol.Topics;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * Central's management commands to a device through a real Mosquitto, with the configuration on
 * real files: every command answered, none run twice, hostile ones refused while the device keeps
 * running, a configuration update kept when healthy and rolled back when not.
 */
class RemoteManagementTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Topics TOPICS = new Topics("t1");

  @TempDir Path dir;
  private MessagingRig rig;
  private Path config;
  private String original;
  private final List<ManagementResult> results = new CopyOnWriteArrayList<>();
  private final RecordingActions actions = new RecordingActions();

  /** The running device's link: closed when the next start of the "service" replaces it. */
  private MqttLink running;

  /** Counts what the commands asked; a restart is the process exiting, which a test cannot do. */
  private static final class RecordingActions implements ServiceActions {
    final AtomicInteger resyncs = new AtomicInteger();
    final AtomicInteger rotations = new AtomicInteger();
    final AtomicInteger restarts = new AtomicInteger();

    @Override
    public String resync() {
      resyncs.incrementAndGet();
      return "resync requested";
    }

    @Override
    public String rotateLogs() {
      rotations.incrementAndGet();
      return "new log file started";
    }

    @Override
    public void restart() {
      restarts.incrementAndGet();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    rig = MessagingRig.plain("t1");
    original = DeviceConfigFiles.kiosk(dir.resolve("data"), 1000);
    config = DeviceConfigFiles.write(dir.resolve("device.yaml"), original);
    Files.createDirectories(dir.resolve("data"));
    rig.centralLink()
        .subscribe(
            TOPICS.manageResult("kiosk-1"),
            1,
            m -> {
              try {
                results.add(ManagementResult.decode(m.payload()));
              } catch (Exception e) {
                throw new AssertionError("unreadable result", e);
              }
            })
        .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() {
    if (rig != null) {
      rig.close();
    }
  }

  /** Starts the device's management as the service does at every start. */
  private RemoteManagement startDevice(HealthCheck health, Duration confirmWithin)
      throws Exception {
    if (running != null) {
      running.close();
    }
    ConfigUpdates updates = new ConfigUpdates(config);
    Optional<ConfigUpdates.Pending> pending = updates.atStart();
    DeviceConfig configuration = DeviceConfigLoader.load(config);
    MqttLink link = rig.deviceLink("kiosk-1");
    running = link;
    RemoteManagement management =
        rig.track(
            new RemoteManagement(
                link,
                configuration,
                updates,
                pending,
                CommandJournal.open(configuration.dataDir()),
                actions,
                health,
                rig.clock(),
                confirmWithin));
    management.start();
    link.start();
    assertThat(link.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
    return management;
  }

  private void send(byte[] payload) throws Exception {
    rig.centralLink()
        .publish(TOPICS.manage("kiosk-1"), payload, 1, false)
        .get(10, TimeUnit.SECONDS);
  }

  private ManagementResult awaitResult(int count) {
    await(WAIT, () -> results.size() >= count, () -> "results so far: " + results);
    return results.get(count - 1);
  }

  @Test
  void everyCommandIsAnsweredAndARepeatedIdIsNotRunAgain() throws Exception {
    startDevice(new HealthCheck(), WAIT);
    ManagementCommand resync = ManagementCommand.of(UUID.randomUUID(), "kiosk-1", Kind.RESYNC);
    send(resync.encode());
    ManagementResult first = awaitResult(1);
    assertThat(first.id()).contains(resync.id());
    assertThat(first.status()).isEqualTo(Status.DONE);
    assertThat(first.repeated()).isFalse();

    send(resync.encode());
    ManagementResult again = awaitResult(2);
    assertThat(again.repeated()).isTrue();
    assertThat(again.status()).isEqualTo(Status.DONE);
    assertThat(actions.resyncs).hasValue(1);

    send(ManagementCommand.of(UUID.randomUUID(), "kiosk-1", Kind.ROTATE_LOGS).encode());
    assertThat(awaitResult(3).detail()).isEqualTo("new log file started");
    assertThat(actions.rotations).hasValue(1);
  }

  @Test
  void aRepeatedIdIsNotRunAgainAfterARestart() throws Exception {
    RemoteManagement before = startDevice(new HealthCheck(), WAIT);
    ManagementCommand restart = ManagementCommand.of(UUID.randomUUID(), "kiosk-1", Kind.RESTART);
    send(restart.encode());
    assertThat(awaitResult(1).status()).isEqualTo(Status.DONE);
    assertThat(actions.restarts).hasValue(1);
    before.close();

    startDevice(new HealthCheck(), WAIT);
    send(restart.encode());
    assertThat(awaitResult(2).repeated()).isTrue();
    assertThat(actions.restarts).hasValue(1);
  }

  @Test
  void hostileCommandsAreRejectedCleanlyAndTheDeviceKeepsWorking() throws Exception {
    startDevice(new HealthCheck(), WAIT);
    UUID forgedId = UUID.randomUUID();
    List<byte[]> hostile =
        List.of(
            "not json".getBytes(StandardCharsets.UTF_8),
            ("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}")
                .getBytes(StandardCharsets.UTF_8),
            new byte[ManagementCommand.MAX_BYTES + 1],
            ("{\"schemaVersion\":1,\"id\":\""
                    + forgedId
                    + "\",\"deviceId\":\"kiosk-1\",\"command\":\"exec\",\"document\":\"rm -rf /\"}")
                .getBytes(StandardCharsets.UTF_8),
            ManagementCommand.of(UUID.randomUUID(), "kiosk-2", Kind.RESTART).encode());
    for (byte[] payload : hostile) {
      send(payload);
    }
    await(WAIT, () -> results.size() == hostile.size(), () -> "results so far: " + results);
    assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.REJECTED));
    assertThat(results.get(2).detail()).contains("exceeds the limit");
    assertThat(results.get(3).id()).contains(forgedId);
    assertThat(results.get(3).detail()).contains("field 'command'");
    assertThat(results.get(4).detail()).contains("for device kiosk-2");
    assertThat(actions.restarts).hasValue(0);

    send(ManagementCommand.of(UUID.randomUUID(), "kiosk-1", Kind.RESYNC).encode());
    assertThat(awaitResult(hostile.size() + 1).status()).isEqualTo(Status.DONE);
  }

  @Test
  void anInvalidConfigurationIsRejectedWithItsMistakesAndNothingChanges() throws Exception {
    startDevice(new HealthCheck(), WAIT);
    String broken = original.replace("capacity: 1000", "capacity: -5");
    send(ManagementCommand.configUpdate(UUID.randomUUID(), "kiosk-1", broken).encode());
    ManagementResult r = awaitResult(1);
    assertThat(r.status()).isEqualTo(Status.REJECTED);
    assertThat(r.detail()).contains("nothing changed").contains("outbox.capacity");
    assertThat(Files.readString(config)).isEqualTo(original);
    assertThat(actions.restarts).hasValue(0);
  }

  @Test
  void aConfigurationUpdateIsKeptOnceTheRestartedServiceRunsHealthy() throws Exception {
    RemoteManagement before = startDevice(new HealthCheck(), WAIT);
    String next = DeviceConfigFiles.kiosk(dir.resolve("data"), 2500);
    UUID id = UUID.randomUUID();
    send(ManagementCommand.configUpdate(id, "kiosk-1", next).encode());
    assertThat(awaitResult(1).status()).isEqualTo(Status.ACCEPTED);
    assertThat(actions.restarts).hasValue(1);
    assertThat(Files.readString(config)).isEqualTo(next);
    before.close();

    startDevice(new HealthCheck(), WAIT);
    ManagementResult done = awaitResult(2);
    assertThat(done.id()).contains(id);
    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(Files.readString(config)).isEqualTo(next);
    assertThat(new ConfigUpdates(config).underWay()).isFalse();

    // Asked again later, the final result is what central gets.
    send(ManagementCommand.configUpdate(id, "kiosk-1", next).encode());
    ManagementResult repeated = awaitResult(3);
    assertThat(repeated.repeated()).isTrue();
    assertThat(repeated.status()).isEqualTo(Status.DONE);
  }

  @Test
  void aConfigurationWithWhichTheServiceIsNotHealthyIsRolledBack() throws Exception {
    RemoteManagement before = startDevice(new HealthCheck(), WAIT);
    UUID id = UUID.randomUUID();
    send(
        ManagementCommand.configUpdate(
                id, "kiosk-1", DeviceConfigFiles.kiosk(dir.resolve("data"), 2500))
            .encode());
    assertThat(awaitResult(1).status()).isEqualTo(Status.ACCEPTED);
    before.close();

    HealthCheck sick =
        new HealthCheck()
            .add(
                new HealthCheck.Check() {
                  @Override
                  public String name() {
                    return "reader loop";
                  }

                  @Override
                  public Optional<String> problem() {
                    return Optional.of("reader loop: no progress");
                  }
                });
    RemoteManagement unhealthy = startDevice(sick, Duration.ofSeconds(2));
    await(WAIT, () -> actions.restarts.get() == 2, () -> "no restart after the deadline");
    assertThat(Files.readString(config)).isEqualTo(original);
    assertThat(results).hasSize(1);
    unhealthy.close();

    startDevice(new HealthCheck(), WAIT);
    ManagementResult r = awaitResult(2);
    assertThat(r.id()).contains(id);
    assertThat(r.status()).isEqualTo(Status.ROLLED_BACK);
    assertThat(r.detail()).contains("not connected and healthy within 2 s");
    assertThat(Files.readString(config)).isEqualTo(original);
  }
}
