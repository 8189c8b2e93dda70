package org.shiori.central.ils;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One item on loan: its id, and title and due date where the ILS gave them. */
public record IlsLoan(String itemId, Optional<String> title, Optional<LocalDate> dueDate) {
  public IlsLoan {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(dueDate, "dueDate");
  }
}
