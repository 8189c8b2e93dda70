package org.shiori.central.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.shiori.central.config.CentralConfig;
import org.shiori.testkit.Required;

/**
 * Databases for tests: a fresh SQLite file, or a fresh PostgreSQL database on 127.0.0.1:5432 (user
 * postgres, trust authentication) that the test class drops again.
 */
public final class TestDatabases {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private TestDatabases() {}

  public static CentralConfig.Database sqlite(Path directory) {
    return CentralConfig.Database.sqlite(directory.resolve("central.db"));
  }

  /** Creates a database of its own; skipped locally, failed under CI, without PostgreSQL. */
  public static CentralConfig.Database createPostgresql() {
    String name = "central_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      Required.part(false, "PostgreSQL on 127.0.0.1:5432 (bin/test installs and starts it)");
    }
    return CentralConfig.Database.postgresql(SERVER + name, "postgres", 8);
  }

  public static void drop(CentralConfig.Database db) {
    if (db.kind() != CentralConfig.DatabaseKind.POSTGRESQL) {
      return;
    }
    String name = db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1);
    if (!name.toLowerCase(Locale.ROOT).startsWith("central_test_")) {
      throw new IllegalArgumentException("not a test database: " + name);
    }
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop " + name, e);
    }
  }
}
