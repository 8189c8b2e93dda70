package org.shiori.device.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /admin/status} reports, on a kiosk and on a gate: the device's health, never
 * personal data.
 *
 * @param deviceId the device
 * @param role {@code kiosk} or {@code gate}
 * @param online whether the link to central is up
 * @param offlineSince since when the link is down; empty while online
 * @param outboxPending what is stored on the device and not yet acknowledged by central: a kiosk's
 *     transactions, a gate's staff events (alarms, tamper, visitor reports)
 * @param lastSync per data set (lower-case name), what was last applied and when
 * @param reader the reader's state
 * @param version the software version
 * @param startedAt when the service started (uptime)
 * @param rulesInUse the central policy and calendar versions decisions are taken with now (0: the
 *     configured policy, no calendar), not merely the last received; empty on a gate, which lends
 *     nothing and decides by its alarm mode
 * @param gate what only a gate reports; empty (and left out of the answer) on a kiosk
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
    Optional<RulesVersions> rulesInUse,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<GateStatus> gate) {

  public DeviceStatus {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(offlineSince, "offlineSince");
    lastSync = Map.copyOf(lastSync);
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(rulesInUse, "rulesInUse");
    Objects.requireNonNull(gate, "gate");
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

  /**
   * What a gate adds to its status.
   *
   * @param alarmMode the configured alarm mode ({@code afi}, {@code eas}, {@code database}, {@code
   *     cross-check})
   * @param itemStates items whose status the gate holds in memory; empty in the modes that read the
   *     tag alone
   * @param alarmsRaised alarms since the service started
   * @param faultyRounds inventory rounds in which the reader failed since the service started
   * @param visitorTotals people counted in and out since the gate began counting (the totals of its
   *     hourly reports); empty without visitor beams
   */
  public record GateStatus(
      String alarmMode,
      Optional<Integer> itemStates,
      long alarmsRaised,
      long faultyRounds,
      Optional<Visitors> visitorTotals) {
    public GateStatus {
      Objects.requireNonNull(alarmMode, "alarmMode");
      Objects.requireNonNull(itemStates, "itemStates");
      Objects.requireNonNull(visitorTotals, "visitorTotals");
    }
  }

  /**
   * @param in people who walked in
   * @param out people who walked out
   */
  public record Visitors(long in, long out) {}
}
