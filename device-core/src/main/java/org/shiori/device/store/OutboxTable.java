package org.shiori.device.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;

/** Column layout of {@code outbox}. */
final class OutboxTable {
  static final String COLUMNS =
      "sequence, transaction_id, type, device_id, branch, item_id, patron_key, due_date, at,"
          + " offline, published";
  static final String INSERT =
      "INSERT INTO outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
  static final String SELECT = "SELECT " + COLUMNS + " FROM outbox";

  private OutboxTable() {}

  static Object[] insertArguments(long sequence, Transaction tx) {
    return new Object[] {
      sequence,
      tx.id().toString(),
      tx.type().name(),
      tx.deviceId(),
      tx.branch(),
      tx.itemId(),
      tx.patron().map(PatronKey::value).orElse(null),
      tx.dueDate().map(LocalDate::toString).orElse(null),
      tx.at().toString(),
      tx.offline() ? 1 : 0
    };
  }

  static OutboxEntry map(ResultSet rs) throws SQLException {
    Transaction tx =
        new Transaction(
            UUID.fromString(rs.getString(2)),
            TransactionType.valueOf(rs.getString(3)),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            Optional.ofNullable(rs.getString(7)).map(PatronKey::new),
            Instant.parse(rs.getString(9)),
            Optional.ofNullable(rs.getString(8)).map(LocalDate::parse),
            rs.getInt(10) != 0);
    return new OutboxEntry(rs.getLong(1), tx, rs.getInt(11) != 0);
  }
}
