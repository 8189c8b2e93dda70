package org.shiori.central.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncDocument;
import org.shiori.protocol.SyncMessage;

/**
 * The data sets central syncs to the devices, in central's database. Every change increments the
 * data set's version in the same database transaction and returns the numbered delta to publish
 * after the commit; a snapshot is read at the current version. Methods take the caller's connection
 * so a change can share the transaction of the ingest that caused it.
 */
public final class Datasets {
  private final String tenant;

  public Datasets(String tenant) {
    this.tenant = tenant;
  }

  public String tenant() {
    return tenant;
  }

  public long version(Connection c, Dataset d) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT version FROM dataset_versions WHERE dataset = ?")) {
      s.setString(1, d.topicName());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private long nextVersion(Connection c, Dataset d) throws SQLException {
    // The UPDATE locks the row: concurrent changes of one data set get consecutive versions.
    try (PreparedStatement s =
        c.prepareStatement("UPDATE dataset_versions SET version = version + 1 WHERE dataset = ?")) {
      s.setString(1, d.topicName());
      s.executeUpdate();
    }
    return version(c, d);
  }

  public Optional<ItemRecord> item(Connection c, String itemId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT item_id, title, material, home_branch, status, flags, parts, hold_for"
                + " FROM items WHERE item_id = ?")) {
      s.setString(1, itemId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(item(r)) : Optional.empty();
      }
    }
  }

  private static ItemRecord item(ResultSet r) throws SQLException {
    String flags = r.getString(6);
    String holdFor = r.getString(8);
    return new ItemRecord(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        ItemStatus.valueOf(r.getString(5)),
        flags.isEmpty() ? Set.of() : Set.of(flags.split(",")),
        r.getInt(7),
        Optional.ofNullable(holdFor).map(PatronKey::new));
  }

  public SyncMessage putItem(Connection c, ItemRecord item) throws SQLException {
    long v = nextVersion(c, Dataset.ITEMS);
    delete(c, "items", "item_id", item.itemId());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO items (item_id, title, material, home_branch, status, flags, parts,"
                + " hold_for, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, item.itemId());
      s.setString(2, item.title());
      s.setString(3, item.material());
      s.setString(4, item.homeBranch());
      s.setString(5, item.status().name());
      s.setString(6, String.join(",", new TreeSet<>(item.flags())));
      s.setInt(7, item.parts());
      s.setString(8, item.holdFor().map(PatronKey::value).orElse(null));
      s.setLong(9, v);
      s.executeUpdate();
    }
    return delta(Dataset.ITEMS, v, List.of(item), List.of());
  }

  public Optional<PatronSnapshot> patron(Connection c, PatronKey key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT patron_key, category, expiry, staff_block, overdue, loans_by_material,"
                + " ill_this_fiscal_year, ill_on_loan, holds_and_requests, group_confirmed_on,"
                + " home_branch FROM patrons WHERE patron_key = ?")) {
      s.setString(1, key.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(patron(r)) : Optional.empty();
      }
    }
  }

  private static PatronSnapshot patron(ResultSet r) throws SQLException {
    Map<String, Integer> loans = new TreeMap<>();
    String encoded = r.getString(6);
    if (!encoded.isEmpty()) {
      for (String pair : encoded.split(",")) {
        String[] kv = pair.split("=", 2);
        loans.put(kv[0], Integer.parseInt(kv[1]));
      }
    }
    String confirmed = r.getString(10);
    return new PatronSnapshot(
        new PatronKey(r.getString(1)),
        r.getString(2),
        LocalDate.parse(r.getString(3)),
        r.getInt(4) != 0,
        r.getInt(5) != 0,
        loans,
        r.getInt(7),
        r.getInt(8),
        r.getInt(9),
        Optional.ofNullable(confirmed).map(LocalDate::parse),
        r.getString(11));
  }

  public SyncMessage putPatron(Connection c, PatronSnapshot p) throws SQLException {
    long v = nextVersion(c, Dataset.PATRONS);
    delete(c, "patrons", "patron_key", p.key().value());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO patrons (patron_key, category, expiry, staff_block, overdue,"
                + " loans_by_material, ill_this_fiscal_year, ill_on_loan, holds_and_requests,"
                + " group_confirmed_on, home_branch, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      StringBuilder loans = new StringBuilder();
      new TreeMap<>(p.loansByMaterial())
          .forEach(
              (k, n) ->
                  loans.append(loans.length() == 0 ? "" : ",").append(k).append('=').append(n));
      s.setString(1, p.key().value());
      s.setString(2, p.category());
      s.setString(3, p.expiry().toString());
      s.setInt(4, p.staffBlock() ? 1 : 0);
      s.setInt(5, p.overdue() ? 1 : 0);
      s.setString(6, loans.toString());
      s.setInt(7, p.illThisFiscalYear());
      s.setInt(8, p.illOnLoan());
      s.setInt(9, p.holdsAndRequests());
      s.setString(10, p.groupConfirmedOn().map(Object::toString).orElse(null));
      s.setString(11, p.homeBranch());
      s.setLong(12, v);
      s.executeUpdate();
    }
    return delta(Dataset.PATRONS, v, List.of(p), List.of());
  }

  /** Erases a patron (P-ERASE-3): the record, their card number, their holds. */
  public List<SyncMessage> removePatron(Connection c, PatronKey key) throws SQLException {
    List<SyncMessage> out = new ArrayList<>();
    for (HoldRecord h : holds(c)) {
      if (h.patron().equals(key)) {
        out.addAll(removeHold(c, h.itemId()));
      }
    }
    delete(c, "patron_cards", "patron_key", key.value());
    delete(c, "patrons", "patron_key", key.value());
    long v = nextVersion(c, Dataset.PATRONS);
    out.add(delta(Dataset.PATRONS, v, List.of(), List.of(key.value())));
    return out;
  }

  /** Deletes an item from the items data set (gone from the library system's export). */
  public List<SyncMessage> removeItem(Connection c, String itemId) throws SQLException {
    List<SyncMessage> out = new ArrayList<>(removeHold(c, itemId));
    delete(c, "items", "item_id", itemId);
    long v = nextVersion(c, Dataset.ITEMS);
    out.add(delta(Dataset.ITEMS, v, List.of(), List.of(itemId)));
    return out;
  }

  public Optional<HoldRecord> hold(Connection c, String itemId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT item_id, patron_key, pickup_branch FROM holds WHERE item_id = ?")) {
      s.setString(1, itemId);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(
                new HoldRecord(r.getString(1), new PatronKey(r.getString(2)), r.getString(3)))
            : Optional.empty();
      }
    }
  }

  private List<HoldRecord> holds(Connection c) throws SQLException {
    List<HoldRecord> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT item_id, patron_key, pickup_branch FROM holds ORDER BY item_id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new HoldRecord(r.getString(1), new PatronKey(r.getString(2)), r.getString(3)));
      }
    }
    return out;
  }

  public SyncMessage putHold(Connection c, HoldRecord hold) throws SQLException {
    long v = nextVersion(c, Dataset.HOLDS);
    delete(c, "holds", "item_id", hold.itemId());
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO holds (item_id, patron_key, pickup_branch, version) VALUES (?, ?, ?, ?)")) {
      s.setString(1, hold.itemId());
      s.setString(2, hold.patron().value());
      s.setString(3, hold.pickupBranch());
      s.setLong(4, v);
      s.executeUpdate();
    }
    return delta(Dataset.HOLDS, v, List.of(hold), List.of());
  }

  /**
   * Ends a hold (fulfilled or cancelled): the hold row goes, and the item's {@code holdFor} is
   * cleared too, so no later items delta or snapshot sends the patron–item link again (P-ERASE-2).
   */
  public List<SyncMessage> removeHold(Connection c, String itemId) throws SQLException {
    List<SyncMessage> out = new ArrayList<>();
    if (hold(c, itemId).isPresent()) {
      delete(c, "holds", "item_id", itemId);
      long v = nextVersion(c, Dataset.HOLDS);
      out.add(delta(Dataset.HOLDS, v, List.of(), List.of(itemId)));
    }
    Optional<ItemRecord> item = item(c, itemId);
    if (item.isPresent() && item.get().holdFor().isPresent()) {
      ItemRecord i = item.get();
      out.add(
          putItem(
              c,
              new ItemRecord(
                  i.itemId(),
                  i.title(),
                  i.material(),
                  i.homeBranch(),
                  i.status(),
                  i.flags(),
                  i.parts(),
                  Optional.empty())));
    }
    return out;
  }

  public SyncMessage putDocument(Connection c, Dataset d, String text) throws SQLException {
    if (!SyncMessage.isDocument(d)) {
      throw new IllegalArgumentException(d + " is not a document data set");
    }
    long v = nextVersion(c, d);
    delete(c, "documents", "dataset", d.topicName());
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO documents (dataset, content, version) VALUES (?, ?, ?)")) {
      s.setString(1, d.topicName());
      s.setString(2, text);
      s.setLong(3, v);
      s.executeUpdate();
    }
    return SyncMessage.document(tenant, d, false, v, text);
  }

  /** The policy or calendar document central serves now, with its version; empty if never set. */
  public Optional<SyncDocument> document(Connection c, Dataset d) throws SQLException {
    if (!SyncMessage.isDocument(d)) {
      throw new IllegalArgumentException(d + " is not a document data set");
    }
    try (PreparedStatement s =
        c.prepareStatement("SELECT version, content FROM documents WHERE dataset = ?")) {
      s.setString(1, d.topicName());
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new SyncDocument(d, r.getLong(1), r.getString(2)))
            : Optional.empty();
      }
    }
  }

  /** The whole data set at its current version, in chunks; empty for a document never set. */
  public List<SyncMessage> snapshot(Connection c, Dataset d, int chunkSize) throws SQLException {
    long v = version(c, d);
    if (SyncMessage.isDocument(d)) {
      try (PreparedStatement s =
          c.prepareStatement("SELECT content FROM documents WHERE dataset = ?")) {
        s.setString(1, d.topicName());
        try (ResultSet r = s.executeQuery()) {
          return r.next()
              ? List.of(SyncMessage.document(tenant, d, true, v, r.getString(1)))
              : List.of();
        }
      }
    }
    List<Object> all = new ArrayList<>();
    switch (d) {
      case ITEMS -> {
        try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT item_id, title, material, home_branch, status, flags, parts, hold_for"
                        + " FROM items ORDER BY item_id");
            ResultSet r = s.executeQuery()) {
          while (r.next()) {
            all.add(item(r));
          }
        }
      }
      case PATRONS -> {
        try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT patron_key, category, expiry, staff_block, overdue, loans_by_material,"
                        + " ill_this_fiscal_year, ill_on_loan, holds_and_requests,"
                        + " group_confirmed_on, home_branch FROM patrons ORDER BY patron_key");
            ResultSet r = s.executeQuery()) {
          while (r.next()) {
            all.add(patron(r));
          }
        }
      }
      default -> all.addAll(holds(c));
    }
    int chunks = Math.max(1, (all.size() + chunkSize - 1) / chunkSize);
    List<SyncMessage> out = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      List<Object> part = all.subList(i * chunkSize, Math.min(all.size(), (i + 1) * chunkSize));
      out.add(new SyncMessage(tenant, d, true, v, i, chunks, part, List.of(), Optional.empty()));
    }
    return out;
  }

  private SyncMessage delta(Dataset d, long v, List<?> upserts, List<String> deletes) {
    return new SyncMessage(tenant, d, false, v, 0, 1, upserts, deletes, Optional.empty());
  }

  private static void delete(Connection c, String table, String keyColumn, String key)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + table + " WHERE " + keyColumn + " = ?")) {
      s.setString(1, key);
      s.executeUpdate();
    }
  }
}
