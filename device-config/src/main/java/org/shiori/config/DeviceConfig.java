package org.shiori.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one device, built once from its YAML file with every default filled
 * in. Holds no patron data and no secrets: key material is referenced by path only.
 */
public record DeviceConfig(
    String deviceId,
    DeviceRole role,
    String tenant,
    String branch,
    ZoneId zone,
    Locale locale,
    BrokerSettings broker,
    ReaderSettings reader,
    SecuritySettings security,
    Path dataDir,
    PrivacySettings privacy,
    UiSettings ui,
    AdminSettings admin,
    PolicySource policy,
    OfflineSettings offline,
    OutboxSettings outbox,
    Optional<GateSettings> gate,
    CardSettings card,
    SessionSettings session) {

  public DeviceConfig {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(ui, "ui");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(offline, "offline");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(session, "session");
  }

  /**
   * Builds a configuration from YAML text, e.g. for the demo, validated exactly like a file.
   * Relative paths in the text resolve against the directory of {@code fileName} (the working
   * directory for a bare name); {@code fileName} also prefixes every error message.
   */
  public static DeviceConfig fromYaml(String text, String fileName) throws ConfigException {
    return DeviceConfigLoader.parse(text, fileName, DeviceConfigLoader.baseDirectoryOf(fileName));
  }

  /** The gate section; only valid to call on a gate's configuration. */
  public GateSettings requireGate() {
    return gate.orElseThrow(
        () -> new IllegalStateException("device " + deviceId + " is a " + role.configName()));
  }
}
