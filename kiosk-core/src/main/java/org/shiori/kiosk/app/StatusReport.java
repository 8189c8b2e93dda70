package org.shiori.kiosk.app;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.shiori.config.DeviceConfig;
import org.shiori.device.admin.DeviceStatus;
import org.shiori.device.admin.WatchedReader;
import org.shiori.device.rules.LiveRules;
import org.shiori.device.store.SqliteStore;
import org.shiori.protocol.Dataset;
import picocli.CommandLine.Command;

/** Builds the admin API's device status from the running kiosk's parts. */
final class StatusReport implements Supplier<DeviceStatus> {
  private final DeviceConfig config;
  private final LinkConnectivity connectivity;
  private final SqliteStore store;
  private final WatchedReader reader;
  private final LiveRules rules;
  private final Instant startedAt;

  StatusReport(
      DeviceConfig config,
      LinkConnectivity connectivity,
      SqliteStore store,
      WatchedReader reader,
      LiveRules rules,
      Instant startedAt) {
    this.rules = rules;
    this.startedAt = startedAt;
    this.config = config;
    this.connectivity = connectivity;
    this.store = store;
    this.reader = reader;
  }

  @Override
  public DeviceStatus get() {
    Map<String, DeviceStatus.DatasetSync> sync = new LinkedHashMap<>();
    for (Dataset d : Dataset.values()) {
      sync.put(
          d.topicName(),
          new DeviceStatus.DatasetSync(store.appliedSequence(d), store.lastSyncAt(d)));
    }
    return new DeviceStatus(
        config.deviceId(),
        config.role().configName(),
        connectivity.online(),
        connectivity.offlineSince(),
        store.pendingCount(),
        sync,
        reader.status(),
        version(),
        startedAt,
        Optional.of(
            new DeviceStatus.RulesVersions(
                rules.inUse().policyVersion(), rules.inUse().calendarVersion())),
        Optional.empty());
  }

  /** The version the {@code kiosk --version} command prints, without its program name. */
  static String version() {
    String full = KioskCommand.class.getAnnotation(Command.class).version()[0];
    return full.substring(full.lastIndexOf(' ') + 1);
  }
}
