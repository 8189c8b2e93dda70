package org.shiori.device.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.shiori.config.ReaderSettings;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.ReaderInfo;
import org.shiori.rfid.reader.SystemInfo;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.tag.TagUid;

/**
 * A device's reader, watched: its inventory rounds (the kiosk's pad scanner, the gate's passage
 * monitor) tell whether the reader answers, which the admin status reports. Every call goes to the
 * real reader unchanged.
 */
public final class WatchedReader implements TagReader {
  private final TagReader reader;
  private final ReaderSettings settings;
  private final Clock clock;
  private volatile boolean answering;
  private volatile Optional<Instant> lastAnswerAt = Optional.empty();
  private volatile Optional<String> lastProblem = Optional.of("no inventory yet");

  public WatchedReader(TagReader reader, ReaderSettings settings, Clock clock) {
    this.reader = reader;
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
      List<InventoryEntry> entries = reader.inventory(afi);
      lastAnswerAt = Optional.of(clock.instant());
      answering = true;
      return entries;
    } catch (ReaderException | RuntimeException e) {
      lastProblem = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      answering = false;
      throw e;
    }
  }

  @Override
  public byte[] readBlocks(TagUid uid, int firstBlock, int count) throws ReaderException {
    return reader.readBlocks(uid, firstBlock, count);
  }

  @Override
  public void writeBlocks(TagUid uid, int firstBlock, byte[] data) throws ReaderException {
    reader.writeBlocks(uid, firstBlock, data);
  }

  @Override
  public int readAfi(TagUid uid) throws ReaderException {
    return reader.readAfi(uid);
  }

  @Override
  public void writeAfi(TagUid uid, int afi) throws ReaderException {
    reader.writeAfi(uid, afi);
  }

  @Override
  public void setEas(TagUid uid, boolean on) throws ReaderException {
    reader.setEas(uid, on);
  }

  @Override
  public boolean easAlarm(TagUid uid) throws ReaderException {
    return reader.easAlarm(uid);
  }

  @Override
  public SystemInfo systemInfo(TagUid uid) throws ReaderException {
    return reader.systemInfo(uid);
  }

  @Override
  public ReaderInfo info() throws ReaderException {
    return reader.info();
  }

  @Override
  public int defaultBlockSize() {
    return reader.defaultBlockSize();
  }

  @Override
  public void close() {
    reader.close();
  }
}
