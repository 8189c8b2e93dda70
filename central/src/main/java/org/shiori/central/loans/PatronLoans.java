package org.shiori.central.loans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shiori.central.ils.IlsConnector;
import org.shiori.central.ils.IlsLoan;
import org.shiori.central.ils.IlsRejectionReason;
import org.shiori.central.ils.IlsRenewal;
import org.shiori.central.ils.IlsResult;
import org.shiori.central.ils.IlsUnavailableException;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.sync.Datasets;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.RenewalContext;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.RenewalAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proven patron's loans and renewals. Standalone: central's {@code current_loans} is the record;
 * a renewal is decided by the circulation rules (R-ITEM-2, R-LIMIT-2, R-ILL-2 and the checks of a
 * checkout) and recorded by the standalone connector. SIP2: the loans come from 63 Patron
 * Information and a renewal goes as 29 Renew with the proven card number (AA) and PIN (AD); where
 * central has the loan, the patron and the item it runs the same rules first, and the library
 * system has the last word. The due date of a renewal central decides counts the calendar document
 * central serves the devices ({@link RenewalRules}). Logs item ids and reason codes only.
 */
public final class PatronLoans {
  private static final Logger LOG = LoggerFactory.getLogger(PatronLoans.class);

  private final CentralDatabase db;
  private final Datasets datasets;
  private final IlsConnector connector;
  private final boolean standalone;
  private final RenewalRules rules;
  private final Clock clock;

  /**
   * @param standalone true when central's database is the record of loans
   * @param policy the rules renewals are decided by, with the calendar document central serves
   */
  public PatronLoans(
      CentralDatabase db,
      Datasets datasets,
      IlsConnector connector,
      boolean standalone,
      CirculationPolicy policy,
      Clock clock) {
    this.db = db;
    this.datasets = datasets;
    this.connector = connector;
    this.standalone = standalone;
    this.rules = new RenewalRules(policy);
    this.clock = clock;
  }

  /** The patron's current loans with titles and due dates, or a failed list with the reason. */
  public LoanList loansOf(PatronPresence.Proven patron) {
    IlsResult<List<IlsLoan>> result;
    try {
      result =
          standalone
              ? connector.patronLoans(patron.patron().value(), Optional.empty())
              : connector.patronLoans(patron.proof().cardNumber(), patron.proof().pin());
    } catch (IlsUnavailableException e) {
      LOG.warn("loans not answered: the library system is not reachable");
      return LoanList.failed("ILS_UNAVAILABLE");
    }
    if (result instanceof IlsResult.Rejected<List<IlsLoan>> r) {
      return LoanList.failed(reasonOf(r.reason()));
    }
    List<LoanList.Loan> out = new ArrayList<>();
    for (IlsLoan l : ((IlsResult.Accepted<List<IlsLoan>>) result).value()) {
      Optional<LocalDate> due = l.dueDate().or(() -> currentDue(l.itemId()));
      if (due.isPresent()) {
        out.add(new LoanList.Loan(l.itemId(), l.title().orElse(l.itemId()), due.get()));
      }
    }
    return LoanList.of(out);
  }

