package org.shiori.kiosk.receipt;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.shiori.config.DeviceConfig;
import org.shiori.config.cli.SelftestCheck;
import org.shiori.config.cli.SelftestContext;
import org.shiori.config.cli.SelftestResult;
import org.shiori.kiosk.text.PatronTexts;

/**
 * {@code selftest}'s printer line: with a {@code ui.printer} configured, asks the printer for its
 * paper sensor and prints a short test page in its Japanese code page through the receipt code
 * itself, so a PASS means receipts print.
 */
public final class PrinterSelftest implements SelftestCheck {
  private static final String CHECK = "printer";

  @Override
  public List<SelftestResult> run(DeviceConfig device, SelftestContext context) {
    if (device.ui().printer().isEmpty()) {
      return List.of(
          SelftestResult.skip(
              CHECK,
              device.role().configName().equals("kiosk")
                  ? "no ui.printer in this configuration"
                  : "a " + device.role().configName() + " has none"));
    }
    if (context.runningService().isPresent()) {
      return List.of(
          SelftestResult.busy(CHECK, context.runningService().get(), "the receipt printer"));
    }
    String printer = device.ui().printer().get();
    String where = "ui.printer " + printer;
    LocalDate day = LocalDate.now(context.clock().withZone(device.zone()));
    try (ReceiptPrinter receipts =
        new ReceiptPrinter(
            PrinterPorts.open(printer, device.ui()),
            new EscPosReceipt(PatronTexts.shipped()),
            state -> {
              // reported as this check's result below, not as a staff event
            })) {
      PrinterState state = receipts.printTestPage(device.deviceId(), day);
      return List.of(result(state, printer, device));
    } catch (IOException e) {
      return List.of(SelftestResult.fail(CHECK, where + ": " + e.getMessage()));
    }
  }

  private static SelftestResult result(PrinterState state, String printer, DeviceConfig device) {
    String where = "ui.printer " + printer;
    return switch (state) {
      case READY ->
          SelftestResult.pass(
              CHECK,
              where
                  + ": test page printed (Shift_JIS, kanji mode): it must read"
                  + " 印刷テスト / Printer test and "
                  + device.deviceId());
      case PAPER_OUT ->
          SelftestResult.fail(
              CHECK, where + ": out of paper (or cover open): load a roll and run selftest again");
      case FAILED, NONE ->
          SelftestResult.fail(
              CHECK,
              where
                  + ": no answer to the paper status request within "
                  + ReceiptPrinter.STATUS_TIMEOUT.toMillis()
                  + " ms, or the line failed: is it switched on and connected"
                  + (printer.startsWith("/dev/usb/lp")
                      ? "?"
                      : ", and set to ui.printerBaud " + device.ui().printerBaud() + "?"));
    };
  }
}
