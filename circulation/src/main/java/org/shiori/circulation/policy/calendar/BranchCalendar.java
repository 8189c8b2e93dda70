package org.shiori.circulation.policy.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The open and closed days of one service point over a range of years, computed once from the
 * regulation rules, the national holidays and the central overrides. Immutable: applying an
 * override returns a new calendar, so a decision in flight always sees one consistent calendar.
 *
 * <p>Lookups are array reads: the next and previous open day of every day in the range are
 * precomputed, so the due-date path of a checkout neither loops nor allocates beyond the result.
 */
public final class BranchCalendar {

  private final String branch;
  private final List<ClosureRule> rules;
  private final NationalHolidays holidays;
  private final OpeningHours hours;
  private final CalendarOverride override;
  private final int firstYear;
  private final int lastYear;
  private final LocalDate start;
  private final int days;
  private final BitSet closed;
  private final int[] nextOpen;
  private final int[] previousOpen;

  /**
   * Builds the calendar of {@code branch} for the years {@code firstYear}..{@code lastYear}.
   *
   * @throws IllegalArgumentException when the holiday source does not cover those years
   */
  public BranchCalendar(
      String branch,
      List<ClosureRule> rules,
      NationalHolidays holidays,
      OpeningHours hours,
      CalendarOverride override,
      int firstYear,
      int lastYear) {
    this.branch = Objects.requireNonNull(branch, "branch");
    this.rules = List.copyOf(rules);
    this.holidays = Objects.requireNonNull(holidays, "holidays");
    this.hours = Objects.requireNonNull(hours, "hours");
    this.override = Objects.requireNonNull(override, "override");
    if (firstYear > lastYear
        || firstYear < holidays.firstYear()
        || lastYear > holidays.lastYear() - 1) {
      throw new IllegalArgumentException(
          "calendar years "
              + firstYear
              + "–"
              + lastYear
              + " must lie within the holiday source's "
              + holidays.firstYear()
              + "–"
              + (holidays.lastYear() - 1));
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.start = LocalDate.of(firstYear, 1, 1);
    this.days = (int) ChronoUnit.DAYS.between(start, LocalDate.of(lastYear + 1, 1, 1));
    this.closed = computeClosed();
    this.nextOpen = new int[days];
    this.previousOpen = new int[days];
    linkOpenDays();
  }

  private BitSet computeClosed() {
    BitSet result = new BitSet(days);
    for (ClosureRule rule : rules) {
      for (int year = firstYear; year <= lastYear; year++) {
        rule.closedDays(
            year,
            holidays,
            d -> {
              int i = indexOrMinus(d);
              if (i >= 0) {
                result.set(i);
              }
            });
      }
    }
    override.closed().forEach(d -> setIfInRange(result, d, true));
    override.open().forEach(d -> setIfInRange(result, d, false));
    return result;
  }

  private void setIfInRange(BitSet bits, LocalDate day, boolean value) {
    int i = indexOrMinus(day);
    if (i >= 0) {
      bits.set(i, value);
    }
  }

  private void linkOpenDays() {
    int next = -1;
    for (int i = days - 1; i >= 0; i--) {
      if (!closed.get(i)) {
        next = i;
      }
      nextOpen[i] = next;
    }
    int previous = -1;
    for (int i = 0; i < days; i++) {
      if (!closed.get(i)) {
        previous = i;
      }
      previousOpen[i] = previous;
    }
  }

  private int indexOrMinus(LocalDate day) {
    long i = day.toEpochDay() - start.toEpochDay();
    return i < 0 || i >= days ? -1 : (int) i;
  }

  private int index(LocalDate day) {
    int i = indexOrMinus(day);
    if (i < 0) {
      throw new IllegalArgumentException(
          day + " is outside the calendar of " + branch + " (" + firstYear + "–" + lastYear + ")");
    }
    return i;
  }

  public String branch() {
    return branch;
  }

  public int firstYear() {
    return firstYear;
  }

  public int lastYear() {
    return lastYear;
  }

  public NationalHolidays holidays() {
    return holidays;
  }

  public CalendarOverride override() {
    return override;
  }

  public boolean isClosed(LocalDate day) {
    return closed.get(index(day));
  }

  public boolean isOpen(LocalDate day) {
    return !isClosed(day);
  }

  /** The first open day on or after {@code day} (R-CAL-1). */
  public LocalDate nextOpenDay(LocalDate day) {
    return dayAt(nextOpen[index(day)], day);
  }

  /** The last open day on or before {@code day}. */
  public LocalDate previousOpenDay(LocalDate day) {
    return dayAt(previousOpen[index(day)], day);
  }

  private LocalDate dayAt(int i, LocalDate asked) {
    if (i < 0) {
      throw new IllegalArgumentException(
          "no open day of " + branch + " near " + asked + " within " + firstYear + "–" + lastYear);
    }
    return start.plusDays(i);
  }

  /** Every closed day of a year, ascending. */
  public List<LocalDate> closedDays(int year) {
    List<LocalDate> result = new ArrayList<>();
    LocalDate end = LocalDate.of(year + 1, 1, 1);
    for (LocalDate d = LocalDate.of(year, 1, 1); d.isBefore(end); d = d.plusDays(1)) {
      if (isClosed(d)) {
        result.add(d);
      }
    }
    return result;
  }

  /** Opening hours of the day; empty when closed or when the service point has no fixed hours. */
  public Optional<OpeningHours.Span> hoursOn(LocalDate day) {
    if (isClosed(day)) {
      return Optional.empty();
    }
    return hours.on(day.getDayOfWeek(), holidays.isHoliday(day));
  }

  /** This calendar with a central update applied on top of the overrides it already has. */
  public BranchCalendar withOverride(CalendarOverride update) {
    return new BranchCalendar(
        branch, rules, holidays, hours, override.then(update), firstYear, lastYear);
  }
}
