package org.shiori.central.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.shiori.central.ingest.StaffLog.Source;
import org.shiori.central.store.CentralDatabase;

/**
 * Sequences of a device taken by more than one transaction id, held from the ILS until staff say
 * which transaction is the real one (docs/central.md, "Sequence conflicts").
 *
 * <p>Resolving keeps one: it goes on to the ILS (queued, when central forwards) and its loan stands
 * at central; every other one is marked rejected {@code SEQUENCE_CONFLICT}, loses its patron key,
 * and its loan at central, if it made one, is removed. A kept return removes the loan of its item.
 */
public final class SequenceConflicts {
  /** One transaction under a conflicting sequence, as staff see it: never the patron. */
  public record Candidate(
      UUID txId, String type, String itemId, Instant happenedAt, Instant receivedAt) {}

  /** A device's sequence held by more than one transaction, first taken first. */
  public record Conflict(String deviceId, long sequence, List<Candidate> candidates) {}

  private final CentralDatabase db;
  private final Clock clock;
  private final boolean forwardToIls;
  private final StaffLog staff = new StaffLog();

  public SequenceConflicts(CentralDatabase db, Clock clock, boolean forwardToIls) {
    this.db = db;
    this.clock = clock;
    this.forwardToIls = forwardToIls;
  }

  /**
   * Stops a transaction on its way to the ILS: out of the queue, {@code held}. Returns its ILS
   * state before ({@code done} or {@code refused}: too late, the ILS already has it; left so).
   */
  static String hold(Connection c, UUID txId) throws SQLException {
    String state;
    try (PreparedStatement s =
        c.prepareStatement("SELECT ils_state FROM transactions WHERE tx_id = ?")) {
      s.setString(1, txId.toString());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        state = r.getString(1);
      }
    }
    if (state.equals("pending") || state.equals("none")) {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM ils_queue WHERE tx_id = ?")) {
        s.setString(1, txId.toString());
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE transactions SET ils_state = 'held' WHERE tx_id = ?")) {
        s.setString(1, txId.toString());
        s.executeUpdate();
      }
    }
    return state;
  }

  /** The conflicts staff have not resolved yet. */
  public List<Conflict> open() {
    return db.inTransaction(
        c -> {
          Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
          Map<String, Conflict> heads = new LinkedHashMap<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT device_id, sequence, tx_id, type, item_id, happened_at, received_at"
                          + " FROM transactions WHERE (device_id, sequence) IN (SELECT device_id,"
                          + " sequence FROM transactions WHERE ils_state = 'held')"
                          + " ORDER BY device_id, sequence, sequence_conflict, received_at, tx_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              String key = r.getString(1) + "\n" + r.getLong(2);
              List<Candidate> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
              list.add(
                  new Candidate(
                      UUID.fromString(r.getString(3)),
                      r.getString(4),
                      r.getString(5),
                      Instant.ofEpochMilli(r.getLong(6)),
                      Instant.ofEpochMilli(r.getLong(7))));
              heads.putIfAbsent(key, new Conflict(r.getString(1), r.getLong(2), list));
            }
          }
          return List.copyOf(heads.values());
        });
  }

  /**
   * Keeps {@code keep} for the device's {@code sequence} and discards the others.
   *
   * @throws IllegalArgumentException when that sequence is not in conflict or {@code keep} is not
   *     one of its transactions; nothing changes then
   */
  public void resolve(String deviceId, long sequence, UUID keep) {
    Instant now = clock.instant();
    db.inTransaction(
        c -> {
          List<Row> rows = rows(c, deviceId, sequence);
          if (rows.stream().noneMatch(r -> r.ilsState().equals("held"))) {
            throw new IllegalArgumentException(
                deviceId + " sequence " + sequence + " is not a conflict waiting for staff");
          }
          Row kept =
              rows.stream()
                  .filter(r -> r.txId().equals(keep))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              keep
                                  + " is not one of the transactions under "
                                  + deviceId
                                  + " sequence "
                                  + sequence));
          // The kept one becomes the holder of the sequence: the old holder steps aside first,
          // the unique key allows one holder at a time.
          execute(
              c,
              "UPDATE transactions SET sequence_conflict = 1 WHERE device_id = ? AND sequence = ?",
              deviceId,
              sequence);
          for (Row r : rows) {
            if (r == kept) {
              continue;
            }
            execute(c, "DELETE FROM current_loans WHERE tx_id = ?", r.txId().toString());
            if (!r.ilsState().equals("done") && !r.ilsState().equals("refused")) {
              execute(
                  c,
                  "UPDATE transactions SET status = 'rejected', reason = 'SEQUENCE_CONFLICT',"
                      + " ils_state = 'discarded', patron_key = NULL WHERE tx_id = ?",
                  r.txId().toString());
            }
            staff.reject(c, r.txId(), deviceId, sequence, "SEQUENCE_CONFLICT", Source.CENTRAL, now);
          }
          applyKept(c, kept);
          execute(
              c, "UPDATE transactions SET sequence_conflict = 0 WHERE tx_id = ?", keep.toString());
          staff.notice(
              c,
              deviceId,
              "SEQUENCE_CONFLICT_RESOLVED",
              Optional.of(keep),
              Optional.of(kept.itemId()),
              OptionalLong.of(sequence),
              Source.CENTRAL,
              now);
          return null;
        });
  }

  private void applyKept(Connection c, Row kept) throws SQLException {
    if (kept.ilsState().equals("done") || kept.ilsState().equals("refused")) {
      return;
    }
    boolean lentByIt = false;
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM current_loans WHERE tx_id = ?")) {
      s.setString(1, kept.txId().toString());
      try (ResultSet r = s.executeQuery()) {
        lentByIt = r.next();
      }
    }
    if (!lentByIt) {
      // Its effect was never applied (it came second): apply it now.
      execute(c, "DELETE FROM current_loans WHERE item_id = ?", kept.itemId());
      if (kept.type().equals("CHECKOUT") && kept.patronKey().isPresent()) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO current_loans (item_id, patron_key, due_date, tx_id, since)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
          s.setString(1, kept.itemId());
          s.setString(2, kept.patronKey().get());
          s.setString(3, kept.dueDate().orElseThrow());
          s.setString(4, kept.txId().toString());
          s.setLong(5, clock.millis());
          s.executeUpdate();
        }
      }
    }
    boolean queued = forwardToIls && (kept.type().equals("RETURN") || kept.patronKey().isPresent());
    if (queued) {
      execute(c, "INSERT INTO ils_queue (tx_id, attempts) VALUES (?, 0)", kept.txId().toString());
    }
    // The patron key stays only while the ILS still needs it.
    execute(
        c,
        queued
            ? "UPDATE transactions SET ils_state = 'pending' WHERE tx_id = ?"
            : "UPDATE transactions SET ils_state = 'none', patron_key = NULL WHERE tx_id = ?",
        kept.txId().toString());
  }

  private record Row(
      UUID txId,
      String type,
      String itemId,
      Optional<String> patronKey,
      Optional<String> dueDate,
      String ilsState) {}

  private static List<Row> rows(Connection c, String deviceId, long sequence) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tx_id, type, item_id, patron_key, due_date, ils_state FROM transactions"
                + " WHERE device_id = ? AND sequence = ?")) {
      s.setString(1, deviceId);
      s.setLong(2, sequence);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Row(
                  UUID.fromString(r.getString(1)),
                  r.getString(2),
                  r.getString(3),
                  Optional.ofNullable(r.getString(4)),
                  Optional.ofNullable(r.getString(5)),
                  r.getString(6)));
        }
      }
    }
    return out;
  }

  private static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }
}
