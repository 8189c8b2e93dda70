package org.shiori.circulation.policy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A closing day on the last day of some months (the inventory day, 館内整理日), moved when it falls on
 * an avoided day. Two moves exist in the regulations:
 *
 * <ul>
 *   <li>{@link Move#PRECEDING_WEEKDAY}: to the nearest preceding {@code weekday}, and to the day
 *       before that when that day is a holiday (R-CAL-2: "the nearest Friday, and if that Friday is
 *       a holiday, the day before it");
 *   <li>{@link Move#NEXT_DAY}: to the next day (R-CAL-4, bookmobile: "if a Monday, the next day").
 * </ul>
 *
 * @param months the months (1–12) that have such a day
 * @param avoid the weekdays on which the day is moved
 * @param avoidHolidays whether a national holiday also moves the day
 * @param move how the day is moved
 * @param weekday the target weekday of {@link Move#PRECEDING_WEEKDAY}
 * @param ruleId the regulation rule
 */
public record MonthEndClosure(
    Set<Integer> months,
    Set<DayOfWeek> avoid,
    boolean avoidHolidays,
    Move move,
    DayOfWeek weekday,
    String ruleId)
    implements ClosureRule {

  /** How an avoided day is moved. */
  public enum Move {
    PRECEDING_WEEKDAY,
    NEXT_DAY
  }

  public MonthEndClosure {
    months = Set.copyOf(months);
    avoid = avoid.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(avoid));
    Objects.requireNonNull(move, "move");
    Objects.requireNonNull(weekday, "weekday");
    Objects.requireNonNull(ruleId, "ruleId");
  }

  @Override
  public void closedDays(int year, NationalHolidays holidays, Consumer<LocalDate> sink) {
    for (int month : months) {
      sink.accept(dayFor(YearMonth.of(year, month), holidays));
    }
  }

  /** The closing day of one month. */
  public LocalDate dayFor(YearMonth month, NationalHolidays holidays) {
    LocalDate last = month.atEndOfMonth();
    if (!avoided(last, holidays)) {
      return last;
    }
    if (move == Move.NEXT_DAY) {
      return last.plusDays(1);
    }
    LocalDate target = last.with(TemporalAdjusters.previous(weekday));
    return holidays.isHoliday(target) ? target.minusDays(1) : target;
  }

  private boolean avoided(LocalDate day, NationalHolidays holidays) {
    return avoid.contains(day.getDayOfWeek()) || (avoidHolidays && holidays.isHoliday(day));
  }
}
