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

  @Override
  public IlsResult<IlsLoan> renew(IlsRenewal renewal) {
    return IlsResult.rejected(IlsRejectionReason.ILS_REFUSED, "renewal is not offered standalone");
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
