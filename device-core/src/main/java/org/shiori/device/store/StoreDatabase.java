package org.shiori.device.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the one JDBC connection to the device database. Every read and write goes through it under
 * one lock, so SQLite sees a single writer (architecture: one writer to SQLite) and sequence
 * numbers are handed out in commit order.
 */
final class StoreDatabase implements AutoCloseable {
  /** Work done inside one transaction; may throw its own checked exception. */
  @FunctionalInterface
  interface Work<T, X extends Exception> {
    T run(Sql sql) throws SQLException, X;
  }

  private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);
  private static final int SQLITE_FULL = 13;

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean privacyCheckpointPending;
  private boolean closed;

  private StoreDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file, sets it up and brings the schema up to date. */
  static StoreDatabase open(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
      StoreDatabase database = new StoreDatabase(absolute, connection);
      try {
        database.configure();
        restrictToOwner(absolute);
        new SchemaMigrations(database).migrate();
      } catch (SQLException | RuntimeException e) {
        database.close();
        throw e;
      }
      return database;
    } catch (SQLException e) {
      throw translate("opening " + absolute.getFileName(), e);
    } catch (IOException e) {
      throw new StoreException("cannot create the data directory of " + absolute, e);
    }
  }

  private void configure() throws SQLException {
    try (Statement s = connection.createStatement()) {
      // Exclusive locking: no other process may open the file behind the service's back, and
      // WAL needs no shared-memory file.
      s.execute("PRAGMA locking_mode = EXCLUSIVE");
      String mode = pragmaText(s, "PRAGMA journal_mode = WAL");
      if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
        throw new StoreException("the database refused WAL mode (journal_mode=" + mode + ")");
      }
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA secure_delete = ON");
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("PRAGMA temp_store = MEMORY");
      // 32 MiB of page cache: snapshot chunks of randomly ordered patron keys stay in memory
      // instead of spilling half-built B-tree pages to the WAL.
      s.execute("PRAGMA cache_size = -32768");
      s.execute("PRAGMA busy_timeout = 5000");
    }
  }

  private static String pragmaText(Statement s, String pragma) throws SQLException {
    try (var rs = s.executeQuery(pragma)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      LOG.warn("could not restrict the database file to its owner: {}", e.toString());
    }
  }

  Path file() {
    return file;
  }

  /**
   * Writes a consistent copy of the whole database to {@code target} (SQLite's {@code VACUUM INTO},
   * outside any transaction), replacing it atomically, readable by the owner only.
   */
  void copyTo(Path target) {
    lock.lock();
    try {
      ensureOpen();
      Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      // VACUUM refuses to run while a cached prepared statement is still open on the connection.
      discardStatements();
      // VACUUM INTO takes an expression: the file name is a bound parameter, never SQL text.
      try (PreparedStatement s = connection.prepareStatement("VACUUM INTO ?")) {
        s.setString(1, temp.toString());
        s.execute();
      }
      restrictToOwner(temp);
      org.shiori.device.remote.AtomicFiles.move(temp, target);
    } catch (SQLException e) {
      throw translate("copying the database to " + target.getFileName(), e);
    } catch (IOException e) {
      throw new StoreException("cannot copy the database to " + target, e);
    } finally {
      lock.unlock();
    }
  }

  Connection connection() {
    return connection;
  }

  /**
   * Runs {@code work} in one transaction committed durably (synchronous=FULL) before return. When
   * the disk is full, the WAL is checkpointed and truncated to give its space back and the work is
   * tried once more before {@link StorageFullException} is thrown.
   */
  <T, X extends Exception> T write(Work<T, X> work) throws X {
    lock.lock();
    try {
      ensureOpen();
      try {
        return attempt(work);
      } catch (StorageFullException full) {
        if (!truncateWal()) {
          throw full;
        }
        LOG.warn("storage full: WAL truncated to make room, retrying the write once");
        return attempt(work);
      }
    } finally {
      lock.unlock();
    }
  }

  private <T, X extends Exception> T attempt(Work<T, X> work) throws X {
    Sql sql = new Sql(this);
    T result;
    try {
      control("BEGIN IMMEDIATE");
      result = work.run(sql);
      control("COMMIT");
      sql.committed();
    } catch (SQLException e) {
      // A statement that failed inside SQLite (e.g. SQLITE_FULL) may be left unusable: start over.
      discardStatements();
      rollbackQuietly();
      throw translate("a write", e);
    } catch (Exception e) {
      rollbackQuietly();
      throw e;
    }
    if (sql.privacyCheckpointRequested() || privacyCheckpointPending) {
      privacyCheckpointPending = !truncateWal();
    }
    return result;
  }

  /** Runs read-only work on a consistent view (the lock keeps writers out). */
  <T> T read(Work<T, RuntimeException> work) {
    lock.lock();
    try {
      ensureOpen();
      return work.run(new Sql(this));
    } catch (SQLException e) {
      throw translate("a read", e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Copies the WAL into the database and truncates it to zero bytes, so page images of deleted rows
   * (which secure_delete zeroes in the database file) are gone from the WAL too.
   *
   * @return whether the checkpoint completed
   */
  boolean truncateWal() {
    lock.lock();
    try (Statement s = connection.createStatement();
        var rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      boolean done = rs.next() && rs.getInt(1) == 0;
      if (!done) {
        LOG.warn("WAL checkpoint did not complete; it is retried after the next write");
      }
      return done;
    } catch (SQLException e) {
      LOG.warn("WAL checkpoint failed ({}); it is retried after the next write", e.getMessage());
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Result of {@code PRAGMA integrity_check}: "ok" when the file is sound. */
  String integrityCheck() {
    return read(
        sql -> String.join("\n", sql.list("PRAGMA integrity_check", rs -> rs.getString(1))));
  }

  PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    statement.clearParameters();
    return statement;
  }

  private void discardStatements() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        LOG.debug("closing a failed statement: {}", e.getMessage());
      }
    }
    statements.clear();
  }

  private void control(String command) throws SQLException {
    prepared(command).execute();
  }

  private void rollbackQuietly() {
    try {
      control("ROLLBACK");
    } catch (SQLException e) {
      // SQLite rolls back by itself after some errors (SQLITE_FULL among them): nothing to undo.
      LOG.debug("rollback after a failed write: {}", e.getMessage());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("the store is closed");
    }
  }

  static StoreException translate(String what, SQLException e) {
    if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
      return new StorageFullException(
          "storage full: " + what + " was refused and rolled back, earlier data is intact", e);
    }
    return new StoreException(what + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing the database failed", e);
    } finally {
      lock.unlock();
    }
  }
}
