package org.shiori.kiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.kiosk.text.PatronTexts;

class ReceiptPrinterTest {
  private final PrinterEmulator emulator = new PrinterEmulator();
  private final List<PrinterState> reported = new ArrayList<>();
  private final EscPosReceipt encoder = new EscPosReceipt(PatronTexts.shipped());
  private final ReceiptPrinter printer = new ReceiptPrinter(emulator, encoder, reported::add);
  private final Receipt receipt =
      new Receipt(
          "ja",
          LocalDate.of(2026, 12, 15),
          List.of(new Receipt.Line("1201000001", "こころ", LocalDate.of(2026, 12, 29))));

  @Test
  void withPaperTheReceiptIsPrintedAsEncoded() {
    assertThat(printer.print(receipt)).isEqualTo(PrinterState.READY);
    assertThat(emulator.printed()).isEqualTo(encoder.encode(receipt));
    assertThat(reported).isEmpty();
  }

  @Test
  void outOfPaperNothingIsPrintedAndStaffAreToldOnce() {
    emulator.paper = false;
    assertThat(printer.print(receipt)).isEqualTo(PrinterState.PAPER_OUT);
    assertThat(printer.print(receipt)).isEqualTo(PrinterState.PAPER_OUT);
    assertThat(emulator.printed()).isEmpty();
    assertThat(reported).containsExactly(PrinterState.PAPER_OUT);
    assertThat(printer.state()).isEqualTo(PrinterState.PAPER_OUT);

    emulator.paper = true;
    assertThat(printer.check()).isEqualTo(PrinterState.READY);
    assertThat(printer.print(receipt)).isEqualTo(PrinterState.READY);
  }

  @Test
  void aSilentPrinterOrABrokenLineIsAFailureNotAHang() {
    emulator.answering = false;
    assertThat(printer.print(receipt)).isEqualTo(PrinterState.FAILED);
    emulator.answering = true;
    emulator.broken = true;
    assertThat(printer.print(receipt)).isEqualTo(PrinterState.FAILED);
    assertThat(emulator.printed()).isEmpty();
    assertThat(reported).containsExactly(PrinterState.FAILED);
  }

  @Test
  void aUsbPrinterDeviceIsAFileTheReceiptIsWrittenTo(@TempDir Path dir) throws Exception {
    Path lp = Files.createFile(dir.resolve("lp0"));
    try (DevicePrinterPort port = new DevicePrinterPort(lp)) {
      port.write(encoder.encode(receipt));
    }
    assertThat(Files.readAllBytes(lp)).isEqualTo(encoder.encode(receipt));
  }

  @Test
  void aSerialPrinterNodeThatIsNotThereIsAnIoExceptionNamingIt() {
    // jSerialComm throws an unchecked exception for a missing node; the kiosk's start and the
    // self-test catch IOException and name ui.printer.
    assertThatThrownBy(() -> new SerialPrinterPort("/dev/shiori-test-unplugged-printer", 19200))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage(
            "cannot open the receipt printer's port /dev/shiori-test-unplugged-printer: no such"
                + " device");
  }
}
