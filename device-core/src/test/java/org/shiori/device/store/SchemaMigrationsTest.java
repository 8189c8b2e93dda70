package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
  @TempDir Path dir;

  @Test
  void freshFileGetsEveryMigrationRecordedOnce() {
    try (StoreDatabase db = StoreDatabase.open(dir.resolve("s.db"))) {
      int known = SchemaMigrations.loadFromClasspath().size();
      assertThat(known).isGreaterThanOrEqualTo(1);
      assertThat(new SchemaMigrations(db).currentVersion()).isEqualTo(known);
      assertThat(tables(db))
          .contains(
              "items",
              "patrons",
              "holds",
              "local_loans",
              "outbox",
              "rejections",
              "sync_state",
              "documents",
              "device_sequence",
              "schema_migrations");
    }
    try (StoreDatabase db = StoreDatabase.open(dir.resolve("s.db"))) {
      long rows = db.read(sql -> sql.number("SELECT count(*) FROM schema_migrations"));
      assertThat(rows).isEqualTo(SchemaMigrations.loadFromClasspath().size());
    }
  }

  @Test
  void pragmasAreSetForDurabilityAndErasure() {
    try (StoreDatabase db = StoreDatabase.open(dir.resolve("s.db"))) {
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "synchronous")).isEqualTo("2");
      assertThat(pragma(db, "secure_delete")).isEqualTo("1");
      assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
      assertThat(db.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void laterMigrationIsAppliedOnTopAndOnlyOnce() {
    try (StoreDatabase db = StoreDatabase.open(dir.resolve("s.db"))) {
      List<SchemaMigrations.Migration> next = withExtra("CREATE TABLE extra (x INTEGER);\n");
      assertThat(new SchemaMigrations(db, next).migrate()).isEqualTo(next.size());
      assertThat(new SchemaMigrations(db, next).migrate()).isEqualTo(next.size());
      assertThat(tables(db)).contains("extra");
    }
  }

  @Test
  void failingMigrationLeavesTheSchemaAsItWas() {
    try (StoreDatabase db = StoreDatabase.open(dir.resolve("s.db"))) {
      int before = new SchemaMigrations(db).currentVersion();
      List<SchemaMigrations.Migration> broken =
          withExtra("CREATE TABLE half (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
      assertThatThrownBy(() -> new SchemaMigrations(db, broken).migrate())
          .isInstanceOf(StoreException.class);
      assertThat(new SchemaMigrations(db).currentVersion()).isEqualTo(before);
      assertThat(tables(db)).doesNotContain("half");
    }
  }

  @Test
  void newerSchemaThanTheSoftwareIsRefused() {
    try (StoreDatabase db = StoreDatabase.open(dir.resolve("s.db"))) {
      new SchemaMigrations(db, withExtra("SELECT 1;\n")).migrate();
    }
    assertThatThrownBy(() -> StoreDatabase.open(dir.resolve("s.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("older software");
  }

  @Test
  void numberingGapsAreRefused() {
    try (StoreDatabase db = StoreDatabase.open(dir.resolve("s.db"))) {
      List<SchemaMigrations.Migration> gap =
          List.of(new SchemaMigrations.Migration(2, "two", "SELECT 1;"));
      assertThatThrownBy(() -> new SchemaMigrations(db, gap))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("without gaps");
    }
  }

  @Test
  void anExistingDatabaseIsCopiedBeforeAMigrationAndOnlyTheLastCopyIsKept() throws Exception {
    Path file = dir.resolve("store.db");
    Path backup = SchemaMigrations.backupOf(file);
    try (StoreDatabase db = StoreDatabase.open(file)) {
      assertThat(backup).as("a fresh file has nothing to keep").doesNotExist();
      db.write(
          sql -> {
            sql.execute("CREATE TABLE kept (x TEXT)");
            sql.execute("INSERT INTO kept VALUES ('before the migration')");
            return null;
          });
      List<SchemaMigrations.Migration> one = withExtra("ALTER TABLE kept ADD COLUMN y TEXT;\n");
      new SchemaMigrations(db, one).migrate();
      assertThat(columnsOfKept(backup)).as("the copy has the schema before").isEqualTo(1);
      assertThat(Files.getPosixFilePermissions(backup))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));

      List<SchemaMigrations.Migration> two = new ArrayList<>(one);
      two.add(new SchemaMigrations.Migration(two.size() + 1, "another", "SELECT 2;\n"));
      new SchemaMigrations(db, two).migrate();
      assertThat(columnsOfKept(backup)).as("the last copy replaced the first").isEqualTo(2);
      assertThat(new SchemaMigrations(db, two).migrate()).isEqualTo(two.size());
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".tmp"))
          .filteredOn(n -> n.contains("before-migration"))
          .containsExactly("store.db.before-migration");
    }
  }

  /** Columns of the table {@code kept} in a copy, read with a connection of its own. */
  private static int columnsOfKept(Path copy) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("before the migration");
      return rs.getMetaData().getColumnCount();
    }
  }

  @Test
  void scriptsSplitAtLineEndSemicolonsAndDropComments() {
    assertThat(SchemaMigrations.statements("-- c;\nCREATE TABLE a (x); -- tail\n\nSELECT ';';\n"))
        .containsExactly("CREATE TABLE a (x)", "SELECT ';'");
  }

  @Test
  void triggerBodiesStayWhole() {
    assertThat(
            SchemaMigrations.statements(
                "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n"
                    + "  DELETE FROM a;\n  SELECT 1;\nEND;\nSELECT 2;\n"))
        .containsExactly(
            "CREATE TABLE a (x)",
            "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\nDELETE FROM a;\nSELECT 1;\nEND;",
            "SELECT 2");
  }

  private static List<SchemaMigrations.Migration> withExtra(String script) {
    List<SchemaMigrations.Migration> all = new ArrayList<>(SchemaMigrations.loadFromClasspath());
    all.add(new SchemaMigrations.Migration(all.size() + 1, "extra", script));
    return all;
  }

  private static List<String> tables(StoreDatabase db) {
    return db.read(
        sql ->
            sql.list("SELECT name FROM sqlite_master WHERE type = 'table'", rs -> rs.getString(1)));
  }

  private static String pragma(StoreDatabase db, String name) {
    return db.read(sql -> sql.one("PRAGMA " + name, rs -> rs.getString(1)).orElseThrow());
  }
}
