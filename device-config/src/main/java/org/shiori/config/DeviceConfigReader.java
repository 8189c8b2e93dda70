package org.shiori.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shiori.rfid.security.SecurityMode.Method;

/** Reads the top level of a device configuration and delegates each section. */
final class DeviceConfigReader {
  private static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9-]{3,32}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+");
  private static final String SLUG_ALLOWED = "lower-case letters a-z, digits 0-9 and -";
  private static final String BRANCH_ALLOWED =
      "central, mitsuhama, hojo, nakajima, bookmobile or another branch id of " + SLUG_ALLOWED;
  private static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/shiori");
  private static final String DATA_DIR_VARIABLE = "${dataDir}";
  private static final String DEFAULT_POLICY = "matsuyama";

  private final SectionReader root;
  private final ConfigPaths paths;

  DeviceConfigReader(SectionReader root, ConfigPaths paths) {
    this.root = root;
    this.paths = paths;
  }

  DeviceConfig read() {
    root.allowOnly(
        "deviceId",
        "role",
        "tenant",
        "branch",
        "zone",
        "locale",
        "broker",
        "reader",
        "security",
        "dataDir",
        "privacy",
        "ui",
        "admin",
        "policy",
        "offline",
        "outbox",
        "gate",
        "card",
        "session");
    String deviceId =
        root.requiredMatching("deviceId", DEVICE_ID, "3 to 32 characters: " + SLUG_ALLOWED)
            .orElse("");
    Optional<DeviceRole> role = root.requiredChoice("role", DeviceRole.class);
    String tenant = root.requiredMatching("tenant", SLUG, SLUG_ALLOWED).orElse("");
    String branch = root.requiredMatching("branch", SLUG, BRANCH_ALLOWED).orElse("");
    ZoneId zone =
        root.converted("zone", "a time-zone id such as Asia/Tokyo", DeviceConfigReader::zoneOf)
            .orElse(ZoneId.of("Asia/Tokyo"));
    Locale locale =
        root.converted("locale", "one of ja, en", DeviceConfigReader::localeOf)
            .orElse(Locale.JAPANESE);
    BrokerSettings broker = BrokerSection.read(root.section("broker"), deviceId, paths);
    ReaderSettings reader = ReaderSection.read(root.section("reader"));
    SecuritySettings security = SecuritySection.read(root.section("security"));
    Path dataDir = readDataDir();
    PrivacySettings privacy = readPrivacy(dataDir);
    SectionReader uiSection = root.section("ui");
    uiSection.allowOnly("port", "printer", "printerBaud", "staffPinSha256", "staffCards");
    Optional<Integer> uiPort = uiSection.validInteger("port", 8080, 1, 65535);
    UiSettings ui =
        new UiSettings(
            uiPort.orElse(8080),
            uiSection.matching("printer", PRINTER_DEVICE, "a device path under /dev/"),
            uiSection.integer("printerBaud", 19200, 1200, 115200),
            uiSection.matching("staffPinSha256", SHA256_HEX, "64 lower-case hex digits"),
            uiSection.matchingList("staffCards", SHA256_HEX, STAFF_CARD_ALLOWED));
    AdminSettings admin = readAdmin(uiSection, uiPort);
    return new DeviceConfig(
        deviceId,
        role.orElse(DeviceRole.KIOSK),
        tenant,
        branch,
        zone,
        locale,
        broker,
        reader,
        security,
        dataDir,
        privacy,
        ui,
        admin,
        readPolicy(),
        readOffline(root.section("offline")),
        readOutbox(root.section("outbox")),
        readGate(role, security.mode()),
        CardSection.read(root.section("card")),
        CardSection.session(root.section("session")));
  }

  private Path readDataDir() {
    return root.converted("dataDir", "an absolute directory path", this::absolutePath)
        .orElse(DEFAULT_DATA_DIR);
  }

  private Optional<Path> absolutePath(String written) {
    return paths.resolve(written).filter(p -> written.startsWith("/"));
  }

  private PrivacySettings readPrivacy(Path dataDir) {
    SectionReader privacy = root.section("privacy");
    privacy.allowOnly("tenantKeyFile");
    String written =
        privacy
            .text("tenantKeyFile", "a file path")
            .orElse(DATA_DIR_VARIABLE + "/tenant.key")
            .replace(DATA_DIR_VARIABLE, dataDir.toString());
    Optional<Path> keyFile = paths.resolve(written);
    if (keyFile.isEmpty()) {
      privacy.report("tenantKeyFile", written, "a file path");
    }
    return new PrivacySettings(keyFile.orElse(dataDir.resolve("tenant.key")));
  }

  private static final Pattern PRINTER_DEVICE = Pattern.compile("/dev/[A-Za-z0-9_./-]+");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private static final String STAFF_CARD_ALLOWED =
      "a staff card's key: 64 lower-case hex digits, the card number hashed with the tenant key"
          + " (bin/kiosk staff-card-key)";

  private static Optional<Integer> portOf(SectionReader section, int fallback) {
    section.allowOnly("port");
    return section.validInteger("port", fallback, 1, 65535);
  }

  /** The admin port must differ from the UI port; the clash is reported where it was written. */
  private AdminSettings readAdmin(SectionReader uiSection, Optional<Integer> uiPort) {
    SectionReader admin = root.section("admin");
    Optional<Integer> adminPort = portOf(admin, 8081);
    int port = adminPort.orElse(8081);
    if (adminPort.isPresent() && adminPort.equals(uiPort)) {
      if (admin.has("port")) {
        admin.report("port", Integer.toString(port), "a port different from ui.port");
      } else {
        uiSection.report("port", Integer.toString(port), "a port different from admin.port");
      }
    }
    return new AdminSettings(port);
  }

  private PolicySource readPolicy() {
    String written = root.text("policy", "a shipped policy name or a policy file path").orElse("");
    if (written.isEmpty()) {
      return PolicySource.shipped(DEFAULT_POLICY);
    }
    if (SLUG.matcher(written).matches()) {
      return PolicySource.shipped(written);
    }
    return paths
        .readableFile(root, "policy", written)
        .map(PolicySource::file)
        .orElse(PolicySource.shipped(DEFAULT_POLICY));
  }

  private static OfflineSettings readOffline(SectionReader offline) {
    offline.allowOnly("maxItemsPerSession", "maxHoursOffline", "maxCacheAgeHours");
    return new OfflineSettings(
        offline.integer("maxItemsPerSession", 5, 0, 50),
        offline.integer("maxHoursOffline", 24, 0, 168),
        offline.integer("maxCacheAgeHours", 48, 1, 720));
  }

  private static OutboxSettings readOutbox(SectionReader outbox) {
    outbox.allowOnly("capacity");
    return new OutboxSettings(outbox.integer("capacity", 10000, 100, 1_000_000));
  }

  private Optional<GateSettings> readGate(Optional<DeviceRole> role, Method mode) {
    if (role.isEmpty()) {
      // The role is already reported; still check a gate section that was written.
      return root.has("gate")
          ? Optional.of(GateSection.read(root.section("gate"), mode))
          : Optional.empty();
    }
    if (role.get() != DeviceRole.GATE) {
      if (root.has("gate")) {
        root.report("gate", root.written("gate"), "only when role is gate");
      }
      return Optional.empty();
    }
    if (!root.has("gate")) {
      root.reportMissing("gate", "a mapping with at least lightPin and buzzerPin (role is gate)");
      return Optional.empty();
    }
    return Optional.of(GateSection.read(root.section("gate"), mode));
  }

  private static Optional<ZoneId> zoneOf(String text) {
    try {
      return Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Locale> localeOf(String text) {
    return switch (text) {
      case "ja" -> Optional.of(Locale.JAPANESE);
      case "en" -> Optional.of(Locale.ENGLISH);
      default -> Optional.empty();
    };
  }
}
