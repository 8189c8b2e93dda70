package org.shiori.circulation.policy.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A fixed range of days closed every year; a range whose end comes before its start crosses the new
 * year (Dec 29 – Jan 3). A single day has {@code from} equal to {@code to}.
 *
 * @param from first closed day
 * @param to last closed day
 * @param ruleId the regulation rule
 */
public record AnnualClosure(MonthDay from, MonthDay to, String ruleId) implements ClosureRule {

  public AnnualClosure {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(ruleId, "ruleId");
  }

  @Override
  public void closedDays(int year, NationalHolidays holidays, Consumer<LocalDate> sink) {
    LocalDate start = from.atYear(year);
    LocalDate end = to.isBefore(from) ? to.atYear(year + 1) : to.atYear(year);
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      sink.accept(d);
    }
    if (to.isBefore(from)) {
      for (LocalDate d = LocalDate.of(year, 1, 1); !d.isAfter(to.atYear(year)); d = d.plusDays(1)) {
        sink.accept(d);
      }
    }
  }
}
