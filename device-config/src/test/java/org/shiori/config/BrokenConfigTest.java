package org.shiori.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code broken/} and the exact messages it must produce, in file order. Each
 * broken file is read once and every mistake in it is reported.
 */
class BrokenConfigTest {
  private static final String ID = "3 to 32 characters: lower-case letters a-z, digits 0-9 and -";
  private static final String SLUG = "lower-case letters a-z, digits 0-9 and -";
  private static final String BRANCH =
      "central, mitsuhama, hojo, nakajima, bookmobile or another branch id of " + SLUG;
  private static final String URL = "tcp://HOST:PORT or ssl://HOST:PORT";
  private static final String BAUDS = "one of 9600, 19200, 38400, 57600, 115200";
  private static final String FILE = "an existing, readable file";
  private static final String TLS_MISSING = "required when broker.url is ssl://: a readable file";
  private static final String STAFF_CARD =
      "a staff card's key: 64 lower-case hex digits, the card number hashed with the tenant key"
          + " (bin/kiosk staff-card-key)";
  private static final String TOP_KEYS =
      "one of deviceId, role, tenant, branch, zone, locale, broker, reader, security, dataDir,"
          + " privacy, ui, admin, policy, offline, outbox, gate, card, session";

  static Map<String, List<String>> expectedMessages() {
    Map<String, List<String>> table = new TreeMap<>();
    table.put(
        "three-mistakes.yaml",
        List.of(
            "three-mistakes.yaml:2:11: deviceId: found \"Kiosk_01\", allowed: " + ID,
            "three-mistakes.yaml:11:9: reader.baud: found \"12345\", allowed: " + BAUDS,
            "three-mistakes.yaml:12:3: reader.partiy: found \"partiy\", allowed: one of protocol,"
                + " port, baud, parity, dataBits, stopBits, busAddress (did you mean \"parity\"?)"));
    table.put(
        "card-and-session.yaml",
        List.of(
            "card-and-session.yaml:13:11: card.evdev.path: found \"input/event3\", allowed: an"
                + " input event device path such as /dev/input/by-id/usb-…-event-kbd",
            "card-and-session.yaml:14:17: card.evdev.eventBytes: found \"32\", allowed: one of"
                + " 24, 16",
            "card-and-session.yaml:16:5: card.serial.port: missing, allowed: a serial device path"
                + " such as /dev/ttyACM0",
            "card-and-session.yaml:16:11: card.serial.baud: found \"9601\", allowed: one of 1200,"
                + " 2400, 4800, 9600, 19200, 38400, 57600, 115200",
            "card-and-session.yaml:17:13: card.serial.suffix: found \"enter\", allowed: one of"
                + " cr, lf, crlf, tab, etx",
            "card-and-session.yaml:19:12: card.pad.usage: found \"16\", allowed: an integer from"
                + " 0 to 15",
            "card-and-session.yaml:21:12: card.codabar.start: found \"AE\", allowed: 1 to 4"
                + " different characters of A, B, C, D, e.g. A or ABCD",
            "card-and-session.yaml:22:11: card.codabar.stop: found \"BB\", allowed: 1 to 4"
                + " different characters of A, B, C, D, e.g. A or ABCD",
            "card-and-session.yaml:23:12: card.codabar.check: found \"luhn\", allowed: one of"
                + " none, mod16, mod10-21-split, mod10-21-nonsplit",
            "card-and-session.yaml:25:18: card.pin.maxFailures: found \"0\", allowed: an integer"
                + " from 1 to 10",
            "card-and-session.yaml:26:14: card.pin.offline: found \"hash\", allowed: one of"
                + " refuse",
            "card-and-session.yaml:27:3: card.scanner: found \"scanner\", allowed: one of evdev,"
                + " serial, pad, pcsc, codabar, pin",
            "card-and-session.yaml:29:16: session.idleSeconds: found \"10\", allowed: an integer"
                + " from 20 to 600",
            "card-and-session.yaml:30:19: session.abandonSeconds: found \"45\", allowed: an"
                + " integer from 5 to 30",
            "card-and-session.yaml:31:23: session.returnClearSeconds: found \"25\", allowed: an"
                + " integer from 5 to 20",
            "card-and-session.yaml:32:24: session.incompleteSetReturn: found \"half\", allowed:"
                + " one of wait, staff"));
    table.put(
        "yaml-syntax-error.yaml",
        List.of(
            "yaml-syntax-error.yaml:4:9: YAML syntax error: expected ',' or ']', but got :"
                + " (while parsing a flow sequence)"));
    table.put(
        "not-a-mapping.yaml",
        List.of(
            "not-a-mapping.yaml:1:1: YAML syntax error: the file must be a mapping of keys"
                + " to values"));
    table.put(
        "missing-required.yaml",
        List.of(
            "missing-required.yaml:1:1: deviceId: missing, allowed: " + ID,
            "missing-required.yaml:1:1: tenant: missing, allowed: " + SLUG,
            "missing-required.yaml:1:1: branch: missing, allowed: " + BRANCH,
            "missing-required.yaml:1:1: broker.url: missing, allowed: " + URL,
            "missing-required.yaml:1:1: reader.protocol: missing, allowed: one of feig, 3m810,"
                + " cr95hf, emulated"));
    table.put(
        "unknown-role-and-branch.yaml",
        List.of(
            "unknown-role-and-branch.yaml:2:7: role: found \"counter\", allowed: one of kiosk, gate",
            "unknown-role-and-branch.yaml:3:9: tenant: found \"Matsuyama\", allowed: " + SLUG,
            "unknown-role-and-branch.yaml:4:9: branch: found \"central library\", allowed: "
                + BRANCH));
    table.put(
        "unknown-top-level-keys.yaml",
        List.of(
            "unknown-top-level-keys.yaml:1:1: broker.url: missing, allowed: " + URL,
            "unknown-top-level-keys.yaml:5:1: brokers: found \"brokers\", allowed: "
                + TOP_KEYS
                + " (did you mean \"broker\"?)",
            "unknown-top-level-keys.yaml:9:1: patronName: found \"patronName\", allowed: "
                + TOP_KEYS));
    table.put(
        "tls-files-missing.yaml",
        List.of(
            "tls-files-missing.yaml:8:9: broker.tls.ca: found \"/nonexistent/shiori/ca.pem\","
                + " allowed: "
                + FILE,
            "tls-files-missing.yaml:9:11: broker.tls.cert: found"
                + " \"/nonexistent/shiori/device.pem\", allowed: "
                + FILE,
            "tls-files-missing.yaml:10:10: broker.tls.key: found"
                + " \"/nonexistent/shiori/device.key\", allowed: "
                + FILE));
    table.put(
        "tls-section-missing.yaml",
        List.of(
            "tls-section-missing.yaml:6:3: broker.tls.ca: missing, allowed: " + TLS_MISSING,
            "tls-section-missing.yaml:6:3: broker.tls.cert: missing, allowed: " + TLS_MISSING,
            "tls-section-missing.yaml:6:3: broker.tls.key: missing, allowed: " + TLS_MISSING));
    table.put(
        "tls-without-ssl.yaml",
        List.of(
            "tls-without-ssl.yaml:7:3: broker.tls: found \"{a mapping}\", allowed: only with an"
                + " ssl:// url"));
    table.put(
        "broker-url-and-client.yaml",
        List.of(
            "broker-url-and-client.yaml:6:8: broker.url: found"
                + " \"http://mqtt.library.example:70000\", allowed: "
                + URL,
            "broker-url-and-client.yaml:7:13: broker.clientId: found \"kiosk 01\", allowed: 1 to"
                + " 64 characters of A-Z, a-z, 0-9, _ and -",
            "broker-url-and-client.yaml:8:21: broker.keepAliveSeconds: found \"0\", allowed: an"
                + " integer from 1 to 65535"));
    table.put(
        "afi-values.yaml",
        List.of(
            "afi-values.yaml:10:9: security.mode: found \"rfid\", allowed: one of afi, eas",
            "afi-values.yaml:12:16: security.afiReleased: found \"0x1FF\", allowed: 0 to 255,"
                + " decimal or hexadecimal like 0x07"));
    table.put(
        "afi-secured-equals-released.yaml",
        List.of(
            "afi-secured-equals-released.yaml:10:15: security.afiSecured: found \"194\", allowed:"
                + " a value different from afiReleased (0xC2)"));
    table.put(
        "serial-line.yaml",
        List.of(
            "serial-line.yaml:8:13: reader.protocol: found \"3m\", allowed: one of feig, 3m810,"
                + " cr95hf, emulated",
            "serial-line.yaml:9:9: reader.baud: found \"4800\", allowed: " + BAUDS,
            "serial-line.yaml:10:11: reader.parity: found \"mark\", allowed: one of none, even, odd",
            "serial-line.yaml:11:13: reader.dataBits: found \"7\", allowed: one of 8",
            "serial-line.yaml:12:13: reader.stopBits: found \"3\", allowed: one of 1, 2",
            "serial-line.yaml:13:15: reader.busAddress: found \"256\", allowed: an integer from 0"
                + " to 255"));
    table.put(
        "reader-port-missing.yaml",
        List.of(
            "reader-port-missing.yaml:8:3: reader.port: missing, allowed: a serial device path"
                + " such as /dev/ttyUSB0 (required unless protocol is emulated)"));
    table.put(
        "ports-and-limits.yaml",
        List.of(
            "ports-and-limits.yaml:12:9: admin.port: found \"9000\", allowed: a port different"
                + " from ui.port",
            "ports-and-limits.yaml:14:23: offline.maxItemsPerSession: found \"-1\", allowed: an"
                + " integer from 0 to 50",
            "ports-and-limits.yaml:15:20: offline.maxHoursOffline: found \"1000\", allowed: an"
                + " integer from 0 to 168",
            "ports-and-limits.yaml:16:21: offline.maxCacheAgeHours: found \"many\", allowed: an"
                + " integer from 1 to 720",
            "ports-and-limits.yaml:18:13: outbox.capacity: found \"10\", allowed: an integer from"
                + " 100 to 1000000"));
    table.put(
        "staff-cards.yaml",
        List.of(
            "staff-cards.yaml:12:7: ui.staffCards[1]: found \"A2000000099B\", allowed: "
                + STAFF_CARD,
            "staff-cards.yaml:13:7: ui.staffCards[2]: found \"15f23d2ba50ff4641798d91e75073dc0fdcd185fc8454295e0be370a058440bd\", allowed: each key once",
            "staff-cards.yaml:14:7: ui.staffCards[3]: found \"{a mapping}\", allowed: "
                + STAFF_CARD));
    table.put(
        "zone-locale-datadir.yaml",
        List.of(
            "zone-locale-datadir.yaml:5:7: zone: found \"Japan/Matsuyama\", allowed: a time-zone"
                + " id such as Asia/Tokyo",
            "zone-locale-datadir.yaml:6:9: locale: found \"fr\", allowed: one of ja, en",
            "zone-locale-datadir.yaml:7:10: dataDir: found \"var/lib/shiori\", allowed: an"
                + " absolute directory path",
            "zone-locale-datadir.yaml:12:9: policy: found \"/nonexistent/shiori/policy.yaml\","
                + " allowed: "
                + FILE));
    table.put(
        "gate-without-gate-section.yaml",
        List.of(
            "gate-without-gate-section.yaml:1:1: gate: missing, allowed: a mapping with at least"
                + " lightPin and buzzerPin (role is gate)"));
    table.put(
        "gate-pins.yaml",
        List.of(
            "gate-pins.yaml:10:14: gate.alarmMode: found \"eas\", allowed: database, cross-check"
                + " or afi (the security.mode)",
            "gate-pins.yaml:11:13: gate.lightPin: found \"28\", allowed: an integer from 0 to 27",
            "gate-pins.yaml:13:17: gate.outerBeamPin: found \"17\", allowed: a pin not already used"
                + " by buzzerPin",
            "gate-pins.yaml:15:16: gate.alarmMillis: found \"50\", allowed: an integer from 100 to"
                + " 60000"));
    table.put(
        "gate-beams.yaml",
        List.of(
            "gate-beams.yaml:10:3: gate.innerBeamPin: missing, allowed: a BCM GPIO number from 0 to"
                + " 27, with the other beam's pin",
            "gate-beams.yaml:12:12: gate.beamPin: found \"22\", allowed: nothing: one beam cannot"
                + " tell in from out; use outerBeamPin and innerBeamPin",
            "gate-beams.yaml:14:23: gate.beamDebounceMillis: found \"5000\", allowed: an integer"
                + " from 0 to 1000",
            "gate-beams.yaml:15:14: gate.tamperPin: found \"23\", allowed: a pin not already used"
                + " by outerBeamPin"));
    table.put(
        "gate-section-on-kiosk.yaml",
        List.of(
            "gate-section-on-kiosk.yaml:9:1: gate: found \"{a mapping}\", allowed: only when role"
                + " is gate"));
    table.put(
        "duplicate-key.yaml",
        List.of(
            "duplicate-key.yaml:9:3: reader.protocol: found \"protocol\", allowed: each key once"
                + " (first written at line 8)"));
    table.put(
        "wrong-shapes.yaml",
        List.of(
            "wrong-shapes.yaml:1:1: deviceId: found \"[a list]\", allowed: " + ID,
            "wrong-shapes.yaml:6:9: broker: found \"tcp://localhost:1883\", allowed: a mapping of"
                + " keys",
            "wrong-shapes.yaml:10:8: ui.port: found \"\", allowed: an integer from 1 to 65535"));
    return table;
  }

