package org.shiori.device.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date from the numbered scripts {@code db/V<n>__<name>.sql} listed, in
 * order, in {@code db/migrations.index}. Each script runs in its own transaction together with the
 * row that records it in {@code schema_migrations}, so a crash leaves either all of it or none.
 */
final class SchemaMigrations {
  /** One numbered script. */
  record Migration(int version, String name, String script) {}

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final String INDEX = "db/migrations.index";

  /** Appended to the database file's name for the copy made before a migration. */
  static final String BACKUP_SUFFIX = ".before-migration";

  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  private final StoreDatabase database;
  private final List<Migration> migrations;

  SchemaMigrations(StoreDatabase database) {
    this(database, loadFromClasspath());
  }

  SchemaMigrations(StoreDatabase database, List<Migration> migrations) {
    this.database = database;
    this.migrations = List.copyOf(migrations);
    for (int i = 0; i < this.migrations.size(); i++) {
      if (this.migrations.get(i).version() != i + 1) {
        throw new IllegalStateException(
            "migrations must be numbered 1, 2, 3... without gaps; found "
                + this.migrations.get(i).version()
                + " at position "
                + (i + 1));
      }
    }
  }

  /** Applies the scripts not yet applied and returns the schema version now in the file. */
  int migrate() {
    database.write(
        sql -> {
          sql.execute(
              "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                  + " name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT"
                  + " (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
          return null;
        });
    int current = currentVersion();
    if (current > migrations.size()) {
      throw new StoreException(
          "the database has schema version "
              + current
              + " but this software knows only up to "
              + migrations.size()
              + ": refusing to open it with older software");
    }
    if (current > 0 && current < migrations.size()) {
      backUp(current);
    }
    for (Migration migration : migrations.subList(current, migrations.size())) {
      apply(migration);
    }
    return currentVersion();
  }

  /** The copy of the database made before the last migration of an existing file. */
  static Path backupOf(Path databaseFile) {
    return databaseFile.resolveSibling(databaseFile.getFileName() + BACKUP_SUFFIX);
  }

  /**
   * A migration cannot be undone by older software: the database is copied next to itself first
   * ({@code store.db.before-migration}, only the last copy kept), so a downgrade can put it back.
   */
  private void backUp(int version) {
    Path backup = backupOf(database.file());
    database.copyTo(backup);
    LOG.info(
        "database copied to {} before migrating it from schema version {}",
        backup.getFileName(),
        version);
  }

  int currentVersion() {
    long version =
        database.read(sql -> sql.number("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    return (int) version;
  }

  private void apply(Migration migration) {
    database.write(
        sql -> {
          for (String statement : statements(migration.script())) {
            sql.execute(statement);
          }
          sql.update(
              "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
              migration.version(),
              migration.name());
          return null;
        });
    LOG.info("database schema migrated to version {} ({})", migration.version(), migration.name());
  }

  /**
   * Splits a script at semicolons that end a line, except inside a {@code CREATE TRIGGER ... END;}
   * body; comments are dropped.
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inTrigger = false;
    for (String raw : script.split("\n", -1)) {
      int comment = raw.indexOf("--");
      String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      inTrigger |= line.toUpperCase(java.util.Locale.ROOT).startsWith("CREATE TRIGGER");
      current.append(current.length() == 0 ? "" : "\n").append(line);
      boolean ends =
          line.endsWith(";")
              && (!inTrigger || line.toUpperCase(java.util.Locale.ROOT).equals("END;"));
      if (ends) {
        String statement = current.toString();
        statements.add(inTrigger ? statement : statement.substring(0, statement.length() - 1));
        current.setLength(0);
        inTrigger = false;
      }
    }
    if (current.length() > 0) {
      statements.add(current.toString());
    }
    return statements;
  }

  static List<Migration> loadFromClasspath() {
    List<Migration> loaded = new ArrayList<>();
    for (String fileName : resource(INDEX).split("\n")) {
      if (fileName.isBlank()) {
        continue;
      }
      Matcher m = FILE_NAME.matcher(fileName.strip());
      if (!m.matches()) {
        throw new IllegalStateException(
            INDEX + ": '" + fileName + "' is not named V<number>__<name>.sql");
      }
      loaded.add(
          new Migration(
              Integer.parseInt(m.group(1)), m.group(2), resource("db/" + fileName.strip())));
    }
    return loaded;
  }

  private static String resource(String name) {
    try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }
}
