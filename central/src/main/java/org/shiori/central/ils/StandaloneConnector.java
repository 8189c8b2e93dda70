package org.shiori.central.ils;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shiori.central.store.CentralDatabase;

/**
 * For a library without an ILS (and the demo): central's own database is the record of loans. The
 * ingest has already written each checkout and return into {@code current_loans} in the transaction
 * that took it, so there is nothing to forward and circulation calls are accepted as recorded. The
 * patron identifier is the patron key (no card numbers exist at a standalone central).
 */
public final class StandaloneConnector implements IlsConnector {
  private final CentralDatabase db;

  public StandaloneConnector(CentralDatabase db) {
    this.db = db;
  }

  @Override
  public IlsResult<IlsLoan> checkout(IlsCheckout checkout) {
    return IlsResult.accepted(
        new IlsLoan(checkout.itemId(), Optional.empty(), Optional.empty()), Optional.empty(), "");
  }

  @Override
  public IlsResult<IlsReturn> checkin(IlsCheckin checkin) {
    return IlsResult.accepted(
        new IlsReturn(
            checkin.itemId(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        Optional.empty(),
        "");
  }

  /**
   * Records a renewal central's circulation rules allowed: the loan's new due date and one more
   * renewal, only while the item is on loan to that patron (the identifier is the patron key).
   */
  @Override
  public IlsResult<IlsLoan> renew(IlsRenewal renewal) {
    if (renewal.dueDate().isEmpty()) {
      return IlsResult.rejected(IlsRejectionReason.ILS_REFUSED, "no due date decided");
    }
    LocalDate due = renewal.dueDate().get();
    int changed =
        db.inTransaction(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "UPDATE current_loans SET due_date = ?, renewals = renewals + 1"
                          + " WHERE item_id = ? AND patron_key = ?")) {
                s.setString(1, due.toString());
                s.setString(2, renewal.itemId());
                s.setString(3, renewal.patronIdentifier());
                return s.executeUpdate();
              }
            });
    if (changed == 0) {
      return IlsResult.rejected(IlsRejectionReason.NOT_CHECKED_OUT, "");
    }
    return IlsResult.accepted(
        new IlsLoan(renewal.itemId(), Optional.empty(), Optional.of(due)), Optional.of(due), "");
  }

  @Override
  public IlsResult<List<IlsLoan>> patronLoans(String patronKey, Optional<String> patronPin) {
    List<IlsLoan> loans =
        db.inTransaction(
            c -> {
              List<IlsLoan> out = new ArrayList<>();
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT l.item_id, i.title, l.due_date FROM current_loans l"
                          + " LEFT JOIN items i ON i.item_id = l.item_id"
                          + " WHERE l.patron_key = ? ORDER BY l.since, l.item_id")) {
                s.setString(1, patronKey);
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    out.add(
                        new IlsLoan(
                            r.getString(1),
                            Optional.ofNullable(r.getString(2)),
                            Optional.of(LocalDate.parse(r.getString(3)))));
                  }
                }
              }
              return out;
            });
    return IlsResult.accepted(loans, Optional.empty(), "");
  }

  @Override
  public IlsResult<IlsItem> itemInfo(String itemId) {
    return IlsResult.rejected(IlsRejectionReason.ITEM_NOT_FOUND, "");
  }

  @Override
  public IlsStatus heartbeat() {
    return new IlsStatus(true, true, true, false);
  }

  @Override
  public void close() {}
}
