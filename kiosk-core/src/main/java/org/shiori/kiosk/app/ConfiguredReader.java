package org.shiori.kiosk.app;

import java.io.IOException;
import java.time.Duration;
import org.shiori.config.ReaderSettings;
import org.shiori.rfid.emulator.FeigReaderEmulator;
import org.shiori.rfid.emulator.TagField;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.transport.MemoryPipe;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;

/** Opens the reader a device configuration names: on its serial port, or the emulator. */
final class ConfiguredReader {
  /** How long one reader command may take before it counts as unanswered. */
  static final Duration REPLY_TIMEOUT = Duration.ofMillis(1500);

  private ConfiguredReader() {}

  /**
   * Opens the reader; its parts are remembered by {@code assembly} so they close with the kiosk.
   *
   * @throws KioskStartException when the serial port cannot be opened
   */
  static TagReader open(ReaderSettings settings, KioskAssembly assembly) {
    if (!settings.protocol().needsPort()) {
      return openEmulated(settings, assembly);
    }
    ReaderProtocol protocol = ReaderProtocol.parse(settings.protocol().configName());
    String port = settings.port().orElseThrow();
    try {
      SerialTransport line = new SerialTransport(serialSettings(settings, protocol, port));
      return assembly.remember(protocol.open(line, settings.busAddress(), REPLY_TIMEOUT));
    } catch (IOException e) {
      throw new KioskStartException(
          "cannot open the reader's serial port " + port + " (reader.port): " + e.getMessage(), e);
    }
  }

  static SerialSettings serialSettings(
      ReaderSettings settings, ReaderProtocol protocol, String port) {
    return new SerialSettings(
        port,
        settings.baud(),
        SerialSettings.Parity.valueOf(settings.parity().name()),
        settings.dataBits(),
        settings.stopBits() == 2 ? SerialSettings.StopBits.TWO : SerialSettings.StopBits.ONE,
        protocol.serialDefaults(port).interByteTimeout());
  }

  /** The FEIG emulator with an empty field on an in-memory line: a bench kiosk with no hardware. */
  private static TagReader openEmulated(ReaderSettings settings, KioskAssembly assembly) {
    MemoryPipe.Pair line = assembly.remember(MemoryPipe.pair());
    assembly.remember(
        new FeigReaderEmulator(line.device(), new TagField(), settings.busAddress()).start());
    return assembly.remember(new FeigReader(line.host(), settings.busAddress(), REPLY_TIMEOUT));
  }
}
