package org.shiori.config.reader;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.shiori.config.ReaderSettings;
import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProviders;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.transport.SerialSettings;

/**
 * The one way from a device configuration's {@code reader} section to an open reader: kiosk, gate
 * and the technician CLI all come through here, and the driver is found by its provider.
 */
public final class ConfiguredReaders {
  /** How long one reader command may take before it counts as unanswered. */
  public static final Duration REPLY_TIMEOUT = Duration.ofMillis(1500);

  private ConfiguredReaders() {}

  /**
   * Opens the configured reader.
   *
   * @throws IOException when its serial port cannot be opened or its driver is not installed
   */
  public static TagReader open(ReaderSettings settings, Duration replyTimeout) throws IOException {
    return ReaderProviders.open(opening(settings, replyTimeout));
  }

  public static ReaderOpening opening(ReaderSettings settings, Duration replyTimeout) {
    return new ReaderOpening(
        settings.protocol(), serialLine(settings), settings.busAddress(), replyTimeout);
  }

  /** The serial line the settings describe; empty for a reader that needs no port. */
  public static Optional<SerialSettings> serialLine(ReaderSettings settings) {
    if (!settings.protocol().needsPort()) {
      return Optional.empty();
    }
    String port = settings.port().orElseThrow();
    SerialSettings defaults = settings.protocol().serialDefaults(port);
    return Optional.of(
        new SerialSettings(
            port,
            settings.baud(),
            settings.parity(),
            settings.dataBits(),
            settings.stopBits() == 2 ? SerialSettings.StopBits.TWO : SerialSettings.StopBits.ONE,
            defaults.interByteTimeout()));
  }
}
