package org.shiori.device.store;

import java.sql.SQLException;

/**
 * The last sequence number handed out and the number of unacknowledged entries, kept in memory so a
 * checkout needs no counting query. Loaded from the file when the store opens; changed only under
 * the database lock and only after the change committed.
 */
final class OutboxCounters {
  private long lastSequence;
  private int pending;

  /** Reads the counters from the file (at open, inside the database lock). */
  static OutboxCounters load(StoreDatabase database) {
    OutboxCounters counters = new OutboxCounters();
    database.read(
        sql -> {
          counters.lastSequence = highWaterMark(sql);
          counters.pending = (int) sql.number("SELECT count(*) FROM outbox");
          return null;
        });
    return counters;
  }

  /** Numbers that left the outbox are kept in {@code device_sequence}, so none is reused. */
  private static long highWaterMark(Sql sql) throws SQLException {
    return sql.number(
        "SELECT max((SELECT last_sequence FROM device_sequence),"
            + " coalesce((SELECT max(sequence) FROM outbox), 0))");
  }

  long nextSequence() {
    return lastSequence + 1;
  }

  int pending() {
    return pending;
  }

  void added(long sequence) {
    lastSequence = sequence;
    pending++;
  }

  void removed() {
    pending--;
  }
}
