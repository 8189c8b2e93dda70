package org.shiori.device.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.shiori.config.ReaderSettings;
import org.shiori.rfid.reader.ForwardingTagReader;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;

/**
 * A device's reader, watched: its inventory rounds (the kiosk's pad scanner, the gate's passage
 * monitor) tell whether the reader answers, which the admin status reports. Every call goes to the
 * real reader unchanged.
 */
public final class WatchedReader extends ForwardingTagReader {
  private final ReaderSettings settings;
  private final Clock clock;
  private volatile boolean answering;
  private volatile Optional<Instant> lastAnswerAt = Optional.empty();
  private volatile Optional<String> lastProblem = Optional.of("no inventory yet");

  public WatchedReader(TagReader reader, ReaderSettings settings, Clock clock) {
    super(reader);
    this.settings = settings;
    this.clock = clock;
  }

  /** The reader as the admin status reports it now. */
  public ReaderStatus status() {
    return new ReaderStatus(
        settings.protocol().label(),
        settings.port(),
        answering,
        lastAnswerAt,
        answering ? Optional.empty() : lastProblem);
  }

  @Override
  public List<InventoryEntry> inventory(OptionalInt afi) throws ReaderException {
    try {
      List<InventoryEntry> entries = delegate().inventory(afi);
      lastAnswerAt = Optional.of(clock.instant());
      answering = true;
      return entries;
    } catch (ReaderException | RuntimeException e) {
      lastProblem = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      answering = false;
      throw e;
    }
  }
}
