package org.shiori.device.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.LenderInstructions;
import org.shiori.circulation.domain.PatronKey;

/** Column layout of {@code items}. Flags are stored sorted, comma-separated. */
final class ItemTable implements RecordTable<ItemRecord> {
  static final ItemTable INSTANCE = new ItemTable();

  /** Columns 9 to 13, after {@code hold_for}: how the item's loan is lent (schema version 3). */
  static final String LENDING_COLUMNS =
      "lending_library, lending_branch, lender_due_date, lender_period, lender_in_library_only";

  @Override
  public String table() {
    return "items";
  }

  @Override
  public String keyColumn() {
    return "item_id";
  }

  @Override
  public String columns() {
    return "item_id, title, material, home_branch, status, flags, parts, hold_for, "
        + LENDING_COLUMNS;
  }

  @Override
  public int columnCount() {
    return 13;
  }

  @Override
  public void bind(PreparedStatement s, ItemRecord item) throws SQLException {
    s.setString(1, item.itemId());
    s.setString(2, item.title());
    s.setString(3, item.material());
    s.setString(4, item.homeBranch());
    s.setString(5, item.status().name());
    s.setString(6, flagsText(item.flags()));
    s.setInt(7, item.parts());
    s.setString(8, item.holdFor().map(PatronKey::value).orElse(null));
    s.setString(9, item.lendingLibrary().orElse(null));
    s.setString(10, item.lendingBranch().orElse(null));
    LenderInstructions lender = item.lenderInstructions();
    s.setString(11, lender.dueDate().map(LocalDate::toString).orElse(null));
    s.setString(12, lender.period().map(Period::toString).orElse(null));
    s.setInt(13, lender.inLibraryOnly() ? 1 : 0);
  }

  private static String flagsText(Set<String> flags) {
    if (flags.size() < 2) {
      return flags.isEmpty() ? "" : flags.iterator().next();
    }
    return String.join(",", new TreeSet<>(flags));
  }

  @Override
  public ItemRecord map(ResultSet rs) throws SQLException {
    String flags = rs.getString(6);
    Set<String> flagSet =
        flags.isEmpty() ? Set.of() : Arrays.stream(flags.split(",")).collect(Collectors.toSet());
    String holdFor = rs.getString(8);
    return new ItemRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        ItemStatus.valueOf(rs.getString(5)),
        flagSet,
        rs.getInt(7),
        Optional.ofNullable(holdFor).map(PatronKey::new),
        Optional.ofNullable(rs.getString(9)),
        Optional.ofNullable(rs.getString(10)),
        new LenderInstructions(
            Optional.ofNullable(rs.getString(11)).map(LocalDate::parse),
            Optional.ofNullable(rs.getString(12)).map(Period::parse),
            rs.getInt(13) == 1));
  }
}
