package org.shiori.kiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.cli.DeviceConfigCommand;
import org.shiori.config.cli.RunningService;
import org.shiori.config.cli.SelftestContext;
import org.shiori.config.cli.SelftestResult;
import org.shiori.config.cli.SelftestResult.Outcome;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.OfflineDeviceYaml;

/**
 * selftest's printer line against the ESC/POS printer emulator on a socat pty: the test page byte
 * for byte, paper out and a silent printer as FAIL, a running kiosk leaves the printer alone.
 */
class PrinterSelftestTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** 00:30 on 15 December in Tokyo, still the 14th in UTC: the page shows the device's day. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-14T15:30:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final PrinterEmulator emulator = new PrinterEmulator();
  private PtyPrinter printer;

  @AfterEach
  void unplug() throws Exception {
    if (printer != null) {
      printer.close();
    }
  }

  private Path config(Optional<String> printerDevice) throws Exception {
    List<String> lines = OfflineDeviceYaml.lines(dir, "kiosk-1", "kiosk");
    lines.add("zone: Asia/Tokyo");
    StringBuilder yaml = new StringBuilder(String.join("\n", lines)).append('\n');
    printerDevice.ifPresent(p -> yaml.append("ui:\n  printer: ").append(p).append('\n'));
    return Files.writeString(dir.resolve("device.yaml"), yaml);
  }

  private DeviceConfig plugInPrinter() throws Exception {
    printer = new PtyPrinter(emulator);
    return DeviceConfigLoader.load(config(Optional.of(printer.kioskEnd())));
  }

  private static SelftestResult run(DeviceConfig device, Optional<RunningService> service) {
    List<SelftestResult> results =
        new PrinterSelftest().run(device, new SelftestContext(CLOCK, service));
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  @Test
  void theTestPageIsPrintedInTheJapaneseCodePageByteForByte() throws Exception {
    DeviceConfig device = plugInPrinter();

    SelftestResult result = run(device, Optional.empty());

    assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.PASS);
    assertThat(result.detail())
        .isEqualTo(
            "ui.printer "
                + printer.kioskEnd()
                + ": test page printed (Shift_JIS, kanji mode): it must read 印刷テスト /"
                + " Printer test and kiosk-1");
    String rule = " 2d".repeat(32).strip();
    byte[] expected =
        hex(
            "1b 40" // ESC @ initialise
                + " 1c 43 01" // FS C 1: Shift_JIS
                + " 1c 26" // FS &: kanji mode on
                + " 1b 61 01" // ESC a 1: centred
                + " 88 f3 8d fc 83 65 83 58 83 67 0a" // 印刷テスト
                + " 50 72 69 6e 74 65 72 20 74 65 73 74 0a" // Printer test
                + " 1b 61 00 " // ESC a 0: left
                + rule
                + " 0a"
                + " 6b 69 6f 73 6b 2d 31 0a" // kiosk-1
                // 発行日 2026年12月15日（火）
                + " 94 ad 8d 73 93 fa 20 32 30 32 36 94 4e 31 32 8c 8e 31 35 93 fa 81 69 89 ce 81 6a 0a"
                // Printed Tue 15 Dec 2026
                + " 50 72 69 6e 74 65 64 20 54 75 65 20 31 35 20 44 65 63 20 32 30 32 36 0a "
                + rule
                + " 0a"
                // この行が読めれば正常です
                + " 82 b1 82 cc 8d 73 82 aa 93 c7 82 df 82 ea 82 ce 90 b3 8f ed 82 c5 82 b7 0a"
                // This line should read clearly
                + " 54 68 69 73 20 6c 69 6e 65 20 73 68 6f 75 6c 64 20 72 65 61 64 20 63 6c 65 61"
                + " 72 6c 79 0a"
                + " 1c 2e" // FS .: kanji mode off
                + " 1b 64 04" // ESC d 4: feed
                + " 1d 56 42 00"); // GS V 66 0: feed and cut
    Conditions.await(
        WAIT,
        () -> printer.printed().length >= expected.length,
        () -> printer.printed().length + " of " + expected.length + " bytes");
    assertThat(printer.printed()).isEqualTo(expected);
  }

  @Test
  void paperOutIsAFailureThatSaysSoAndPrintsNothing() throws Exception {
    emulator.paper = false;
    printer = new PtyPrinter(emulator);
    StringWriter out = new StringWriter();

    int exit =
        DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
            .execute("selftest", "--config", config(Optional.of(printer.kioskEnd())).toString());

    assertThat(out.toString())
        .contains(
            "FAIL  printer       ui.printer "
                + printer.kioskEnd()
                + ": out of paper (or cover open): load a roll and run selftest again");
    assertThat(exit).isEqualTo(1);
    assertThat(printer.printed()).isEmpty();
  }

  @Test
  void aPrinterThatDoesNotAnswerIsAFailureNamingWhatToCheck() throws Exception {
    emulator.answering = false;
    DeviceConfig device = plugInPrinter();

    SelftestResult result = run(device, Optional.empty());

    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(result.detail())
        .isEqualTo(
            "ui.printer "
                + printer.kioskEnd()
                + ": no answer to the paper status request within 500 ms, or the line failed: is"
                + " it switched on and connected, and set to ui.printerBaud 19200?");
    assertThat(printer.printed()).isEmpty();
  }

  @Test
  void whileTheKioskServiceRunsThePrinterIsNotTouched() throws Exception {
    DeviceConfig device = plugInPrinter();

    SelftestResult result = run(device, Optional.of(new RunningService(4242, "kiosk")));

    assertThat(result.outcome()).isEqualTo(Outcome.BUSY);
    assertThat(result.detail())
        .startsWith(
            "not run: the kiosk service (pid 4242) holds the receipt printer; stop it first"
                + " (systemctl stop shiori-kiosk)");
    Thread.sleep(200); // anything sent would have arrived by now
    assertThat(printer.received()).isZero();
  }

  @Test
  void aKioskWithoutPrinterSkipsTheLine() throws Exception {
    SelftestResult result =
        run(DeviceConfigLoader.load(config(Optional.empty())), Optional.empty());

    assertThat(result.outcome()).isEqualTo(Outcome.SKIP);
    assertThat(result.detail()).isEqualTo("no ui.printer in this configuration");
  }

  @Test
  void aPrinterPortThatCannotBeOpenedFailsNamingTheKey() throws Exception {
    String missing = "/dev/shiori-test-no-such-printer";
    SelftestResult result =
        run(DeviceConfigLoader.load(config(Optional.of(missing))), Optional.empty());

    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(result.detail())
        .isEqualTo(
            "ui.printer "
                + missing
                + ": cannot open the receipt printer's port "
                + missing
                + ": no such device");
  }
}
