package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.ExampleConfigs;

class DeviceConfigCommandTest {
  private static final String BROKEN =
      """
      deviceId: kiosk-01
      role: kiosk
      tenant: matsuyama
      branch: central
      broker:
        url: tcp://localhost:1883
      reader:
        protocol: feig
        port: /dev/ttyUSB0
        baud: 12345
      ui:
        port: 0
      """;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
        .execute(args);
  }

  private Path broken() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, BROKEN, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void validateDevZeroIsRefusedWithoutReadingIt() {
    assertThat(run("validate", "/dev/zero")).isEqualTo(1);
    assertThat(out.toString()).contains("/dev/zero", "not a regular file");
  }

  @Test
  void validateAFileOverTheSizeLimitIsRefused() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "# " + "x".repeat(DeviceConfigLoader.MAX_BYTES) + "\n");

    assertThat(run("validate", big.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(big.toString(), "larger than 64 KiB");
  }

  @Test
  void validateABinaryFileIsRefused() throws IOException {
    Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {'d', 'e', 0, 1, 2, '\n'});
    Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'d', (byte) 0xe9, '\n'});

    assertThat(run("validate", binary.toString(), latin1.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(binary + ": ", "not text (control character 0x00")
        .contains(latin1.toString(), "not UTF-8 text");
  }

  @Test
  void validateOneGoodFilePrintsOkAndExitsZero() throws IOException {
    Path kiosk = ExampleConfigs.install(ExampleConfigs.KIOSK, dir);

    assertThat(run("validate", kiosk.toString())).isZero();
    assertThat(out.toString()).isEqualTo("OK" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validateSeveralGoodFilesPrintsOkPerFile() throws IOException {
    Path kiosk = ExampleConfigs.install(ExampleConfigs.KIOSK, dir);
    Path gate = ExampleConfigs.copyWithoutTls(ExampleConfigs.GATE, dir);

    assertThat(run("validate", kiosk.toString(), gate.toString())).isZero();
    assertThat(out.toString().lines()).containsExactly(kiosk + ": OK", gate + ": OK");
  }

  @Test
  void validateBadFilePrintsEveryErrorOnStdoutAndExitsOne() throws IOException {
    Path file = broken();

    assertThat(run("validate", file.toString())).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            file
                + ":10:9: reader.baud: found \"12345\", allowed: one of 9600, 19200, 38400, 57600,"
                + " 115200",
            file + ":12:9: ui.port: found \"0\", allowed: an integer from 1 to 65535");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validateMixedFilesReportsBothAndExitsOne() throws IOException {
    Path good = ExampleConfigs.install(ExampleConfigs.KIOSK, dir);
    Path bad = broken();

    assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(1);
    assertThat(out.toString().lines()).hasSize(3).first().isEqualTo(good + ": OK");
  }

  @Test
  void validateMissingFileExitsOne() {
    Path absent = dir.resolve("absent.yaml");

    assertThat(run("validate", absent.toString())).isEqualTo(1);
    assertThat(out.toString().strip()).isEqualTo(absent + ": cannot read file: no such file");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run()).as("no subcommand").isEqualTo(2);
    assertThat(err.toString()).contains("Usage: device-config");
    assertThat(run("validate")).as("no file").isEqualTo(2);
    assertThat(run("frobnicate")).as("unknown subcommand").isEqualTo(2);
    assertThat(run("show", "a.yaml", "b.yaml")).as("show takes one file").isEqualTo(2);
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("validate").contains("show");
    assertThat(run("--version")).isZero();
    assertThat(run("validate", "--help")).isZero();
  }

  @Test
  void showPrintsEffectiveConfigWithKeyPathButNeverKeyContents() throws Exception {
    Path kiosk = ExampleConfigs.install(ExampleConfigs.KIOSK, dir);
    Files.writeString(dir.resolve("tls/device.key"), "PRIVATE-KEY-MATERIAL\n");

    assertThat(run("show", kiosk.toString())).isZero();

    String yaml = out.toString();
    assertThat(yaml)
        .contains("key: " + dir.resolve("tls/device.key"))
        .contains("clientId: kiosk-central-01")
        .contains("parity: even")
        .contains("afiReleased: 0xC2")
        .doesNotContain("PRIVATE-KEY-MATERIAL");
  }

  @Test
  void showOutputLoadsBackToTheSameConfig() throws Exception {
    for (String example : List.of(ExampleConfigs.KIOSK, ExampleConfigs.GATE)) {
      Path installed = ExampleConfigs.install(example, Files.createTempDirectory(dir, "ex"));
      DeviceConfig original = DeviceConfigLoader.load(installed);
      StringWriter shown = new StringWriter();
      DeviceConfigCommand.commandLine(new PrintWriter(shown), new PrintWriter(err))
          .execute("show", installed.toString());

      DeviceConfig reloaded = DeviceConfig.fromYaml(shown.toString(), "shown-" + example);

      assertThat(reloaded).as(example).isEqualTo(original);
    }
  }

  @Test
  void showBadFilePrintsErrorsAndExitsOne() throws IOException {
    assertThat(run("show", broken().toString())).isEqualTo(1);
    assertThat(out.toString().lines()).hasSize(2);
  }

  @Test
  void mainExitsWithTheCommandsCodeInItsOwnProcess() throws Exception {
    Path good = ExampleConfigs.install(ExampleConfigs.GATE, dir);

    assertThat(runMain("validate", good.toString())).isZero();
    assertThat(runMain("validate", broken().toString())).isEqualTo(1);
    assertThat(runMain()).isEqualTo(2);
  }

  private static int runMain(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DeviceConfigCommand.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("device-config did not finish within 60 s");
    }
    return process.exitValue();
  }

  @Test
  void loaderAndCliAgreeOnErrors() throws IOException {
    Path file = broken();
    List<String> fromLoader = new ArrayList<>();
    try {
      DeviceConfigLoader.load(file);
    } catch (ConfigException e) {
      e.errors().forEach(error -> fromLoader.add(error.toString()));
    }

    run("validate", file.toString());

    assertThat(out.toString().lines()).containsExactlyElementsOf(fromLoader).isNotEmpty();
  }
}
