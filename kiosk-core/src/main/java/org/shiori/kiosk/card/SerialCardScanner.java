package org.shiori.kiosk.card;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.shiori.config.CardSettings;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;

/** A barcode scanner on a serial line (8N1): prefix, number, suffix per card. */
public final class SerialCardScanner implements CardSource {
  private static final Duration READ_WAIT = Duration.ofMillis(250);

  private final DeviceLoop loop;
  private volatile SerialTransport current;

  public SerialCardScanner(CardSettings.SerialScanner settings, CardInbox inbox, Duration retry) {
    SerialSettings line =
        new SerialSettings(
            settings.port(),
            settings.baud(),
            SerialSettings.Parity.NONE,
            8,
            SerialSettings.StopBits.ONE,
            Duration.ZERO);
    this.loop =
        new DeviceLoop(
            settings.port(),
            () -> {
              SerialTransport transport = new SerialTransport(line, retry);
              current = transport;
              return () -> readLines(transport, settings, inbox);
            },
            retry);
  }

  private void readLines(
      SerialTransport transport, CardSettings.SerialScanner settings, CardInbox inbox)
      throws IOException {
    try (transport) {
      ScannedLines lines = new ScannedLines(settings.prefix(), settings.suffix().text());
      byte[] buf = new byte[64];
      while (!loop.closed()) {
        int n = transport.read(buf, 0, buf.length, READ_WAIT);
        if (n < 0) {
          return;
        }
        for (Optional<String> line : lines.feed(buf, n)) {
          if (line.isPresent()) {
            inbox.barcode(line.get());
          } else {
            inbox.misread();
          }
        }
      }
    } finally {
      current = null;
    }
  }

  @Override
  public void start() {
    loop.start();
  }

  public boolean connected() {
    return loop.connected();
  }

  @Override
  public void close() {
    loop.close();
    SerialTransport t = current;
    if (t != null) {
      t.close();
    }
  }
}
