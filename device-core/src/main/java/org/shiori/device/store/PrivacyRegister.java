package org.shiori.device.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The privacy register (P-REGISTER-1) of the device store, made from the schema itself: the tables
 * and their fields are read from a store freshly migrated by the same scripts the service runs, and
 * joined with {@code db/privacy-register.properties} (personal, purpose, source, retention). A
 * table added by a migration without an entry shows as such, and {@code PrivacyRegisterTest} fails.
 */
public final class PrivacyRegister {
  private static final String REGISTER = "db/privacy-register.properties";
  private static final List<String> KEYS = List.of("personal", "purpose", "source", "retention");

  /**
   * One table of the store.
   *
   * @param table its name
   * @param fields its columns, as the schema has them
   * @param personal whether and which personal data it holds; empty when the register lacks it
   * @param purpose why it is kept
   * @param source where its data comes from
   * @param retention when its data goes
   */
  public record Entry(
      String table,
      List<String> fields,
      Optional<String> personal,
      Optional<String> purpose,
      Optional<String> source,
      Optional<String> retention) {
    public boolean complete() {
      return personal.isPresent()
          && purpose.isPresent()
          && source.isPresent()
          && retention.isPresent();
    }
  }

  private PrivacyRegister() {}

  /** Every table of the current schema, with its register entry. */
  public static List<Entry> entries() {
    Properties register = register();
    List<Entry> entries = new ArrayList<>();
    Path dir;
    try {
      dir = Files.createTempDirectory("shiori-register");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch store for the schema", e);
    }
    Path file = dir.resolve("schema.db");
    try (StoreDatabase db = StoreDatabase.open(file)) {
      List<String> tables =
          db.read(
              sql ->
                  sql.list(
                      "SELECT name FROM sqlite_master WHERE type = 'table'"
                          + " AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
                      rs -> rs.getString(1)));
      for (String table : tables) {
        List<String> fields =
            db.read(sql -> sql.list("PRAGMA table_info(" + table + ")", rs -> rs.getString(2)));
        entries.add(
            new Entry(
                table,
                fields,
                value(register, table, "personal"),
                value(register, table, "purpose"),
                value(register, table, "source"),
                value(register, table, "retention")));
      }
    } finally {
      try (var left = Files.list(dir)) {
        for (Path p : left.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // A scratch file of an empty schema: nothing personal is left behind.
      }
    }
    return entries;
  }

  /** Tables the register names that the schema does not have (a stale entry). */
  public static Set<String> staleEntries() {
    Set<String> named = new TreeSet<>();
    for (String key : register().stringPropertyNames()) {
      named.add(key.substring(0, key.lastIndexOf('.')));
    }
    entries().forEach(e -> named.remove(e.table()));
    return named;
  }

  /** The register as printed by {@code device-config privacy-register}. */
  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append("Privacy register of the device store <dataDir>/store.db (P-REGISTER-1)\n");
    out.append("made from the schema of this software; other stores: docs/privacy.md\n");
    for (Entry e : entries()) {
      out.append('\n').append(e.table()).append('\n');
      out.append("  fields:    ").append(String.join(", ", e.fields())).append('\n');
      for (String key : KEYS) {
        Optional<String> v =
            switch (key) {
              case "personal" -> e.personal();
              case "purpose" -> e.purpose();
              case "source" -> e.source();
              default -> e.retention();
            };
        out.append(String.format("  %-10s ", key + ":"))
            .append(v.orElse("NO REGISTER ENTRY (a bug: report it)"))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static Optional<String> value(Properties register, String table, String key) {
    return Optional.ofNullable(register.getProperty(table + "." + key))
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  private static Properties register() {
    Properties p = new Properties();
    try (InputStream in = PrivacyRegister.class.getClassLoader().getResourceAsStream(REGISTER)) {
      if (in == null) {
        throw new IllegalStateException(REGISTER + " is missing from the class path");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(REGISTER, e);
    }
    return p;
  }
}
