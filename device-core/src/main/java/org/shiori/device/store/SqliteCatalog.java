package org.shiori.device.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;

/** Look-ups in the synced cache, with this device's own unreflected loans added. */
final class SqliteCatalog implements ItemCatalog, PatronDirectory {
  // A hold from the holds data set counts as the item's hold when the item record names none.
  private static final String FIND_ITEM =
      "SELECT i.item_id, i.title, i.material, i.home_branch, i.status, i.flags, i.parts,"
          + " coalesce(i.hold_for, (SELECT h.patron_key FROM holds h WHERE h.item_id ="
          + " i.item_id)), "
          + ItemTable.LENDING_COLUMNS
          + " FROM items i WHERE i.item_id = ?";

  private final StoreDatabase database;

  SqliteCatalog(StoreDatabase database) {
    this.database = database;
  }

  @Override
  public Optional<ItemRecord> find(String itemId) {
    return database.read(sql -> sql.one(FIND_ITEM, ItemTable.INSTANCE::map, itemId));
  }

  /** R-LIMIT-7: synced loan counts plus loans made here that central has not yet reflected. */
  @Override
  public Optional<PatronSnapshot> find(PatronKey key) {
    return database.read(
        sql -> {
          Optional<PatronSnapshot> synced =
              sql.one(
                  PatronTable.INSTANCE.selectSql() + " WHERE patron_key = ?",
                  PatronTable.INSTANCE::map,
                  key.value());
          if (synced.isEmpty()) {
            return synced;
          }
          Map<String, Integer> counts = new HashMap<>(synced.get().loansByMaterial());
          for (Map.Entry<String, Integer> local :
              sql.list(
                  "SELECT material, count(*) FROM local_loans WHERE patron_key = ?"
                      + " GROUP BY material",
                  rs -> Map.entry(rs.getString(1), rs.getInt(2)),
                  key.value())) {
            counts.merge(local.getKey(), local.getValue(), Integer::sum);
          }
          return Optional.of(withLoans(synced.get(), counts));
        });
  }

  private static PatronSnapshot withLoans(PatronSnapshot p, Map<String, Integer> loans) {
    return new PatronSnapshot(
        p.key(),
        p.category(),
        p.expiry(),
        p.staffBlock(),
        p.overdue(),
        loans,
        p.illThisFiscalYear(),
        p.illOnLoan(),
        p.holdsAndRequests(),
        p.groupConfirmedOn(),
        p.homeBranch());
  }
}
