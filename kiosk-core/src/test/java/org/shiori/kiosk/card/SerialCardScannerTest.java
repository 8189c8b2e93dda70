package org.shiori.kiosk.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.CardSettings;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.SocatPtyPair;

/**
 * A serial barcode scanner emulated on a socat pty pair whose ends keep their names across a
 * restart: killing socat is pulling the USB cable, starting it again plugging it back.
 */
class SerialCardScannerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final RecordingSink sink = new RecordingSink();
  private SerialCardScanner scanner;
  private SocatPtyPair cable;

  @AfterEach
  void close() throws Exception {
    if (scanner != null) {
      scanner.close();
    }
    if (cable != null) {
      cable.close();
    }
  }

  private static void scan(SocatPtyPair cable, String text) throws Exception {
    try (OutputStream out = new FileOutputStream(cable.second())) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Test
  void cardsArriveWithPrefixAndSuffixStrippedAndAReplugIsPickedUp() throws Exception {
    Path kioskEnd = dir.resolve("ttyACM0");
    Path scannerEnd = dir.resolve("scanner");
    cable = SocatPtyPair.start(kioskEnd, scannerEnd);
    scanner =
        new SerialCardScanner(
            new CardSettings.SerialScanner(
                kioskEnd.toString(), 9600, "]F", CardSettings.Terminator.CRLF),
            new CardInbox(sink, CardSettings.Codabar.ANY),
            Duration.ofMillis(200));
    scanner.start();
    Conditions.await(WAIT, scanner::connected, () -> "never connected");

    scan(cable, "]FA2000000001B\r\n");
    scan(cable, "A2000000009B\r\n"); // no prefix: a misread
    Conditions.await(WAIT, () -> sink.received.size() == 2, sink.received::toString);

    cable.kill(); // unplugged
    Conditions.await(WAIT, () -> !scanner.connected(), () -> "still connected");
    cable = SocatPtyPair.start(kioskEnd, scannerEnd); // plugged back
    Conditions.await(WAIT, scanner::connected, () -> "not reconnected");
    scan(cable, "]FA2000000002B\r\n");
    Conditions.await(WAIT, () -> sink.received.size() == 3, sink.received::toString);

    assertThat(sink.received)
        .containsExactly("A2000000001B", RecordingSink.MISREAD, "A2000000002B");
  }
}
