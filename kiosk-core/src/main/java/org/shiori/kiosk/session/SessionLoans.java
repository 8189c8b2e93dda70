package org.shiori.kiosk.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shiori.kiosk.session.SessionView.LoanLine;
import org.shiori.kiosk.session.SessionView.LoansState;
import org.shiori.kiosk.session.SessionView.MyLoans;
import org.shiori.kiosk.session.SessionView.Renewal;
import org.shiori.protocol.LoanList;

/**
 * The patron's loans as central gave them in this session, and the renewals asked. Held in the
 * session's memory only (no patron–item link at rest on the device, P-ERASE-1) and forgotten when
 * the session ends. Used on the session's I/O thread only.
 */
final class SessionLoans {

  /** Where the question to central stands. */
  enum Fetch {
    NONE,
    LOADING,
    DONE,
    FAILED
  }

  private Fetch fetch = Fetch.NONE;
  private Optional<String> reason = Optional.empty();
  private final Map<String, LoanLine> lines = new LinkedHashMap<>();
  private boolean open;

  Fetch fetch() {
    return fetch;
  }

  void open() {
    open = true;
  }

  void close() {
    open = false;
  }

  void asking() {
    fetch = Fetch.LOADING;
    reason = Optional.empty();
  }

  /** Central's list; renewals already answered in this session keep their state. */
  void arrived(List<LoanList.Loan> loans) {
    Map<String, LoanLine> before = new LinkedHashMap<>(lines);
    lines.clear();
    for (LoanList.Loan l : loans) {
      LoanLine earlier = before.get(l.itemId());
      lines.put(
          l.itemId(),
          earlier != null && earlier.renewal() != Renewal.NONE
              ? new LoanLine(
                  l.itemId(), l.title(), l.dueDate(), earlier.renewal(), earlier.reasonCode())
              : new LoanLine(l.itemId(), l.title(), l.dueDate(), Renewal.NONE, Optional.empty()));
    }
    fetch = Fetch.DONE;
  }

  void failed(Optional<String> why) {
    fetch = Fetch.FAILED;
    reason = why;
  }

  Optional<LoanLine> line(String itemId) {
    return Optional.ofNullable(lines.get(itemId));
  }

  Optional<LoanLine> loan(String itemId) {
    return fetch == Fetch.DONE ? line(itemId) : Optional.empty();
  }

  /** Listed by central in this session, and not renewed or being renewed already. */
  boolean renewable(String itemId) {
    return loan(itemId)
        .filter(l -> l.renewal() != Renewal.RENEWING && l.renewal() != Renewal.RENEWED)
        .isPresent();
  }

  void renewal(String itemId, Renewal state, Optional<String> why) {
    LoanLine l = lines.get(itemId);
    if (l != null) {
      lines.put(itemId, new LoanLine(l.itemId(), l.title(), l.dueDate(), state, why));
    }
  }

  void renewed(String itemId, LocalDate newDue) {
    LoanLine l = lines.get(itemId);
    if (l != null) {
      lines.put(
          itemId, new LoanLine(l.itemId(), l.title(), newDue, Renewal.RENEWED, Optional.empty()));
    }
  }

  /** The list as the screen shows it, while the patron has it open. */
  Optional<MyLoans> view(boolean offline) {
    if (!open) {
      return Optional.empty();
    }
    if (offline) {
      return Optional.of(new MyLoans(LoansState.OFFLINE, Optional.empty(), List.of()));
    }
    return Optional.of(
        switch (fetch) {
          case NONE, LOADING -> new MyLoans(LoansState.LOADING, Optional.empty(), List.of());
          case FAILED -> new MyLoans(LoansState.FAILED, reason, List.of());
          case DONE ->
              new MyLoans(LoansState.SHOWN, Optional.empty(), new ArrayList<>(lines.values()));
        });
  }

  /** The session ended: nothing of the patron's loans stays. */
  void forget() {
    fetch = Fetch.NONE;
    reason = Optional.empty();
    lines.clear();
    open = false;
  }
}
