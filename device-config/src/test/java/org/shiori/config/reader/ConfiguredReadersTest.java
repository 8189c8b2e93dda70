package org.shiori.config.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.shiori.config.ReaderSettings;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.ReaderProviders;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.SocatPtyPair;

/** The reader as kiosk, gate and CLI open it from the configuration, over a real pty pair. */
class ConfiguredReadersTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  @Test
  void feigReaderOnTheConfiguredSerialLineAnswers() throws Exception {
    TagField field = new TagField();
    VirtualTag secured = VirtualTag.slix(TagUid.fromHex("E004010000000041"), new byte[32]);
    secured.setAfi(0x07);
    VirtualTag released = VirtualTag.slix(TagUid.fromHex("E004010000000042"), new byte[32]);
    released.setAfi(0xC2);
    field.put(secured);
    field.put(released);
    try (SocatPtyPair pty = SocatPtyPair.start()) {
      ReaderSettings settings =
          new ReaderSettings(
              ReaderProtocol.FEIG,
              Optional.of(pty.first()),
              38400,
              SerialSettings.Parity.EVEN,
              8,
              1,
              255);
      try (FeigReaderEmulator emulator =
              new FeigReaderEmulator(
                      new SerialTransport(SerialSettings.feig(pty.second())), field, 0xFF)
                  .start();
          TagReader reader = ConfiguredReaders.open(settings, TIMEOUT)) {
        assertThat(reader.inventory(OptionalInt.of(0x07)))
            .extracting(InventoryEntry::uid)
            .extracting(Object::toString)
            .containsExactly("E004010000000041");
      }
    }
  }

  @Test
  void emulatedReaderHasAnEmptyFieldWhereTheEmulatorIsInstalled() throws Exception {
    try (TagReader reader = ConfiguredReaders.open(emulated(), TIMEOUT)) {
      assertThat(reader.inventory(OptionalInt.empty())).isEmpty();
    }
  }

  @Test
  void everyProtocolHasItsProviderOnTheTestClassPath() {
    assertThat(ReaderProviders.installed()).containsOnlyKeys(ReaderProtocol.values());
  }

  @Test
  void aSerialLineTakesTheConfiguredSettingsAndTheProtocolsInterByteTimeout() {
    ReaderSettings threeM =
        new ReaderSettings(
            ReaderProtocol.THREEM810,
            Optional.of("/dev/ttyAMA0"),
            9600,
            SerialSettings.Parity.ODD,
            8,
            2,
            255);
    assertThat(ConfiguredReaders.serialLine(threeM))
        .contains(
            new SerialSettings(
                "/dev/ttyAMA0",
                9600,
                SerialSettings.Parity.ODD,
                8,
                SerialSettings.StopBits.TWO,
                SerialSettings.threeM("/dev/ttyAMA0").interByteTimeout()));
    assertThat(ConfiguredReaders.serialLine(emulated())).isEmpty();
  }

  @Test
  void aMissingPortIsAnIoErrorNamingIt() {
    ReaderSettings absent =
        new ReaderSettings(
            ReaderProtocol.FEIG,
            Optional.of("/dev/shiori-no-such-port"),
            38400,
            SerialSettings.Parity.EVEN,
            8,
            1,
            255);
    assertThatThrownBy(() -> ConfiguredReaders.open(absent, TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/dev/shiori-no-such-port");
  }

  private static ReaderSettings emulated() {
    return new ReaderSettings(
        ReaderProtocol.EMULATED, Optional.empty(), 38400, SerialSettings.Parity.NONE, 8, 1, 255);
  }
}
