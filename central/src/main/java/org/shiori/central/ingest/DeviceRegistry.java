package org.shiori.central.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shiori.central.store.CentralDatabase;
import org.shiori.protocol.DeviceState;

/**
 * The devices central has met, from their birth and death messages: per device the state with the
 * highest ({@code boot}, {@code seq}) wins, so the late will of an older connection never marks a
 * newer connection offline.
 */
public final class DeviceRegistry {
  private final CentralDatabase db;

  /** A device as registered. */
  public record Registered(
      String deviceId, boolean online, long boot, long seq, long lastSequence) {}

  public DeviceRegistry(CentralDatabase db) {
    this.db = db;
  }

  /** Records a state unless a newer one is registered; returns whether it was taken. */
  public boolean record(DeviceState s, Instant now) {
    return db.inTransaction(c -> record(c, s, now));
  }

  private static boolean record(Connection c, DeviceState s, Instant now) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO devices (device_id) VALUES (?) ON CONFLICT (device_id) DO NOTHING")) {
      p.setString(1, s.deviceId());
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE devices SET online = ?, boot = ?, connection_seq = ?, state_at = ?"
                + " WHERE device_id = ? AND (boot < ? OR (boot = ? AND connection_seq <= ?))")) {
      p.setInt(1, s.online() ? 1 : 0);
      p.setLong(2, s.boot());
      p.setLong(3, s.seq());
      p.setLong(4, now.toEpochMilli());
      p.setString(5, s.deviceId());
      p.setLong(6, s.boot());
      p.setLong(7, s.boot());
      p.setLong(8, s.seq());
      return p.executeUpdate() == 1;
    }
  }

  public Optional<Registered> device(String deviceId) {
    return Optional.ofNullable(all().get(deviceId));
  }

  public Map<String, Registered> all() {
    return db.inTransaction(
        c -> {
          Map<String, Registered> out = new TreeMap<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT device_id, online, boot, connection_seq, last_sequence FROM devices");
              ResultSet r = p.executeQuery()) {
            while (r.next()) {
              out.put(
                  r.getString(1),
                  new Registered(
                      r.getString(1), r.getInt(2) != 0, r.getLong(3), r.getLong(4), r.getLong(5)));
            }
          }
          return out;
        });
  }
}
