package org.shiori.gate.app;

import java.io.IOException;
import java.time.Duration;
import org.shiori.config.ReaderSettings;
import org.shiori.rfid.emulator.FeigReaderEmulator;
import org.shiori.rfid.emulator.TagField;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.transport.MemoryPipe;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;

/** Opens the gate's reader as the device configuration describes it. */
final class GateReaders {
  private GateReaders() {}

  /** A reader and whatever must be closed with it (the emulator of an emulated reader). */
  record Opened(TagReader reader, AutoCloseable extra) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      reader.close();
      extra.close();
    }
  }

  static Opened open(ReaderSettings settings, Duration timeout) throws IOException {
    switch (settings.protocol()) {
      case FEIG:
        return serial(settings, ReaderProtocol.FEIG, timeout);
      case THREE_M_810:
        return serial(settings, ReaderProtocol.THREEM810, timeout);
      default:
        return emulated(new TagField(), settings.busAddress(), timeout);
    }
  }

  private static Opened serial(ReaderSettings s, ReaderProtocol protocol, Duration timeout)
      throws IOException {
    String port = s.port().orElseThrow(() -> new IOException("reader.port is not set"));
    SerialSettings defaults = protocol.serialDefaults(port);
    SerialSettings line =
        new SerialSettings(
            port,
            s.baud(),
            SerialSettings.Parity.valueOf(s.parity().name()),
            s.dataBits(),
            s.stopBits() == 2 ? SerialSettings.StopBits.TWO : SerialSettings.StopBits.ONE,
            defaults.interByteTimeout());
    TagReader reader = protocol.open(new SerialTransport(line), s.busAddress(), timeout);
    return new Opened(reader, () -> {});
  }

  /**
   * The in-process FEIG emulator serving {@code field} (empty for {@code reader.protocol:
   * emulated}: a gate that never sees a tag).
   */
  static Opened emulated(TagField field, int busAddress, Duration timeout) {
    MemoryPipe.Pair line = MemoryPipe.pair();
    FeigReaderEmulator emulator = new FeigReaderEmulator(line.device(), field, busAddress).start();
    TagReader reader = ReaderProtocol.FEIG.open(line.host(), busAddress, timeout);
    return new Opened(reader, emulator);
  }
}
