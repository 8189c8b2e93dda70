package org.shiori.device.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.PatronKey;

/** Column layout of {@code holds}, one hold per held item. */
final class HoldTable implements RecordTable<HoldRecord> {
  static final HoldTable INSTANCE = new HoldTable();

  @Override
  public String table() {
    return "holds";
  }

  @Override
  public String keyColumn() {
    return "item_id";
  }

  @Override
  public String columns() {
    return "item_id, patron_key, pickup_branch";
  }

  @Override
  public int columnCount() {
    return 3;
  }

  @Override
  public void bind(PreparedStatement s, HoldRecord hold) throws SQLException {
    s.setString(1, hold.itemId());
    s.setString(2, hold.patron().value());
    s.setString(3, hold.pickupBranch());
  }

  @Override
  public HoldRecord map(ResultSet rs) throws SQLException {
    return new HoldRecord(rs.getString(1), new PatronKey(rs.getString(2)), rs.getString(3));
  }
}
