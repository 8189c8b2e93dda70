package org.shiori.central.ils.fileimport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.shiori.central.store.CentralDatabase;
import org.shiori.protocol.Dataset;

/**
 * The last committed import in central's own database ({@code import_fingerprints}), so every
 * central instance and every restart diffs against the same import. {@link #save(Connection,
 * Fingerprints)} takes the caller's transaction: the import's data-set changes and its fingerprints
 * commit together or not at all.
 */
public final class DatabaseImportState implements ImportState {
  private final CentralDatabase db;

  public DatabaseImportState(CentralDatabase db) {
    this.db = db;
  }

  @Override
  public Fingerprints last() {
    return db.inTransaction(DatabaseImportState::read);
  }

  @Override
  public void save(Fingerprints fingerprints) {
    db.inTransaction(
        c -> {
          save(c, fingerprints);
          return null;
        });
  }

  static Fingerprints read(Connection c) throws SQLException {
    Map<Dataset, Map<String, String>> by = new EnumMap<>(Dataset.class);
    try (PreparedStatement s =
            c.prepareStatement("SELECT dataset, record_key, fingerprint FROM import_fingerprints");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        by.computeIfAbsent(Dataset.valueOf(r.getString(1)), d -> new TreeMap<>())
            .put(r.getString(2), r.getString(3));
      }
    }
    return new Fingerprints(by);
  }

  /** Replaces the stored fingerprints within the caller's transaction. */
  public void save(Connection c, Fingerprints fingerprints) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM import_fingerprints")) {
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO import_fingerprints (dataset, record_key, fingerprint) VALUES (?, ?, ?)")) {
      int pending = 0;
      for (Map.Entry<Dataset, Map<String, String>> d : fingerprints.byDataset().entrySet()) {
        for (Map.Entry<String, String> e : d.getValue().entrySet()) {
          s.setString(1, d.getKey().name());
          s.setString(2, e.getKey());
          s.setString(3, e.getValue());
          s.addBatch();
          if (++pending == 1000) {
            s.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        s.executeBatch();
      }
    }
  }
}
