package org.shiori.device.store;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff events kept durably (synchronous=FULL, in the device's SQLite file) from the moment they
 * happen until the broker confirms them. Bounded at {@code capacity} events: when full, the oldest
 * routine event gives way; an alarm is never dropped and is stored even beyond the bound (then only
 * the disk bounds it), and a routine event that finds only alarms in a full store is refused.
 */
public final class EventStore {
  private static final Logger LOG = LoggerFactory.getLogger(EventStore.class);

  /** What happened to an event offered to the store. */
  public enum Outcome {
    STORED,
    STORED_ROUTINE_GAVE_WAY,
    STORED_BEYOND_BOUND,
    REFUSED_FULL_OF_ALARMS
  }

  private final StoreDatabase database;
  private final int capacity;
  private final Clock clock;

  EventStore(StoreDatabase database, int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("event store capacity must be at least 1");
    }
    this.database = database;
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Stores {@code payload} durably before return. */
  public Outcome store(byte[] payload, boolean alarm) {
    String at = clock.instant().toString();
    Outcome outcome = write(payload, alarm, at);
    logOutcome(outcome);
    return outcome;
  }

  private Outcome write(byte[] payload, boolean alarm, String at) {
    return database.write(sql -> insert(sql, payload, alarm, at));
  }

  /**
   * Stores one event inside a transaction already open on this database, so other tables (a visitor
   * hour marked reported) change in the same commit; the bound applies as in {@link #store}.
   */
  Outcome insert(Sql sql, byte[] payload, boolean alarm, String at) throws java.sql.SQLException {
    long held = sql.number("SELECT count(*) FROM device_events");
    Outcome outcome = Outcome.STORED;
    if (held >= capacity) {
      long oldestRoutine =
          sql.number("SELECT coalesce(min(sequence), 0) FROM device_events WHERE alarm = 0");
      if (oldestRoutine > 0) {
        sql.update("DELETE FROM device_events WHERE sequence = ?", oldestRoutine);
        outcome = Outcome.STORED_ROUTINE_GAVE_WAY;
      } else if (alarm) {
        outcome = Outcome.STORED_BEYOND_BOUND;
      } else {
        return Outcome.REFUSED_FULL_OF_ALARMS;
      }
    }
    sql.update(
        "INSERT INTO device_events (alarm, payload, stored_at) VALUES (?, ?, ?)",
        alarm ? 1 : 0,
        payload,
        at);
    return outcome;
  }

  static void logged(Outcome o) {
    logOutcome(o);
  }

  /** The oldest {@code max} events not yet confirmed, in the order they were stored. */
  public List<StoredEvent> pending(int max) {
    return database.read(
        sql ->
            sql.list(
                "SELECT sequence, alarm, payload FROM device_events ORDER BY sequence LIMIT ?",
                rs -> new StoredEvent(rs.getLong(1), rs.getInt(2) == 1, rs.getBytes(3)),
                max));
  }

  /** The broker confirmed event {@code sequence}: it is deleted. */
  public void confirmed(long sequence) {
    database.write(sql -> sql.update("DELETE FROM device_events WHERE sequence = ?", sequence));
  }

  public int pendingCount() {
    long n = database.read(sql -> sql.number("SELECT count(*) FROM device_events"));
    return (int) n;
  }

  public int capacity() {
    return capacity;
  }

  private static void logOutcome(Outcome o) {
    switch (o) {
      case STORED_ROUTINE_GAVE_WAY ->
          LOG.warn("event store full: the oldest routine event gave way");
      case STORED_BEYOND_BOUND ->
          LOG.warn("event store full of alarms: alarm stored beyond the bound");
      case REFUSED_FULL_OF_ALARMS -> LOG.warn("event store full of alarms: routine event refused");
      default -> {}
    }
  }
}
