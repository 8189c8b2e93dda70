package org.shiori.kiosk.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /admin/status} reports: the device's health, never personal data.
 *
 * @param deviceId the device
 * @param role {@code kiosk} or {@code gate}
 * @param online whether the link to central is up
 * @param offlineSince since when the link is down; empty while online
 * @param outboxPending transactions not yet acknowledged by central
 * @param lastSync per data set (lower-case name), what was last applied and when
 * @param reader the reader's state
 * @param version the software version
 * @param startedAt when the service started (uptime)
 * @param rulesInUse the central policy and calendar versions decisions are taken with now (0: the
 *     configured policy, no calendar), not merely the last received
 */
public record DeviceStatus(
    String deviceId,
    String role,
    boolean online,
    Optional<Instant> offlineSince,
    int outboxPending,
    Map<String, DatasetSync> lastSync,
    ReaderStatus reader,
    String version,
    Instant startedAt,
    RulesVersions rulesInUse) {

  public DeviceStatus {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(offlineSince, "offlineSince");
    lastSync = Map.copyOf(lastSync);
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(rulesInUse, "rulesInUse");
  }

  /**
   * @param policy the central policy version in use, 0 for the configured one
   * @param calendar the central calendar version in use, 0 for none
   */
  public record RulesVersions(long policy, long calendar) {}

  /**
   * @param sequence the last sync sequence applied, 0 before the first
   * @param at when central last brought the data set current
   */
  public record DatasetSync(long sequence, Optional<Instant> at) {}
}
