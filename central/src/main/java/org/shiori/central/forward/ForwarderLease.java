package org.shiori.central.forward;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import org.shiori.central.store.CentralDatabase;

/**
 * One forwarder at a time among the central instances: a lease row in the shared database, renewed
 * by its holder, taken over by another instance once it has expired (the holder crashed). Keeps the
 * ILS getting each device's transactions in order, once.
 */
final class ForwarderLease {
  private static final String NAME = "ils-forwarder";

  private final CentralDatabase db;
  private final String holder;
  private final Clock clock;
  private final Duration length;

  ForwarderLease(CentralDatabase db, String holder, Clock clock, Duration length) {
    this.db = db;
    this.holder = holder;
    this.clock = clock;
    this.length = length;
  }

  /** Takes or renews the lease; true while this instance holds it. */
  boolean hold() {
    long now = clock.millis();
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, NAME);
            s.setString(2, holder);
            s.setLong(3, now + length.toMillis());
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE leases SET holder = ?, expires_at = ?"
                      + " WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
            s.setString(1, holder);
            s.setLong(2, now + length.toMillis());
            s.setString(3, NAME);
            s.setString(4, holder);
            s.setLong(5, now);
            return s.executeUpdate() == 1;
          }
        });
  }

  /** Gives the lease up at an orderly stop, so another instance need not wait for it to expire. */
  void release() {
    db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM leases WHERE name = ? AND holder = ?")) {
            s.setString(1, NAME);
            s.setString(2, holder);
            s.executeUpdate();
          }
          return null;
        });
  }
}
