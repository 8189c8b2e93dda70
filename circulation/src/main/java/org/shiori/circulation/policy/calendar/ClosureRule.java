package org.shiori.circulation.policy.calendar;

import java.time.LocalDate;
import java.util.function.Consumer;

/** One rule of a branch's regulation that closes days (R-CAL-2, R-CAL-3, R-CAL-4). */
public sealed interface ClosureRule permits WeeklyClosure, AnnualClosure, MonthEndClosure {

  /**
   * Reports every day of {@code year} this rule closes. A rule may also report days of the
   * neighbouring years; the calendar keeps the ones it needs.
   */
  void closedDays(int year, NationalHolidays holidays, Consumer<LocalDate> sink);

  /** The regulation rule this closure encodes, for docs and error messages. */
  String ruleId();
}
