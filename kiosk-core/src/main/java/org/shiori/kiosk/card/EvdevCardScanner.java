package org.shiori.kiosk.card;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.shiori.config.CardSettings;

/**
 * A USB HID barcode scanner read from its input event node ({@code /dev/input/by-id/…-event-kbd}),
 * grabbed exclusively; each symbol ends with Enter.
 */
public final class EvdevCardScanner implements CardSource {
  private final DeviceLoop loop;
  private volatile InputStream current;

  public EvdevCardScanner(CardSettings.EvdevScanner settings, CardInbox inbox, Duration retry) {
    EvdevNode node = new EvdevNode(Path.of(settings.path()));
    int size = settings.eventBytes();
    this.loop =
        new DeviceLoop(
            settings.path(),
            () -> {
              InputStream in = node.open();
              current = in;
              return () -> readEvents(in, size, inbox);
            },
            retry);
  }

  private void readEvents(InputStream in, int size, CardInbox inbox) throws IOException {
    try (in) {
      UsKeyboard keyboard = new UsKeyboard();
      byte[] record = new byte[size];
      while (!loop.closed()) {
        readFully(in, record);
        Optional<String> symbol = keyboard.feed(InputEvent.decode(record, 0, size));
        symbol.filter(s -> !s.isEmpty()).ifPresent(inbox::barcode);
      }
    } finally {
      current = null;
    }
  }

  private static void readFully(InputStream in, byte[] record) throws IOException {
    int got = 0;
    while (got < record.length) {
      int n = in.read(record, got, record.length - got);
      if (n < 0) {
        throw new EOFException("the event device was closed");
      }
      got += n;
    }
  }

  @Override
  public void start() {
    loop.start();
  }

  /** Whether the scanner is open now. */
  public boolean connected() {
    return loop.connected();
  }

  @Override
  public void close() {
    loop.close();
    InputStream in = current;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
