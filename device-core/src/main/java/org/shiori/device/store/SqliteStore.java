package org.shiori.device.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.Transaction;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncBatch;
import org.shiori.protocol.SyncDocument;

/**
 * The device's SQLite store: catalog, patron directory, circulation ledger, outbox, sync sink and
 * privacy requests over one database file (WAL, synchronous=FULL, secure_delete=ON). Thread-safe:
 * all calls share one connection under one lock, which makes it the single writer. The file is
 * opened with exclusive locking: one {@code SqliteStore} per file and process; anything else
 * (technician CLI, admin API) goes through this instance.
 */
public final class SqliteStore
    implements ItemCatalog, PatronDirectory, CirculationLedger, Outbox, SyncSink, AutoCloseable {
  private final StoreDatabase database;
  private final SqliteCatalog catalog;
  private final SqliteLedger ledger;
  private final SqliteOutbox outbox;
  private final SqliteSyncSink sync;
  private final SqlitePatronPrivacy privacy;

  private SqliteStore(StoreDatabase database, int outboxCapacity, Clock clock) {
    this.database = database;
    this.catalog = new SqliteCatalog(database);
    OutboxCounters counters = OutboxCounters.load(database);
    this.ledger = new SqliteLedger(database, counters, outboxCapacity);
    this.outbox = new SqliteOutbox(database, counters, clock);
    this.sync = new SqliteSyncSink(database, clock);
    this.privacy = new SqlitePatronPrivacy(database);
  }

  /**
   * Opens the store, creating the file and migrating its schema as needed.
   *
   * @param dbFile the database file under the device's data directory
   * @param outboxCapacity unacknowledged transactions held before new ones are refused
   * @param clock the device clock (rejection and sync times)
   * @throws StorageFullException when there is no room to create or migrate the file
   * @throws StoreException when the file cannot be opened as a Shiori store
   */
  public static SqliteStore open(Path dbFile, int outboxCapacity, Clock clock) {
    if (outboxCapacity < 1) {
      throw new IllegalArgumentException(
          "outbox capacity must be at least 1, was " + outboxCapacity);
    }
    StoreDatabase database = StoreDatabase.open(dbFile);
    return new SqliteStore(database, outboxCapacity, clock);
  }

  @Override
  public Optional<ItemRecord> find(String itemId) {
    return catalog.find(itemId);
  }

  /**
   * The durable staff-event store in this database (table {@code device_events}).
   *
   * @param capacity events held before routine ones give way (alarms never do)
   */
  public EventStore events(int capacity, Clock clock) {
    return new EventStore(database, capacity, clock);
  }

  /**
   * A gate's visitor counts and totals in this database (tables {@code visitor_hours}, {@code
   * visitor_totals}).
   */
  public VisitorTally visitors() {
    return new VisitorTally(database);
  }

  /**
   * Streams every cached item's id and status to {@code scan} under the store's read lock (the gate
   * loads its in-memory item states from here at start).
   *
   * @return the number of items scanned
   */
  public long scanItemStatuses(ItemStatusScan scan) {
    return database.read(
        sql -> {
          long n = 0;
          try (var statement =
                  database.connection().prepareStatement("SELECT item_id, status FROM items");
              var rs = statement.executeQuery()) {
            while (rs.next()) {
              scan.item(rs.getString(1), ItemStatus.valueOf(rs.getString(2)));
              n++;
            }
          }
          return n;
        });
  }

  @Override
  public Optional<PatronSnapshot> find(PatronKey key) {
    return catalog.find(key);
  }

  /**
   * {@inheritDoc}
   *
   * @throws StorageFullException when the disk is full (nothing recorded)
   */
  @Override
  public OutboxEntry recordCheckout(Transaction checkout) throws OutboxFullException {
    return ledger.recordCheckout(checkout);
  }

  /**
   * {@inheritDoc}
   *
   * @throws StorageFullException when the disk is full (nothing recorded)
   */
  @Override
  public OutboxEntry recordReturn(Transaction giveBack) throws OutboxFullException {
    return ledger.recordReturn(giveBack);
  }

  @Override
  public List<OutboxEntry> unacknowledged(int max) {
    return outbox.unacknowledged(max);
  }

  @Override
  public void markPublished(long sequence) {
    outbox.markPublished(sequence);
  }

  @Override
  public boolean acknowledge(UUID transactionId) {
    return outbox.acknowledge(transactionId);
  }

  @Override
  public boolean reject(UUID transactionId, String reasonCode) {
    return outbox.reject(transactionId, reasonCode);
  }

  @Override
  public int pendingCount() {
    return outbox.pendingCount();
  }

  /** Transactions central rejected, for the admin API, oldest first. */
  public List<Rejection> rejections() {
    return outbox.rejections();
  }

  /** Staff dealt with the rejected transaction of that sequence number. */
  public boolean resolveRejection(long sequence) {
    return outbox.resolveRejection(sequence);
  }

  @Override
  public long appliedSequence(Dataset dataset) {
    return sync.appliedSequence(dataset);
  }

  @Override
  public void applyItems(SyncBatch<ItemRecord> batch) {
    sync.applyItems(batch);
  }

  @Override
  public void applyPatrons(SyncBatch<PatronSnapshot> batch) {
    sync.applyPatrons(batch);
  }

  @Override
  public void applyHolds(SyncBatch<HoldRecord> batch) {
    sync.applyHolds(batch);
  }

  @Override
  public void applyDocument(Dataset dataset, long sequence, String content) {
    sync.applyDocument(dataset, sequence, content);
  }

  @Override
  public void resetDocument(Dataset dataset, long sequence, String content) {
    sync.resetDocument(dataset, sequence, content);
  }

  /** The last policy or calendar document received. */
  public Optional<SyncDocument> document(Dataset dataset) {
    return sync.document(dataset);
  }

  /** When central last brought the data set current, empty before the first sync. */
  public Optional<Instant> lastSyncAt(Dataset dataset) {
    return sync.lastSyncAt(dataset);
  }

  /** Central confirmed the data set is current without changes (resets its cache age). */
  public void markCurrent(Dataset dataset) {
    sync.markCurrent(dataset);
  }

  /** Everything held about one patron key (P-RIGHTS-1). */
  public PatronExport exportPatron(PatronKey key) {
    return privacy.export(key);
  }

  /** Erases what is held about one patron key, WAL included (P-ERASE-3, P-RIGHTS-1). */
  public PatronErasure erasePatron(PatronKey key) {
    return privacy.erase(key);
  }

  /** {@code PRAGMA integrity_check}: "ok" when the file is sound (technician status, tests). */
  public String integrityCheck() {
    return database.integrityCheck();
  }

  /** The database file (the WAL is beside it with suffix {@code -wal}). */
  public Path file() {
    return database.file();
  }

  @Override
  public void close() {
    database.close();
  }
}
