package org.shiori.gate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.Parity;
import org.shiori.config.ReaderProtocol;
import org.shiori.config.ReaderSettings;
import org.shiori.gate.testing.GateAntenna;
import org.shiori.kiosk.testing.Conditions;
import org.shiori.rfid.emulator.FeigReaderEmulator;
import org.shiori.rfid.emulator.TagField;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;

/** The reader as {@code gate run} opens it from the configuration, over a real pty pair. */
class GateReadersTest {
  @TempDir Path dir;
  private Process socat;

  @AfterEach
  void stopSocat() {
    if (socat != null) {
      socat.destroy();
    }
  }

  /** A null-modem pair of ptys reachable as {@code gate} and {@code reader} in the temp dir. */
  private void ptyPair() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat")),
        "socat is not installed");
    socat =
        new ProcessBuilder(
                "socat",
                "pty,raw,echo=0,ignoreeof,link=" + dir.resolve("gate"),
                "pty,raw,echo=0,ignoreeof,link=" + dir.resolve("reader"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("socat.log").toFile())
            .start();
    Conditions.await(
        Duration.ofSeconds(10),
        () -> Files.exists(dir.resolve("gate")) && Files.exists(dir.resolve("reader")),
        () -> "socat made no ptys");
  }

  @Test
  void feigReaderOnTheConfiguredSerialLineAnswersTheGate() throws Exception {
    ptyPair();
    TagField field = new TagField();
    field.put(GateAntenna.itemTag("E004010000000041", "ITEM-1", true));
    field.put(GateAntenna.itemTag("E004010000000042", "ITEM-2", false));
    ReaderSettings settings =
        new ReaderSettings(
            ReaderProtocol.FEIG,
            Optional.of(dir.resolve("gate").toString()),
            38400,
            Parity.EVEN,
            8,
            1,
            255);
    try (FeigReaderEmulator emulator =
            new FeigReaderEmulator(
                    new SerialTransport(SerialSettings.feig(dir.resolve("reader").toString())),
                    field,
                    0xFF)
                .start();
        GateReaders.Opened opened = GateReaders.open(settings, Duration.ofMillis(500))) {
      assertThat(opened.reader().inventory(OptionalInt.of(GateAntenna.SECURED_AFI)))
          .extracting(InventoryEntry::uid)
          .extracting(Object::toString)
          .containsExactly("E004010000000041");
    }
  }

  @Test
  void emulatedReaderHasAnEmptyField() throws Exception {
    ReaderSettings settings =
        new ReaderSettings(
            ReaderProtocol.EMULATED, Optional.empty(), 38400, Parity.NONE, 8, 1, 255);
    try (GateReaders.Opened opened = GateReaders.open(settings, Duration.ofMillis(500))) {
      assertThat(opened.reader().inventory(OptionalInt.empty())).isEmpty();
    }
  }
}
