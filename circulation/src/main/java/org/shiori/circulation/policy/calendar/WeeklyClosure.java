package org.shiori.circulation.policy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A day of the week the branch is closed, with what happens when it is a national holiday.
 *
 * @param day the weekly closing day
 * @param ifHoliday what a holiday on that day does
 * @param ruleId the regulation rule
 */
public record WeeklyClosure(DayOfWeek day, HolidayHandling ifHoliday, String ruleId)
    implements ClosureRule {

  public WeeklyClosure {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(ifHoliday, "ifHoliday");
    Objects.requireNonNull(ruleId, "ruleId");
  }

  @Override
  public void closedDays(int year, NationalHolidays holidays, Consumer<LocalDate> sink) {
    LocalDate end = LocalDate.of(year + 1, 1, 1);
    for (LocalDate d = LocalDate.of(year, 1, 1).with(TemporalAdjusters.nextOrSame(day));
        d.isBefore(end);
        d = d.plusWeeks(1)) {
      if (!holidays.isHoliday(d)) {
        sink.accept(d);
      } else if (ifHoliday == HolidayHandling.CLOSED) {
        sink.accept(d);
      } else if (ifHoliday == HolidayHandling.NEXT_NON_HOLIDAY) {
        LocalDate instead = d.plusDays(1);
        while (holidays.isHoliday(instead)) {
          instead = instead.plusDays(1);
        }
        sink.accept(instead);
      }
    }
  }
}
