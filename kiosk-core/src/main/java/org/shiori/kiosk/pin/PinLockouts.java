package org.shiori.kiosk.pin;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.shiori.circulation.domain.PatronKey;

/**
 * Wrong-PIN counts and lockouts, kept in their own SQLite file so that they survive a restart.
 * Keyed by the patron key (the keyed card hash); the PIN itself is never written anywhere. A right
 * PIN, or a lockout that ran out, removes the patron's row.
 */
public final class PinLockouts implements AutoCloseable {
  /** The file inside the data directory. */
  public static final String FILE = "pin-lockouts.db";

  private final Connection db;

  /**
   * One patron's record.
   *
   * @param failures wrong PINs in a row
   * @param lockedUntil end of the lockout, if locked
   */
  public record Entry(int failures, Optional<Instant> lockedUntil) {}

  private PinLockouts(Connection db) {
    this.db = db;
  }

  public static PinLockouts open(Path file) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA secure_delete=ON");
        s.execute("PRAGMA journal_mode=DELETE");
        s.execute("PRAGMA synchronous=FULL");
        s.execute(
            "CREATE TABLE IF NOT EXISTS pin_lockout ("
                + "patron TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until INTEGER)");
      }
      return new PinLockouts(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the PIN lockout file " + file + ": " + e, e);
    }
  }

  public synchronized Entry entry(PatronKey patron) {
    try (PreparedStatement s =
        db.prepareStatement("SELECT failures, locked_until FROM pin_lockout WHERE patron = ?")) {
      s.setString(1, patron.value());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return new Entry(0, Optional.empty());
        }
        int failures = rs.getInt(1);
        Object until = rs.getObject(2);
        return new Entry(
            failures,
            until instanceof Number n
                ? Optional.of(Instant.ofEpochMilli(n.longValue()))
                : Optional.empty());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PIN lockout read failed: " + e.getMessage(), e);
    }
  }

  /** Counts one more wrong PIN, locking when {@code lockAt} is reached; returns the new entry. */
  public synchronized Entry failed(PatronKey patron, int lockAt, Instant lockedUntil) {
    int failures = entry(patron).failures() + 1;
    Optional<Instant> until = failures >= lockAt ? Optional.of(lockedUntil) : Optional.empty();
    String lockedUntilValue = until.isPresent() ? "?" : "NULL";
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT INTO pin_lockout (patron, failures, locked_until) VALUES (?, ?, "
                + lockedUntilValue
                + ") ON CONFLICT(patron) DO UPDATE SET failures = excluded.failures,"
                + " locked_until = excluded.locked_until")) {
      s.setString(1, patron.value());
      s.setInt(2, failures);
      if (until.isPresent()) {
        s.setLong(3, until.get().toEpochMilli());
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("PIN lockout write failed: " + e.getMessage(), e);
    }
    return new Entry(failures, until);
  }

  /** Forgets the patron's failures: after a right PIN, or when a lockout ended. */
  public synchronized void clear(PatronKey patron) {
    try (PreparedStatement s = db.prepareStatement("DELETE FROM pin_lockout WHERE patron = ?")) {
      s.setString(1, patron.value());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("PIN lockout write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing anyway
    }
  }
}
