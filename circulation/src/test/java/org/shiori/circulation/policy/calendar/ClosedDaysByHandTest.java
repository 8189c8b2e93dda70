package org.shiori.circulation.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.ShippedPolicies;

/**
 * Closed days of every Matsuyama service point for 2026–2028, against lists worked out by hand from
 * the regulation text (施行規則 Art. 4 and 14), not produced by the generator:
 *
 * <ul>
 *   <li>the Mondays of the year come from a plain weekly walk (below), the only computed part;
 *   <li>the holiday Mondays were read off the holiday lists of {@link JapaneseNationalHolidaysTest}
 *       (published for 2026, hand-derived for 2027–2028);
 *   <li>each inventory day: the weekday of the last day of each month was looked up on a paper
 *       calendar; Sat/Sun/Mon/holiday → the Friday before (none of those Fridays is a holiday in
 *       2026–2028); the bookmobile's Monday month-ends move to the next day;
 *   <li>Nakajima's holiday Mondays move to the next day that is not a holiday: 2026-05-04 → 05-07
 *       (5/5 and the substitute 5/6 are holidays), 2026-09-21 → 09-24 (9/22 citizens' holiday, 9/23
 *       equinox), 2027-05-03 → 05-06.
 * </ul>
 */
class ClosedDaysByHandTest {

  private static final CirculationPolicy MATSUYAMA =
      ShippedPolicies.load("matsuyama", ZoneId.of("Asia/Tokyo"));

  /** R-CAL-2 for central, mitsuhama, hojo. */
  private static TreeSet<LocalDate> library(int year, String[] holidayMondays, String[] inventory) {
    TreeSet<LocalDate> days = mondays(year);
    days.removeAll(parse(holidayMondays));
    days.addAll(yearEnd(year));
    days.add(LocalDate.of(year, 1, 4));
    days.addAll(parse(inventory));
    return days;
  }

  private static TreeSet<LocalDate> nakajima(int year, String[] holidayMondays, String[] instead) {
    TreeSet<LocalDate> days = mondays(year);
    days.removeAll(parse(holidayMondays));
    days.addAll(parse(instead));
    days.addAll(yearEnd(year));
    return days;
  }

  private static TreeSet<LocalDate> bookmobile(int year, String[] inventory) {
    TreeSet<LocalDate> days = mondays(year);
    days.addAll(yearEnd(year));
    days.add(LocalDate.of(year, 1, 4));
    days.addAll(parse(inventory));
    return days;
  }

  private static TreeSet<LocalDate> mondays(int year) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
        days.add(d);
      }
    }
    return days;
  }

  private static List<LocalDate> yearEnd(int year) {
    return List.of(
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 1, 2),
        LocalDate.of(year, 1, 3),
        LocalDate.of(year, 12, 29),
        LocalDate.of(year, 12, 30),
        LocalDate.of(year, 12, 31));
  }

  private static List<LocalDate> parse(String[] iso) {
    return Arrays.stream(iso).map(LocalDate::parse).toList();
  }

  private static String[] of(String... iso) {
    return iso;
  }

  static Stream<Arguments> expectations() {
    String[] hm2026 =
        of(
            "2026-01-12",
            "2026-02-23",
            "2026-05-04",
            "2026-07-20",
            "2026-09-21",
            "2026-10-12",
            "2026-11-23");
    String[] hm2027 =
        of("2027-01-11", "2027-03-22", "2027-05-03", "2027-07-19", "2027-09-20", "2027-10-11");
    String[] hm2028 = of("2028-01-10", "2028-03-20", "2028-07-17", "2028-09-18", "2028-10-09");
    String[] inv2026 =
        of(
            "2026-01-30",
            "2026-02-27",
            "2026-03-31",
            "2026-04-30",
            "2026-05-29",
            "2026-06-30",
            "2026-07-31",
            "2026-08-28",
            "2026-09-30",
            "2026-10-30",
            "2026-11-27");
    String[] inv2027 =
        of(
            "2027-01-29",
            "2027-02-26",
            "2027-03-31",
            "2027-04-30",
            "2027-05-28",
            "2027-06-30",
            "2027-07-30",
            "2027-08-31",
            "2027-09-30",
            "2027-10-29",
            "2027-11-30");
    String[] inv2028 =
        of(
            "2028-01-28",
            "2028-02-29",
            "2028-03-31",
            "2028-04-28",
            "2028-05-31",
            "2028-06-30",
            "2028-07-28",
            "2028-08-31",
            "2028-09-29",
            "2028-10-31",
            "2028-11-30");
    String[] bm2026 =
        of(
            "2026-01-31",
            "2026-02-28",
            "2026-03-31",
            "2026-04-30",
            "2026-05-31",
            "2026-06-30",
            "2026-07-31",
            "2026-09-01",
            "2026-09-30",
            "2026-10-31",
            "2026-12-01");
    String[] bm2027 =
        of(
            "2027-01-31",
            "2027-02-28",
            "2027-03-31",
            "2027-04-30",
            "2027-06-01",
            "2027-06-30",
            "2027-07-31",
            "2027-08-31",
            "2027-09-30",
            "2027-10-31",
            "2027-11-30");
    String[] bm2028 =
        of(
            "2028-02-01",
            "2028-02-29",
            "2028-03-31",
            "2028-04-30",
            "2028-05-31",
            "2028-06-30",
            "2028-08-01",
            "2028-08-31",
            "2028-09-30",
            "2028-10-31",
            "2028-11-30");
    String[] nk2026 =
        of(
            "2026-01-13",
            "2026-02-24",
            "2026-05-07",
            "2026-07-21",
            "2026-09-24",
            "2026-10-13",
            "2026-11-24");
    String[] nk2027 =
        of("2027-01-12", "2027-03-23", "2027-05-06", "2027-07-20", "2027-09-21", "2027-10-12");
    String[] nk2028 = of("2028-01-11", "2028-03-21", "2028-07-18", "2028-09-19", "2028-10-10");
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String branch : List.of("central", "mitsuhama", "hojo")) {
      cases.add(Arguments.of("R-CAL-2", branch, 2026, library(2026, hm2026, inv2026)));
      cases.add(Arguments.of("R-CAL-2", branch, 2027, library(2027, hm2027, inv2027)));
      cases.add(Arguments.of("R-CAL-2", branch, 2028, library(2028, hm2028, inv2028)));
    }
    cases.add(Arguments.of("R-CAL-3", "nakajima", 2026, nakajima(2026, hm2026, nk2026)));
    cases.add(Arguments.of("R-CAL-3", "nakajima", 2027, nakajima(2027, hm2027, nk2027)));
    cases.add(Arguments.of("R-CAL-3", "nakajima", 2028, nakajima(2028, hm2028, nk2028)));
    cases.add(Arguments.of("R-CAL-4", "bookmobile", 2026, bookmobile(2026, bm2026)));
    cases.add(Arguments.of("R-CAL-4", "bookmobile", 2027, bookmobile(2027, bm2027)));
    cases.add(Arguments.of("R-CAL-4", "bookmobile", 2028, bookmobile(2028, bm2028)));
    return cases.build();
  }

  @ParameterizedTest(name = "{0} closed days of {1} in {2}")
  @MethodSource("expectations")
  void closedDaysMatchTheHandList(
      String rule, String branch, int year, TreeSet<LocalDate> expected) {
    assertThat(MATSUYAMA.calendar(branch).closedDays(year)).containsExactlyElementsOf(expected);
  }
}