  static Stream<Arguments> brokenFiles() {
    return expectedMessages().entrySet().stream()
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void reportsEveryMistakeWithFileLineColumnFieldValueAndAllowed(
      String fileName, List<String> expected) throws IOException {
    ConfigException failure =
        catchThrowableOfType(
            () -> DeviceConfig.fromYaml(resource(fileName), fileName), ConfigException.class);

    assertThat(failure).as("%s must be rejected", fileName).isNotNull();
    assertThat(failure.errors()).map(ConfigError::toString).containsExactlyElementsOf(expected);
    assertThat(failure.getMessage()).isEqualTo(String.join("\n", expected));
  }

  @Test
  void threeMistakesAreReportedTogetherWithTheirLines() throws IOException {
    ConfigException failure =
        catchThrowableOfType(
            () -> DeviceConfig.fromYaml(resource("three-mistakes.yaml"), "kiosk.yaml"),
            ConfigException.class);

    assertThat(failure.errors())
        .extracting(ConfigError::line, ConfigError::field, ConfigError::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "deviceId", "Kiosk_01"),
            org.assertj.core.groups.Tuple.tuple(11, "reader.baud", "12345"),
            org.assertj.core.groups.Tuple.tuple(12, "reader.partiy", "partiy"));
  }

  @Test
  void everyBrokenFileIsInTheTableAndThereAreAtLeastTwelve() throws Exception {
    Path directory = Path.of(Objects.requireNonNull(getClass().getResource("/broken/")).toURI());
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expectedMessages().keySet());
    }
    assertThat(expectedMessages()).hasSizeGreaterThanOrEqualTo(12);
  }

  @Test
  void loadingTheFileNamesItsPathInEveryMessage() throws URISyntaxException {
    Path file =
        Path.of(
            Objects.requireNonNull(getClass().getResource("/broken/three-mistakes.yaml")).toURI());

    ConfigException failure =
        catchThrowableOfType(() -> DeviceConfigLoader.load(file), ConfigException.class);

    assertThat(failure.errors())
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.file()).isEqualTo(file.toString()));
    assertThat(failure.errors().get(1).toString())
        .isEqualTo(file + ":11:9: reader.baud: found \"12345\", allowed: " + BAUDS);
  }

  static String resource(String fileName) throws IOException {
    try (InputStream in = BrokenConfigTest.class.getResourceAsStream("/broken/" + fileName)) {
      return new String(
          Objects.requireNonNull(in, fileName).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
