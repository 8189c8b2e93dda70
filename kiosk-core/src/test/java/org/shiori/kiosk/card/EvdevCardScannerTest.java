package org.shiori.kiosk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.CardSettings;
import org.shiori.testkit.Conditions;
import org.slf4j.LoggerFactory;

/**
 * A USB HID scanner emulated by a FIFO carrying {@code input_event} records: the same reading path
 * as the event node, without the grab (logged once). Closing the writer is an unplugged scanner.
 */
class EvdevCardScannerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration RETRY = Duration.ofMillis(100);

  @TempDir Path dir;
  private final RecordingSink sink = new RecordingSink();
  private EvdevCardScanner scanner;

  @AfterEach
  void close() {
    if (scanner != null) {
      scanner.close();
    }
  }

  static Path fifo(Path dir, String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    if (mkfifo.waitFor() != 0) {
      throw new IOException("mkfifo failed");
    }
    return fifo;
  }

  private EvdevCardScanner start(Path node, int eventBytes) {
    scanner =
        new EvdevCardScanner(
            new CardSettings.EvdevScanner(node.toString(), eventBytes),
            new CardInbox(sink, CardSettings.Codabar.ANY),
            RETRY);
    scanner.start();
    return scanner;
  }

  @Test
  void cardsScannedThroughTheEventStreamArriveAndAReplugIsPickedUp() throws Exception {
    Path node = fifo(dir, "event-kbd");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger nodeLog = (Logger) LoggerFactory.getLogger(EvdevNode.class);
    nodeLog.addAppender(logs);
    try {
      start(node, 24);
      try (OutputStream plug = new FileOutputStream(node.toFile())) {
        plug.write(KeyStrokes.of("A2000000001B", 24));
        plug.write(KeyStrokes.of("A20000E0001B", 24)); // E is no Codabar character
        plug.flush();
        Conditions.await(WAIT, () -> sink.received.size() == 2, sink.received::toString);
      } // unplugged
      // Plug back only once the scanner has let go of the old stream: a writer opening the FIFO
      // while the old reader is still closing would get a broken pipe, which no real replug does.
      Conditions.await(WAIT, () -> !scanner.connected(), () -> "scanner still connected");
      try (OutputStream plug = new FileOutputStream(node.toFile())) { // plugged back
        plug.write(KeyStrokes.of("A2000000002B", 24));
        plug.flush();
        Conditions.await(WAIT, () -> sink.received.size() == 3, sink.received::toString);
      }
      assertThat(sink.received)
          .containsExactly("A2000000001B", RecordingSink.MISREAD, "A2000000002B");
      assertThat(logs.list)
          .filteredOn(e -> e.getFormattedMessage().contains("without an exclusive grab"))
          .hasSize(1);
    } finally {
      nodeLog.detachAppender(logs);
    }
  }

  @Test
  void thirtyTwoBitEventRecordsAreReadWhenConfigured() throws Exception {
    Path node = fifo(dir, "event-kbd-32");
    start(node, 16);
    try (OutputStream plug = new FileOutputStream(node.toFile())) {
      plug.write(KeyStrokes.of("B1234567890D", 16));
      plug.flush();
      Conditions.await(WAIT, () -> !sink.received.isEmpty(), sink.received::toString);
    }
    assertThat(sink.received).containsExactly("B1234567890D");
  }

  @Test
  void aScannerAbsentAtStartIsPickedUpWhenItAppears() throws Exception {
    Path node = dir.resolve("later-event-kbd");
    start(node, 24);
    Files.move(fifo(dir, "made-later"), node);
    try (OutputStream plug = new FileOutputStream(node.toFile())) {
      plug.write(KeyStrokes.of("A2000000003B", 24));
      plug.flush();
      Conditions.await(WAIT, () -> !sink.received.isEmpty(), sink.received::toString);
    }
    assertThat(sink.received).containsExactly("A2000000003B");
  }

  @Test
  void aCharacterDeviceIsGrabbedAndOneThatIsNoEventDeviceFailsClearly() {
    Path devNull = Path.of("/dev/null");
    assertThatThrownBy(() -> EvdevNode.GrabbedDevice.open(devNull))
        .hasMessageContaining("EVIOCGRAB")
        .hasMessageContaining("errno 25"); // ENOTTY: the ioctl reached the kernel
  }

  @Test
  void theGrabRequestIsIowEInt() {
    assertThat(EvdevNode.EVIOCGRAB).isEqualTo(0x40044590L);
  }
}
