package org.shiori.device.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncBatch;
import org.shiori.protocol.SyncDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies sync messages. A snapshot is written chunk by chunk into {@code <table>_staging} (one
 * transaction per chunk, so a crash keeps the chunks already in) and the last chunk renames it over
 * the live table in one transaction: readers see the old set or the new one, never a mix. A delta
 * is one transaction.
 */
final class SqliteSyncSink implements SyncSink {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteSyncSink.class);
  private static final EnumSet<Dataset> DOCUMENTS = EnumSet.of(Dataset.POLICY, Dataset.CALENDAR);

  /** What a data set needs done after its rows changed, inside the same transaction. */
  @FunctionalInterface
  private interface AfterApply<T> {
    void run(Sql sql, SyncBatch<T> batch) throws SQLException;
  }

  private final StoreDatabase database;
  private final Clock clock;

  SqliteSyncSink(StoreDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public long appliedSequence(Dataset dataset) {
    return database.read(
        sql ->
            sql.number(
                "SELECT applied_sequence FROM sync_state WHERE dataset = ?", dataset.name()));
  }

  /** When central last brought the data set current on this device (offline cache age). */
  Optional<Instant> lastSyncAt(Dataset dataset) {
    return database.read(
        sql ->
            sql.one(
                "SELECT last_sync_at FROM sync_state WHERE dataset = ?"
                    + " AND last_sync_at IS NOT NULL",
                rs -> Instant.parse(rs.getString(1)),
                dataset.name()));
  }

  /** Central confirmed the data set is current without sending changes (e.g. a heartbeat). */
  void markCurrent(Dataset dataset) {
    database.write(sql -> touch(sql, dataset));
  }

  @Override
  public void applyItems(SyncBatch<ItemRecord> batch) {
    apply(Dataset.ITEMS, ItemTable.INSTANCE, batch, SqliteSyncSink::keepLocalLoansOnLoan);
  }

  @Override
  public void applyPatrons(SyncBatch<PatronSnapshot> batch) {
    apply(Dataset.PATRONS, PatronTable.INSTANCE, batch, SqliteSyncSink::dropReflectedLoans);
  }

  @Override
  public void applyHolds(SyncBatch<HoldRecord> batch) {
    apply(Dataset.HOLDS, HoldTable.INSTANCE, batch, (sql, b) -> {});
  }

  @Override
  public void applyDocument(Dataset dataset, long sequence, String content) {
    storeDocument(dataset, sequence, content, false);
  }

  @Override
  public void resetDocument(Dataset dataset, long sequence, String content) {
    storeDocument(dataset, sequence, content, true);
  }

  private void storeDocument(Dataset dataset, long sequence, String content, boolean reset) {
    if (!DOCUMENTS.contains(dataset)) {
      throw new IllegalArgumentException(dataset + " is a record data set, not a document");
    }
    database.write(
        sql -> {
          long applied = applied(sql, dataset);
          if (sequence <= applied && !reset) {
            LOG.debug("{} version {} ignored: version {} is applied", dataset, sequence, applied);
            return null;
          }
          sql.update(
              "INSERT OR REPLACE INTO documents (dataset, sequence, content) VALUES (?, ?, ?)",
              dataset.name(),
              sequence,
              content);
          setApplied(sql, dataset, sequence);
          return null;
        });
  }

  /** The last document received for {@code dataset}, if any. */
  Optional<SyncDocument> document(Dataset dataset) {
    return database.read(
        sql ->
            sql.one(
                "SELECT sequence, content FROM documents WHERE dataset = ?",
                rs -> new SyncDocument(dataset, rs.getLong(1), rs.getString(2)),
                dataset.name()));
  }

  private <T> void apply(
      Dataset dataset, RecordTable<T> table, SyncBatch<T> batch, AfterApply<T> after) {
    database.write(
        sql -> {
          if (batch.snapshot()) {
            applySnapshotChunk(sql, dataset, table, batch, after);
          } else {
            applyDelta(sql, dataset, table, batch, after);
          }
          if (!batch.snapshot() || batch.lastChunk()) {
            // Rows were replaced or deleted, and records of these sets can hold patron keys:
            // old page images must not linger in the WAL (P-ERASE-2, P-ERASE-3).
            sql.requestPrivacyCheckpoint();
          }
          return null;
        });
  }

  private <T> void applyDelta(
      Sql sql, Dataset dataset, RecordTable<T> table, SyncBatch<T> batch, AfterApply<T> after)
      throws SQLException {
    long applied = applied(sql, dataset);
    if (batch.sequence() <= applied) {
      LOG.debug("{} delta {} ignored: version {} is applied", dataset, batch.sequence(), applied);
      return;
    }
    if (batch.sequence() != applied + 1) {
      throw new IllegalStateException(
          dataset
              + " delta "
              + batch.sequence()
              + " does not follow the applied version "
              + applied
              + ": a resync is needed");
    }
    insert(sql, table.upsertSql(table.table()), table, batch.upserts());
    for (String key : batch.deletes()) {
      if (dataset == Dataset.PATRONS) {
        // A patron removed by central (registration cancelled): erase all of them (P-ERASE-3).
        SqlitePatronPrivacy.erase(sql, new PatronKey(key));
      } else {
        sql.update("DELETE FROM " + table.table() + " WHERE " + table.keyColumn() + " = ?", key);
      }
    }
    after.run(sql, batch);
    setApplied(sql, dataset, batch.sequence());
  }

  private <T> void applySnapshotChunk(
      Sql sql, Dataset dataset, RecordTable<T> table, SyncBatch<T> batch, AfterApply<T> after)
      throws SQLException {
    String staging = table.table() + "_staging";
    if (batch.chunk() == 0) {
      sql.execute("DROP TABLE IF EXISTS " + staging);
      sql.execute(stagingDdl(sql, table.table(), staging));
    } else {
      expectChunk(sql, dataset, batch);
    }
    insert(sql, table.insertSql(staging), table, batch.upserts());
    if (!batch.lastChunk()) {
      sql.update(
          "UPDATE sync_state SET staging_sequence = ?, staging_next_chunk = ? WHERE dataset = ?",
          batch.sequence(),
          batch.chunk() + 1,
          dataset.name());
      return;
    }
    List<String> indexes =
        sql.list(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                + " AND sql IS NOT NULL",
            rs -> rs.getString(1),
            table.table());
    sql.execute("DROP TABLE " + table.table());
    // Legacy rename: the outbox triggers name the live table and must keep doing so; the modern
    // rename would check them while the live table is briefly missing and refuse.
    sql.execute("PRAGMA legacy_alter_table = ON");
    try {
      sql.execute("ALTER TABLE " + staging + " RENAME TO " + table.table());
    } finally {
      sql.execute("PRAGMA legacy_alter_table = OFF");
    }
    for (String index : indexes) {
      sql.execute(index);
    }
    after.run(sql, batch);
    setApplied(sql, dataset, batch.sequence());
    LOG.info("{} snapshot version {} applied", dataset, batch.sequence());
  }

  private static void expectChunk(Sql sql, Dataset dataset, SyncBatch<?> batch)
      throws SQLException {
    List<Long> state =
        sql.one(
                "SELECT staging_sequence, staging_next_chunk FROM sync_state WHERE dataset = ?",
                rs -> List.of(rs.getLong(1), rs.getLong(2)),
                dataset.name())
            .orElseThrow();
    if (state.get(0) != batch.sequence() || state.get(1) != batch.chunk()) {
      throw new IllegalStateException(
          dataset
              + " snapshot chunk "
              + batch.chunk()
              + " of version "
              + batch.sequence()
              + " arrived, but chunk "
              + state.get(1)
              + " of version "
              + state.get(0)
              + " was expected: a resync is needed");
    }
  }

  /** The live table's own definition under the staging name, so the schema has one source. */
  private static String stagingDdl(Sql sql, String table, String staging) throws SQLException {
    String ddl =
        sql.one(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                rs -> rs.getString(1),
                table)
            .orElseThrow(() -> new IllegalStateException("no table " + table));
    return ddl.replaceFirst("^CREATE TABLE\\s+(\"?)" + table + "\\1", "CREATE TABLE " + staging);
  }

  private static <T> void insert(Sql sql, String insertSql, RecordTable<T> table, List<T> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    PreparedStatement statement = sql.prepared(insertSql);
    for (T row : rows) {
      table.bind(statement, row);
      statement.addBatch();
    }
    statement.executeBatch();
  }

  private static void keepLocalLoansOnLoan(Sql sql, SyncBatch<ItemRecord> batch)
      throws SQLException {
    // Central may not have seen this device's loans yet: they stay on loan in the cache.
    sql.update(
        "UPDATE items SET status = 'ON_LOAN' WHERE status <> 'ON_LOAN'"
            + " AND item_id IN (SELECT item_id FROM local_loans)");
  }

  private static void dropReflectedLoans(Sql sql, SyncBatch<PatronSnapshot> batch)
      throws SQLException {
    // A patron record sent after central acknowledged a loan already counts it (R-LIMIT-7).
    if (batch.snapshot()) {
      sql.update("DELETE FROM local_loans WHERE acknowledged = 1");
      return;
    }
    List<String> keys = new ArrayList<>();
    for (PatronSnapshot patron : batch.upserts()) {
      keys.add(patron.key().value());
    }
    for (String key : keys) {
      sql.update("DELETE FROM local_loans WHERE patron_key = ? AND acknowledged = 1", key);
    }
  }

  private static long applied(Sql sql, Dataset dataset) throws SQLException {
    return sql.number("SELECT applied_sequence FROM sync_state WHERE dataset = ?", dataset.name());
  }

  private Void setApplied(Sql sql, Dataset dataset, long sequence) throws SQLException {
    sql.update(
        "UPDATE sync_state SET applied_sequence = ?, staging_sequence = NULL,"
            + " staging_next_chunk = NULL WHERE dataset = ?",
        sequence,
        dataset.name());
    return touch(sql, dataset);
  }

  private Void touch(Sql sql, Dataset dataset) throws SQLException {
    sql.update(
        "UPDATE sync_state SET last_sync_at = ? WHERE dataset = ?",
        Instant.now(clock).toString(),
        dataset.name());
    return null;
  }
}
