package org.shiori.central.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What staff should see: rejected and refused transactions, forged or conflicting messages, and
 * device events, in central's database. Never a patron key, never a card number.
 */
public final class StaffLog {
  /** Who refused or noticed. */
  public enum Source {
    CENTRAL,
    ILS,
    DEVICE
  }

  /** One row of the events table. */
  public record Event(
      long id,
      Optional<String> deviceId,
      String type,
      Instant at,
      Optional<String> itemId,
      Optional<String> title,
      Optional<String> txId,
      Optional<String> code,
      OptionalLong count,
      Source source) {}

  /** One row of the rejections table. */
  public record Rejection(
      Optional<String> txId,
      String deviceId,
      OptionalLong sequence,
      String reason,
      Source source) {}

  public void reject(
      Connection c,
      UUID txId,
      String deviceId,
      long sequence,
      String reason,
      Source source,
      Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO rejections (tx_id, device_id, sequence, reason, source, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, txId.toString());
      s.setString(2, deviceId);
      s.setLong(3, sequence);
      s.setString(4, reason);
      s.setString(5, source.name().toLowerCase(java.util.Locale.ROOT));
      s.setLong(6, at.toEpochMilli());
      s.executeUpdate();
    }
  }

  /** Records a notice of central itself (a forged message, an ILS refusal...). */
  public void notice(
      Connection c,
      String deviceId,
      String code,
      Optional<UUID> txId,
      Optional<String> itemId,
      OptionalLong count,
      Source source,
      Instant at)
      throws SQLException {
    insert(
        c,
        deviceId,
        "central-notice",
        at,
        itemId,
        Optional.empty(),
        txId.map(UUID::toString),
        Optional.of(code),
        count,
        source);
  }

  public void insert(
      Connection c,
      String deviceId,
      String type,
      Instant at,
      Optional<String> itemId,
      Optional<String> title,
      Optional<String> txId,
      Optional<String> code,
      OptionalLong count,
      Source source)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO events (device_id, type, at, item_id, title, tx_id, code, count, source)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, deviceId);
      s.setString(2, type);
      s.setLong(3, at.toEpochMilli());
      s.setString(4, itemId.orElse(null));
      s.setString(5, title.orElse(null));
      s.setString(6, txId.orElse(null));
      s.setString(7, code.orElse(null));
      if (count.isPresent()) {
        s.setLong(8, count.getAsLong());
      } else {
        s.setNull(8, Types.BIGINT);
      }
      s.setString(9, source.name().toLowerCase(java.util.Locale.ROOT));
      s.executeUpdate();
    }
  }

  /** The latest events, newest last. */
  public List<Event> events(Connection c, int limit) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, device_id, type, at, item_id, title, tx_id, code, count, source"
                + " FROM events ORDER BY id DESC LIMIT ?")) {
      s.setInt(1, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long count = r.getLong(9);
          OptionalLong n = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(count);
          out.add(
              0,
              new Event(
                  r.getLong(1),
                  Optional.ofNullable(r.getString(2)),
                  r.getString(3),
                  Instant.ofEpochMilli(r.getLong(4)),
                  Optional.ofNullable(r.getString(5)),
                  Optional.ofNullable(r.getString(6)),
                  Optional.ofNullable(r.getString(7)),
                  Optional.ofNullable(r.getString(8)),
                  n,
                  Source.valueOf(r.getString(10).toUpperCase(java.util.Locale.ROOT))));
        }
      }
    }
    return out;
  }

  public List<Rejection> rejections(Connection c) throws SQLException {
    List<Rejection> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT tx_id, device_id, sequence, reason, source FROM rejections ORDER BY id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long seq = r.getLong(3);
        OptionalLong sequence = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(seq);
        out.add(
            new Rejection(
                Optional.ofNullable(r.getString(1)),
                r.getString(2),
                sequence,
                r.getString(4),
                Source.valueOf(r.getString(5).toUpperCase(java.util.Locale.ROOT))));
      }
    }
    return out;
  }
}
