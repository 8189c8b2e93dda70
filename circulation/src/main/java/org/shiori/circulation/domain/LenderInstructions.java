package org.shiori.circulation.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * What the library that lent an interlibrary-loan item asks of it (R-ILL-3, Narita Art. 13,
 * Matsuyama ILL rules Art. 8(2)); set by central per item, never by a device. The lending library's
 * instructions outrank the local loan rules for that item.
 *
 * @param dueDate the due date the lending library set; the loan is due then or on the open day
 *     before it, never later
 * @param period the loan period the lending library set, counted from the day of the loan, in place
 *     of the loan rule's period
 * @param inLibraryOnly the item is for use in the library only: never lent at a kiosk
 */
public record LenderInstructions(
    Optional<LocalDate> dueDate, Optional<Period> period, boolean inLibraryOnly) {

  /** No instruction: the local loan rules decide. */
  public static final LenderInstructions NONE =
      new LenderInstructions(Optional.empty(), Optional.empty(), false);

  public LenderInstructions {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(period, "period");
    if (period.isPresent() && (period.get().isNegative() || period.get().isZero())) {
      throw new IllegalArgumentException("a lending library's period is positive");
    }
  }

  /** Whether any instruction is set. */
  public boolean any() {
    return inLibraryOnly || dueDate.isPresent() || period.isPresent();
  }
}
