package org.shiori.circulation.policy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese holidays computed from the Act on National Holidays (国民の祝日に関する法律) as in force since
 * 2020: the national holidays of Art. 2, the substitute holiday of Art. 3(2) (a Sunday holiday
 * moves to the nearest following day that is not a national holiday) and the citizens' holiday of
 * Art. 3(3) (a day between two national holidays). This is the "休日" of the Matsuyama enforcement
 * rules (001 Art. 3).
 *
 * <p>Written from the law because no Jollyday release up to 2.19.0 has correct Japanese data: all
 * lack the equinox days, the substitute and citizens' holidays and the Emperor's Birthday on Feb
 * 23, and still have it on Dec 23 ({@code JollydayJapanGapTest} lists every differing date of
 * 2024–2035; docs/policy.md). The equinox days are fixed each February by the National Astronomical
 * Observatory for the next year; the standard approximation used here matches every announced day
 * since 1980 and is valid to 2099. A policy can still add or remove single days (special laws such
 * as the 2020/2021 Olympic moves are built in).
 */
public final class JapaneseNationalHolidays implements NationalHolidays {

  private static final int FIRST_YEAR = 2020;
  private static final int LAST_YEAR = 2099;
  private static final Set<MonthDay> FIXED =
      Set.of(
          MonthDay.of(1, 1),
          MonthDay.of(2, 11),
          MonthDay.of(2, 23),
          MonthDay.of(4, 29),
          MonthDay.of(5, 3),
          MonthDay.of(5, 4),
          MonthDay.of(5, 5),
          MonthDay.of(11, 3),
          MonthDay.of(11, 23));

  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  @Override
  public boolean isHoliday(LocalDate date) {
    return holidaysOf(date.getYear()).contains(date);
  }

  @Override
  public int firstYear() {
    return FIRST_YEAR;
  }

  @Override
  public int lastYear() {
    return LAST_YEAR;
  }

  /** Every holiday of the year: national, substitute and citizens' holidays. */
  public Set<LocalDate> holidaysOf(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "Japanese holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
    }
    return byYear.computeIfAbsent(year, JapaneseNationalHolidays::compute);
  }

  private static Set<LocalDate> compute(int year) {
    Set<LocalDate> national = nationalHolidays(year);
    Set<LocalDate> all = new HashSet<>(national);
    for (LocalDate day : national) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        LocalDate substitute = day.plusDays(1);
        while (national.contains(substitute)) {
          substitute = substitute.plusDays(1);
        }
        all.add(substitute);
      }
    }
    for (LocalDate day : national) {
      LocalDate between = day.plusDays(1);
      if (!national.contains(between) && national.contains(between.plusDays(1))) {
        all.add(between);
      }
    }
    return Set.copyOf(all);
  }

  private static Set<LocalDate> nationalHolidays(int year) {
    Set<LocalDate> days = new HashSet<>();
    for (MonthDay fixed : FIXED) {
      days.add(fixed.atYear(year));
    }
    days.add(nthMonday(year, Month.JANUARY, 2));
    days.add(LocalDate.of(year, 3, equinoxDay(year, 20.8431)));
    days.add(LocalDate.of(year, 9, equinoxDay(year, 23.2488)));
    days.add(nthMonday(year, Month.SEPTEMBER, 3));
    if (year == 2020) {
      // Act on Special Measures for the Tokyo Olympics: Marine, Sports and Mountain Day moved.
      days.addAll(Set.of(date(2020, 7, 23), date(2020, 7, 24), date(2020, 8, 10)));
    } else if (year == 2021) {
      days.addAll(Set.of(date(2021, 7, 22), date(2021, 7, 23), date(2021, 8, 8)));
    } else {
      days.add(nthMonday(year, Month.JULY, 3));
      days.add(date(year, 8, 11));
      days.add(nthMonday(year, Month.OCTOBER, 2));
    }
    return days;
  }

  /** The usual approximation of the equinox day in Japan Standard Time, valid 1980–2099. */
  private static int equinoxDay(int year, double base) {
    int sinceEpoch = year - 1980;
    return (int) Math.floor(base + 0.242194 * sinceEpoch - Math.floorDiv(sinceEpoch, 4));
  }

  private static LocalDate nthMonday(int year, Month month, int nth) {
    return LocalDate.of(year, month, 1)
        .with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.MONDAY));
  }

  private static LocalDate date(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }
}
