package org.shiori.device.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;

/** Configuration updates on real files: validated, applied atomically, rolled back. */
class ConfigUpdatesTest {
  private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

  @TempDir Path dir;
  private Path config;
  private String original;
  private DeviceConfig running;
  private ConfigUpdates updates;

  @BeforeEach
  void setUp() throws Exception {
    original = DeviceConfigFiles.kiosk(dir.resolve("data"), 1000);
    config = DeviceConfigFiles.write(dir.resolve("device.yaml"), original);
    running = DeviceConfigLoader.load(config);
    updates = new ConfigUpdates(config);
  }

  @Test
  void aValidUpdateReplacesTheFileOwnerOnlyAndKeepsThePreviousOne() throws Exception {
    String next = DeviceConfigFiles.kiosk(dir.resolve("data"), 2000);
    DeviceConfig updated = updates.apply(ID, next, running);

    assertThat(updated.outbox().capacity()).isEqualTo(2000);
    assertThat(Files.readString(config)).isEqualTo(next);
    assertThat(Files.readString(updates.previous())).isEqualTo(original);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(updates.underWay()).isTrue();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("device.yaml", "device.yaml.previous", "device.yaml.pending");
    }
  }

  @Test
  void anInvalidUpdateIsRefusedWithLineAndFieldAndNothingChanges() throws Exception {
    String broken = original.replace("capacity: 1000", "capacity: lots");
    assertThatThrownBy(() -> updates.apply(ID, broken, running))
        .isInstanceOf(ConfigUpdates.RefusedException.class)
        .hasMessageContaining("outbox.capacity")
        .hasMessageContaining("lots");
    assertThat(Files.readString(config)).isEqualTo(original);
    assertThat(updates.underWay()).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("device.yaml");
    }
  }

  @Test
  void anUpdateThatChangesWhatTheDeviceIsIsRefused() throws Exception {
    String other = original.replace("deviceId: kiosk-1", "deviceId: kiosk-2");
    assertThatThrownBy(() -> updates.apply(ID, other, running))
        .isInstanceOf(ConfigUpdates.RefusedException.class)
        .hasMessageContaining("deviceId: kiosk-2 would replace kiosk-1");
    assertThat(Files.readString(config)).isEqualTo(original);
  }

  @Test
  void aSecondUpdateWaitsForTheFirst() throws Exception {
    updates.apply(ID, DeviceConfigFiles.kiosk(dir.resolve("data"), 2000), running);
    assertThatThrownBy(
            () -> updates.apply(UUID.randomUUID(), DeviceConfigFiles.kiosk(dir, 3000), running))
        .isInstanceOf(ConfigUpdates.RefusedException.class)
        .hasMessageContaining("under way");
  }

  @Test
  void theFirstStartTriesTheNewFileAndASecondStartWithoutConfirmationRollsBack() throws Exception {
    String next = DeviceConfigFiles.kiosk(dir.resolve("data"), 2000);
    updates.apply(ID, next, running);

    assertThat(updates.atStart())
        .contains(new ConfigUpdates.Pending(ID, ConfigUpdates.Stage.TRYING, ""));
    assertThat(Files.readString(config)).isEqualTo(next);

    // The service died before it was healthy: the next start puts the previous file back.
    ConfigUpdates.Pending second = updates.atStart().orElseThrow();
    assertThat(second.stage()).isEqualTo(ConfigUpdates.Stage.ROLLED_BACK);
    assertThat(second.reason()).contains("stopped before it ran healthy");
    assertThat(Files.readString(config)).isEqualTo(original);

    // Until the result is reported, every start says so; then the marker goes.
    assertThat(updates.atStart())
        .map(ConfigUpdates.Pending::stage)
        .contains(ConfigUpdates.Stage.ROLLED_BACK);
    updates.finish();
    assertThat(updates.atStart()).isEmpty();
    assertThat(updates.underWay()).isFalse();
  }

  @Test
  void aRollBackWhileRunningRestoresThePreviousFile() throws Exception {
    updates.apply(ID, DeviceConfigFiles.kiosk(dir.resolve("data"), 2000), running);
    updates.atStart();
    updates.rollBack("not healthy in time");
    assertThat(Files.readString(config)).isEqualTo(original);
    assertThat(updates.atStart())
        .contains(
            new ConfigUpdates.Pending(ID, ConfigUpdates.Stage.ROLLED_BACK, "not healthy in time"));
  }

  @Test
  void anUpdateWhoseFileNeverLandedIsReportedAsNotApplied() throws Exception {
    updates.apply(ID, DeviceConfigFiles.kiosk(dir.resolve("data"), 2000), running);
    // As if the rename had been lost: the running file is the old one again.
    Files.writeString(config, original);
    ConfigUpdates.Pending p = updates.atStart().orElseThrow();
    assertThat(p.stage()).isEqualTo(ConfigUpdates.Stage.NOT_APPLIED);
    assertThat(Files.readString(config)).isEqualTo(original);
  }
}