  /** Renews one of the patron's loans, or says why not. */
  public RenewalAnswer renew(PatronPresence.Proven patron, String itemId) {
    Optional<CurrentLoan> loan = db.inTransaction(c -> currentLoan(c, itemId));
    if (loan.isPresent() && !loan.get().patron().equals(patron.patron())) {
      LOG.info("renewal of {} refused: NOT_YOUR_LOAN", itemId);
      return RenewalAnswer.refused(itemId, "NOT_YOUR_LOAN");
    }
    if (standalone && loan.isEmpty()) {
      LOG.info("renewal of {} refused: NOT_YOUR_LOAN", itemId);
      return RenewalAnswer.refused(itemId, "NOT_YOUR_LOAN");
    }
    Optional<ItemRecord> item = db.inTransaction(c -> datasets.item(c, itemId));
    IlsRenewal renewal =
        IlsRenewal.atKiosk(
            standalone ? patron.patron().value() : patron.proof().cardNumber(),
            itemId,
            patron.proof().pin());
    if (loan.isPresent() && item.isPresent() && patron.snapshot().isPresent()) {
      Decision d = decide(patron.snapshot().get(), item.get(), loan.get(), patron);
      if (!d.allowed()) {
        String reason = d.reasonCode().orElse("RENEWAL_REFUSED");
        LOG.info("renewal of {} refused by {}: {}", itemId, d.ruleId(), reason);
        return RenewalAnswer.refused(itemId, reason);
      }
      renewal = renewal.withDueDate(d.dueDate().orElseThrow());
    } else if (standalone) {
      LOG.info("renewal of {} refused: central has no item or patron record", itemId);
      return RenewalAnswer.refused(itemId, "ITEM_UNAVAILABLE");
    }
    IlsRenewal asked = renewal;
    IlsResult<IlsLoan> result;
    try {
      result = connector.renew(asked);
    } catch (IlsUnavailableException e) {
      LOG.warn("renewal of {} not answered: the library system is not reachable", itemId);
      return RenewalAnswer.failed(itemId, "ILS_UNAVAILABLE");
    }
    if (result instanceof IlsResult.Rejected<IlsLoan> r) {
      LOG.info("renewal of {} refused by the library system: {}", itemId, r.reason());
      return r.reason() == IlsRejectionReason.ILS_UNAVAILABLE
          ? RenewalAnswer.failed(itemId, "ILS_UNAVAILABLE")
          : RenewalAnswer.refused(itemId, reasonOf(r.reason()));
    }
    IlsResult.Accepted<IlsLoan> a = (IlsResult.Accepted<IlsLoan>) result;
    Optional<LocalDate> due = a.dueDate().or(() -> a.value().dueDate()).or(asked::dueDate);
    if (due.isEmpty()) {
      LOG.warn("renewal of {} accepted without a due date", itemId);
      return RenewalAnswer.failed(itemId, "ILS_REFUSED");
    }
    if (!standalone && loan.isPresent()) {
      recordElsewhereRenewed(itemId, patron.patron(), due.get());
    }
    LOG.info("item {} renewed, due {}", itemId, due.get());
    return RenewalAnswer.renewed(itemId, due.get());
  }

  private Decision decide(
      PatronSnapshot snapshot, ItemRecord item, CurrentLoan loan, PatronPresence.Proven patron) {
    CirculationPolicy policy =
        rules.with(db.inTransaction(c -> datasets.document(c, Dataset.CALENDAR)));
    String branch = policy.branches().contains(loan.branch()) ? loan.branch() : item.homeBranch();
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(policy.zone()));
    // A PIN in the proof was checked by the kiosk with central in this session, and a category
    // that needs one reaches here only with it (PatronPresence).
    return policy.renew(
        new RenewalContext(
            snapshot, item, loan.renewals(), branch, now, patron.proof().pin().isPresent()));
  }

  /** The library system renewed it: central's copy of the loan follows. */
  private void recordElsewhereRenewed(String itemId, PatronKey patron, LocalDate due) {
    db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE current_loans SET due_date = ?, renewals = renewals + 1"
                      + " WHERE item_id = ? AND patron_key = ?")) {
            s.setString(1, due.toString());
            s.setString(2, itemId);
            s.setString(3, patron.value());
            return s.executeUpdate();
          }
        });
  }

  private Optional<LocalDate> currentDue(String itemId) {
    return db.inTransaction(c -> currentLoan(c, itemId)).map(CurrentLoan::due);
  }

  private record CurrentLoan(PatronKey patron, LocalDate due, int renewals, String branch) {}

  /** The loan of an item now, with the branch that lent it (the item's home when unknown). */
  private static Optional<CurrentLoan> currentLoan(Connection c, String itemId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT l.patron_key, l.due_date, l.renewals, t.branch FROM current_loans l"
                + " LEFT JOIN transactions t ON t.tx_id = l.tx_id WHERE l.item_id = ?")) {
      s.setString(1, itemId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new CurrentLoan(
                new PatronKey(r.getString(1)),
                LocalDate.parse(r.getString(2)),
                r.getInt(3),
                r.getString(4) == null ? "" : r.getString(4)));
      }
    }
  }

  private static String reasonOf(IlsRejectionReason reason) {
    return switch (reason) {
      case PATRON_NOT_FOUND -> "UNKNOWN_PATRON";
      case INVALID_PIN -> "PIN_WRONG";
      case PATRON_BLOCKED -> "STAFF_BLOCK";
      case NOT_CHECKED_OUT, ITEM_NOT_FOUND -> "NOT_YOUR_LOAN";
      case ILS_UNAVAILABLE -> "ILS_UNAVAILABLE";
      case ALREADY_ON_LOAN, ILS_REFUSED -> "ILS_REFUSED";
    };
  }
}
