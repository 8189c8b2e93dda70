package org.shiori.device.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;

/** Column layout of {@code patrons}. Loan counts are stored as {@code book=3,video=1}. */
final class PatronTable implements RecordTable<PatronSnapshot> {
  static final PatronTable INSTANCE = new PatronTable();

  @Override
  public String table() {
    return "patrons";
  }

  @Override
  public String keyColumn() {
    return "patron_key";
  }

  @Override
  public String columns() {
    return "patron_key, category, expiry, staff_block, overdue, loans_by_material,"
        + " ill_this_fiscal_year, ill_on_loan, holds_and_requests, group_confirmed_on,"
        + " home_branch";
  }

  @Override
  public int columnCount() {
    return 11;
  }

  @Override
  public void bind(PreparedStatement s, PatronSnapshot p) throws SQLException {
    s.setString(1, p.key().value());
    s.setString(2, p.category());
    s.setString(3, p.expiry().toString());
    s.setInt(4, p.staffBlock() ? 1 : 0);
    s.setInt(5, p.overdue() ? 1 : 0);
    s.setString(6, encodeCounts(p.loansByMaterial()));
    s.setInt(7, p.illThisFiscalYear());
    s.setInt(8, p.illOnLoan());
    s.setInt(9, p.holdsAndRequests());
    s.setString(10, p.groupConfirmedOn().map(LocalDate::toString).orElse(null));
    s.setString(11, p.homeBranch());
  }

  @Override
  public PatronSnapshot map(ResultSet rs) throws SQLException {
    String confirmed = rs.getString(10);
    return new PatronSnapshot(
        new PatronKey(rs.getString(1)),
        rs.getString(2),
        LocalDate.parse(rs.getString(3)),
        rs.getInt(4) != 0,
        rs.getInt(5) != 0,
        decodeCounts(rs.getString(6)),
        rs.getInt(7),
        rs.getInt(8),
        rs.getInt(9),
        Optional.ofNullable(confirmed).map(LocalDate::parse),
        rs.getString(11));
  }

  static String encodeCounts(Map<String, Integer> counts) {
    return new TreeMap<>(counts)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }

  static Map<String, Integer> decodeCounts(String text) {
    Map<String, Integer> counts = new TreeMap<>();
    if (!text.isEmpty()) {
      for (String pair : text.split(",")) {
        int eq = pair.lastIndexOf('=');
        counts.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
      }
    }
    return counts;
  }
}
