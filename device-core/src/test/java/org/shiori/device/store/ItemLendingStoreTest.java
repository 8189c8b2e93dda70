package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.device.store.StoreFixtures.CLOCK;
import static org.shiori.device.store.StoreFixtures.delta;
import static org.shiori.device.store.StoreFixtures.item;
import static org.shiori.device.store.StoreFixtures.snapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.LenderInstructions;

/**
 * The lending library, lending branch and lender instructions survive sync, store and read-back.
 */
class ItemLendingStoreTest {
  @TempDir Path dir;
  private SqliteStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static ItemRecord illItem(String id) {
    return item(id)
        .withLendingLibrary(
            "ehime-pref",
            new LenderInstructions(
                Optional.of(LocalDate.of(2027, 7, 31)), Optional.of(Period.ofDays(21)), true));
  }

  private static ItemRecord groupItem(String id) {
    return item(id).withLendingBranch("hojo");
  }

  @Test
  void itemFromADeltaComesBackWithItsLendingFields() {
    store = SqliteStore.open(dir.resolve("store.db"), 100, CLOCK);
    ItemRecord both = illItem("ILL1").withLendingBranch("hojo");

    store.applyItems(delta(1, List.of(illItem("ILL"), groupItem("GRP"), both), List.of()));

    assertThat(store.find("ILL")).contains(illItem("ILL"));
    assertThat(store.find("GRP")).contains(groupItem("GRP"));
    assertThat(store.find("ILL1")).contains(both);
  }

  @Test
  void itemFromASnapshotComesBackWithItsLendingFields() {
    store = SqliteStore.open(dir.resolve("store.db"), 100, CLOCK);

    store.applyItems(snapshot(1, List.of(illItem("ILL"), groupItem("GRP"))));

    assertThat(store.find("ILL")).contains(illItem("ILL"));
    assertThat(store.find("GRP")).contains(groupItem("GRP"));
  }

  @Test
  void onlySomeInstructionsSetComeBackAsSent() {
    store = SqliteStore.open(dir.resolve("store.db"), 100, CLOCK);
    ItemRecord dueOnly =
        item("DUE")
            .withLendingLibrary(
                "nara-pref",
                new LenderInstructions(
                    Optional.of(LocalDate.of(2027, 1, 5)), Optional.empty(), false));
    ItemRecord inLibraryOnly =
        item("ILO")
            .withLendingLibrary(
                "nara-pref", new LenderInstructions(Optional.empty(), Optional.empty(), true));

    store.applyItems(delta(1, List.of(dueOnly, inLibraryOnly), List.of()));

    assertThat(store.find("DUE")).contains(dueOnly);
    assertThat(store.find("ILO")).contains(inLibraryOnly);
  }

  @Test
  void itemWithoutLendingFieldsComesBackWithEmptyValues() {
    store = SqliteStore.open(dir.resolve("store.db"), 100, CLOCK);

    store.applyItems(delta(1, List.of(item("OWN")), List.of()));

    ItemRecord back = store.find("OWN").orElseThrow();
    assertThat(back).isEqualTo(item("OWN"));
    assertThat(back.lendingLibrary()).isEmpty();
    assertThat(back.lendingBranch()).isEmpty();
    assertThat(back.lenderInstructions()).isEqualTo(LenderInstructions.NONE);
  }

  @Test
  void deltaReplacingAnIllItemWithAnOrdinaryOneClearsTheLendingFields() {
    store = SqliteStore.open(dir.resolve("store.db"), 100, CLOCK);
    store.applyItems(delta(1, List.of(illItem("X").withLendingBranch("hojo")), List.of()));

    store.applyItems(delta(2, List.of(item("X")), List.of()));

    assertThat(store.find("X")).contains(item("X"));
  }

  @Test
  void fileOfSchemaVersion2KeepsItsItemsWithEmptyLendingFields() throws SQLException {
    Path file = dir.resolve("old.db");
    List<SchemaMigrations.Migration> all = SchemaMigrations.loadFromClasspath();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
              + " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
      for (SchemaMigrations.Migration m : all.subList(0, 2)) {
        for (String statement : SchemaMigrations.statements(m.script())) {
          s.execute(statement);
        }
        s.execute(
            "INSERT INTO schema_migrations (version, name) VALUES ("
                + m.version()
                + ", '"
                + m.name()
                + "')");
      }
      s.execute(
          "INSERT INTO items (item_id, title, material, home_branch, status, flags, parts)"
              + " VALUES ('OLD', 'Title OLD', 'book', 'central', 'AVAILABLE', '', 1)");
    }

    store = SqliteStore.open(file, 100, CLOCK);

    assertThat(store.find("OLD")).contains(item("OLD"));
    store.applyItems(delta(1, List.of(illItem("ILL")), List.of()));
    assertThat(store.find("ILL")).contains(illItem("ILL"));
  }
}
