package org.shiori.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the built shiori_VERSION_all.deb with dpkg-deb into a scratch root and checks what a
 * device gets: launchers, jars, units, default configuration, maintainer scripts, dependencies.
 */
class DebLayoutTest {
  private static final long MAX_BYTES = 40L * 1024 * 1024;

  @TempDir static Path root;
  private static Path deb;

  @BeforeAll
  static void unpack() throws Exception {
    deb = Path.of(System.getProperty("shiori.deb"));
    assertThat(deb).exists();
    assertThat(deb.getFileName().toString()).matches("shiori_[0-9][0-9.]*_all\\.deb");
    run("dpkg-deb", "-R", deb.toString(), root.toString());
  }

  @Test
  void thePackageIsAtMostFortyMegabytes() throws IOException {
    assertThat(Files.size(deb)).isLessThanOrEqualTo(MAX_BYTES);
  }

  @Test
  void theCommandsAreInstalledExecutable() {
    for (String command :
        List.of("shiori-kiosk", "shiori-gate", "shiori-device-config", "shiori-kiosk-browser")) {
      Path launcher = root.resolve("usr/bin").resolve(command);
      assertThat(launcher).isRegularFile();
      assertThat(Files.isExecutable(launcher)).as(command).isTrue();
    }
    assertThat(Files.isExecutable(root.resolve("usr/lib/shiori/shiori-alert"))).isTrue();
  }

  @Test
  void theJarsAreTheServicesWithoutDemoEmulatorsOrEmbeddedBroker() throws IOException {
    List<String> jars = names(root.resolve("usr/share/shiori/lib"));
    assertThat(jars)
        .anyMatch(j -> j.startsWith("kiosk-core-"))
        .anyMatch(j -> j.startsWith("gate-controller-"))
        .anyMatch(j -> j.startsWith("device-config-"))
        .anyMatch(j -> j.startsWith("device-core-"))
        .noneMatch(j -> j.startsWith("demo-"))
        .noneMatch(j -> j.startsWith("reader-emulator-"))
        .noneMatch(j -> j.contains("hivemq"))
        .noneMatch(j -> j.contains("jollyday"))
        .noneMatch(j -> j.startsWith("testkit-"));
  }

  @Test
  void theInstalledClassPathRunsEveryCommand() throws Exception {
    String classPath = root.resolve("usr/share/shiori/lib") + "/*";
    for (String main :
        List.of(
            "org.shiori.kiosk.app.KioskCommand",
            "org.shiori.gate.app.GateCommand",
            "org.shiori.config.cli.DeviceConfigCommand")) {
      String out = run("java", "-cp", classPath, main, "--help");
      assertThat(out).as(main).contains("Usage:");
    }
  }

  /**
   * selftest finds the checks of the modules above device-config on the installed class path: the
   * gate's light and buzzer (Pi4J's own provider choice: no mock plugin is installed) and the
   * kiosk's receipt printer. The devices are absent here, so both lines fail, each naming why.
   */
  @Test
  void selftestOnTheInstalledClassPathHasTheGatesAndTheKiosksChecks(@TempDir Path dir)
      throws Exception {
    String common =
        String.join(
            "\n",
            "tenant: t1",
            "branch: main",
            "broker:",
            "  url: tcp://127.0.0.1:1",
            "reader:",
            "  protocol: feig",
            "  port: " + dir.resolve("no-reader"),
            "security:",
            "  mode: afi",
            "dataDir: " + dir.resolve("data"),
            "");
    Path gate =
        Files.writeString(
            dir.resolve("gate.yaml"),
            "deviceId: gate-1\nrole: gate\n"
                + common
                + "gate:\n  alarmMode: afi\n  lightPin: 17\n  buzzerPin: 27\n");
    Path kiosk =
        Files.writeString(
            dir.resolve("kiosk.yaml"),
            "deviceId: kiosk-1\nrole: kiosk\n"
                + common
                + "ui:\n  printer: /dev/shiori-test-no-printer\n");

    String gateOut = selftest(gate);
    assertThat(gateOut)
        .containsPattern("(?m)^(PASS|FAIL)  (light|light, buzzer) ")
        .contains("SKIP  printer       a gate has none")
        .doesNotContain("mock GPIO provider");
    String kioskOut = selftest(kiosk);
    assertThat(kioskOut)
        .contains(
            "FAIL  printer       ui.printer /dev/shiori-test-no-printer: cannot open",
            "SKIP  light, buzzer a kiosk has none");
  }

  /** The installed tool's selftest, which exits 1 here (no broker, reader or printer). */
  private static String selftest(Path config) throws Exception {
    Process p =
        new ProcessBuilder(
                "java",
                "-Dlogback.configurationFile=device-config-logback.xml",
                "-cp",
                root.resolve("usr/share/shiori/lib") + "/*",
                "org.shiori.config.cli.DeviceConfigCommand",
                "selftest",
                "--config",
                config.toString())
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isEqualTo(1);
    return text;
  }

  @Test
  void unitsAlertUnitAndDefaultConfigurationAreInPlace() throws IOException {
    for (String unit :
        List.of(
            "shiori-kiosk.service",
            "shiori-gate.service",
            "shiori-alert@.service",
            "shiori-kiosk-browser.service")) {
      assertThat(root.resolve("lib/systemd/system").resolve(unit)).isRegularFile();
    }
    assertThat(Files.readString(root.resolve("lib/systemd/system/shiori-kiosk.service")))
        .contains("ExecStart=/usr/bin/shiori-kiosk run --config /etc/shiori/device.yaml");
    assertThat(root.resolve("etc/shiori/device.yaml.example")).isRegularFile();
    assertThat(Files.readString(root.resolve("DEBIAN/conffiles")))
        .contains("/etc/shiori/device.yaml.example");
    assertThat(root.resolve("usr/share/doc/shiori/operations.md")).isRegularFile();
  }

  @Test
  void controlNamesJava17TheBrowserAndTheJapaneseFont() throws IOException {
    String control = Files.readString(root.resolve("DEBIAN/control"), StandardCharsets.UTF_8);
    assertThat(control)
        .contains("Package: shiori\n", "Architecture: all\n")
        .containsPattern("Version: [0-9][0-9.]*\n")
        .containsPattern("Depends: openjdk-17-jre-headless \\| java17-runtime-headless,.*chromium")
        .contains("fonts-noto-cjk");
  }

  @Test
  void maintainerScriptsAreExecutableShellThatCreateUserAndDirectories() throws Exception {
    for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
      Path file = root.resolve("DEBIAN").resolve(script);
      assertThat(Files.isExecutable(file)).as(script).isTrue();
      run("sh", "-n", file.toString());
      assertThat(Files.readString(file)).doesNotContain("[[version]]");
    }
    String postinst = Files.readString(root.resolve("DEBIAN/postinst"));
    assertThat(postinst)
        .contains("adduser --system --group", "/var/lib/shiori", "/var/log/shiori", "/etc/shiori")
        .contains("restore_after_downgrade");
    assertThat(Files.readString(root.resolve("DEBIAN/preinst"))).contains("backup_databases");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
    return text;
  }
}
