package org.shiori.device.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A gate's visitor counts in the device's SQLite file (tables {@code visitor_hours} and {@code
 * visitor_totals}): every walker counted is committed durably before the call returns, so totals
 * survive a stop or a power cut. The report of a finished hour is stored in the event store in the
 * same transaction that marks the hour reported: stored before published, and exactly once.
 */
public final class VisitorTally {
  /** Reported hours are kept this long (for a technician to look at), then deleted. */
  static final Duration KEEP_REPORTED = Duration.ofDays(31);

  /** Walkers counted since the gate was first started. */
  public record Totals(long in, long out) {}

  /** Walkers counted in one hour starting at {@code start} (UTC). */
  public record Hour(Instant start, long in, long out) {}

  /** Encodes the report of one finished hour as the event payload to publish. */
  @FunctionalInterface
  public interface HourReport {
    byte[] encode(Hour hour, Totals totals);
  }

  private final StoreDatabase database;

  VisitorTally(StoreDatabase database) {
    this.database = database;
  }

  /**
   * Counts one walker in the hour starting at {@code hour} and in the totals, durably.
   *
   * @param in true for a walker coming in, false for one going out
   * @return the totals including this walker
   */
  public Totals record(boolean in, Instant hour) {
    return database.write(
        sql -> {
          String column = in ? "in_count" : "out_count";
          String total = in ? "in_total" : "out_total";
          sql.update("INSERT OR IGNORE INTO visitor_hours (hour) VALUES (?)", hour.toString());
          sql.update(
              "UPDATE visitor_hours SET " + column + " = " + column + " + 1 WHERE hour = ?",
              hour.toString());
          sql.update("UPDATE visitor_totals SET " + total + " = " + total + " + 1 WHERE id = 1");
          return totals(sql);
        });
  }

  public Totals totals() {
    return database.read(VisitorTally::totals);
  }

  /** The counts of the hour starting at {@code hour}; zero when nobody was counted. */
  public Hour hour(Instant hour) {
    return database.read(
        sql ->
            sql.one(
                    "SELECT in_count, out_count FROM visitor_hours WHERE hour = ?",
                    rs -> new Hour(hour, rs.getLong(1), rs.getLong(2)),
                    hour.toString())
                .orElse(new Hour(hour, 0, 0)));
  }

  /**
   * Stores a report for every hour before {@code current} not yet reported, oldest first, in the
   * event store as routine events. With {@code quietHourBefore} (the gate was running in the hour
   * before {@code current}) that hour is reported even when nobody passed, so a quiet gate can be
   * told from a silent one; hours the gate was not running are not invented.
   *
   * <p>When the event store is full of alarms the report is refused and the hour stays unreported
   * (tried again next time); its counts stay here.
   *
   * @return the number of reports stored
   */
  public int reportHoursBefore(
      Instant current, boolean quietHourBefore, EventStore events, HourReport report) {
    Instant at = current;
    return database.write(
        sql -> {
          if (quietHourBefore) {
            sql.update(
                "INSERT OR IGNORE INTO visitor_hours (hour) VALUES (?)",
                current.minus(Duration.ofHours(1)).toString());
          }
          List<Hour> due =
              sql.list(
                  "SELECT hour, in_count, out_count FROM visitor_hours"
                      + " WHERE reported = 0 AND hour < ? ORDER BY hour",
                  rs -> new Hour(Instant.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3)),
                  current.toString());
          Totals totals = totals(sql);
          int stored = 0;
          for (Hour hour : due) {
            EventStore.Outcome outcome =
                events.insert(sql, report.encode(hour, totals), false, at.toString());
            sql.afterCommit(() -> EventStore.logged(outcome));
            if (outcome == EventStore.Outcome.REFUSED_FULL_OF_ALARMS) {
              break; // left unreported: tried again at the next report, the counts are kept
            }
            sql.update(
                "UPDATE visitor_hours SET reported = 1 WHERE hour = ?", hour.start().toString());
            stored++;
          }
          sql.update(
              "DELETE FROM visitor_hours WHERE reported = 1 AND hour < ?",
              current.minus(KEEP_REPORTED).toString());
          return stored;
        });
  }

  private static Totals totals(Sql sql) throws SQLException {
    return sql.one(
            "SELECT in_total, out_total FROM visitor_totals WHERE id = 1",
            rs -> new Totals(rs.getLong(1), rs.getLong(2)))
        .orElse(new Totals(0, 0));
  }
}
