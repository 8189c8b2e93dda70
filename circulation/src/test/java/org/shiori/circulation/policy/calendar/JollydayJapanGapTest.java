package org.shiori.circulation.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R-CAL-6: why the calendars do not take Japanese holidays from Jollyday. The Japan data of every
 * release checked (0.35.1, 1.5.0–1.8.1, 2.1.0, 2.3.0, 2.19.0) is the same file: no equinox days,
 * the Emperor's Birthday still on December 23 (it moved to February 23 in 2020), no substitute
 * holiday except Culture Day, which it moves from Sunday to Monday instead of adding the Monday.
 * Its only Japanese logic, the "bridging" day between two holidays, never fires for 2024–2035
 * because the equinox days it would bridge to are missing.
 *
 * <p>{@link #GAPS} lists every date of 2024–2035 on which the pinned Jollyday and the law differ,
 * each with its reason, and the test checks that the list is exact: a Jollyday upgrade that fixes
 * (or breaks) any day fails here, which is the moment to reconsider the holiday source and update
 * docs/policy.md. The law side is {@link JapaneseNationalHolidays}, whose 2024–2026 lists are the
 * Cabinet Office's ({@link JapaneseNationalHolidaysTest}).
 */
class JollydayJapanGapTest {

  private static final int FIRST = 2024;
  private static final int LAST = 2035;

  /** What Jollyday gets wrong on some dates: a legal holiday it lacks, or a day it adds. */
  record Gap(boolean missingInJollyday, String why, List<LocalDate> dates) {

    static Gap missing(String why, String isoDates) {
      return new Gap(true, why, parse(isoDates));
    }

    static Gap extra(String why, String isoDates) {
      return new Gap(false, why, parse(isoDates));
    }

    private static List<LocalDate> parse(String isoDates) {
      return Arrays.stream(isoDates.trim().split("\\s+")).map(LocalDate::parse).toList();
    }

    @Override
    public String toString() {
      return (missingInJollyday ? "missing in Jollyday: " : "extra in Jollyday: ") + why;
    }
  }

  static final List<Gap> GAPS =
      List.of(
          Gap.missing(
              "Vernal Equinox Day (not in its data at all)",
              "2024-03-20 2025-03-20 2026-03-20 2027-03-21 2028-03-20 2029-03-20"
                  + " 2030-03-20 2031-03-21 2032-03-20 2033-03-20 2034-03-20 2035-03-21"),
          Gap.missing(
              "Autumnal Equinox Day (not in its data at all)",
              "2024-09-22 2025-09-23 2026-09-23 2027-09-23 2028-09-22 2029-09-23"
                  + " 2030-09-23 2031-09-23 2032-09-22 2033-09-23 2034-09-23 2035-09-23"),
          Gap.missing(
              "Emperor's Birthday on February 23 since 2020",
              "2024-02-23 2025-02-23 2026-02-23 2027-02-23 2028-02-23 2029-02-23"
                  + " 2030-02-23 2031-02-23 2032-02-23 2033-02-23 2034-02-23 2035-02-23"),
          Gap.extra(
              "Emperor's Birthday on December 23, the date until 2018",
              "2024-12-23 2025-12-23 2026-12-23 2027-12-23 2028-12-23 2029-12-23"
                  + " 2030-12-23 2031-12-23 2032-12-23 2033-12-23 2034-12-23 2035-12-23"),
          Gap.missing(
              "substitute holiday for a Sunday holiday (Art. 3(2)), including those for"
                  + " Sunday equinoxes and for May 3/4 on Sunday (next day not a holiday)",
              "2024-02-12 2024-05-06 2024-08-12 2024-09-23 2025-02-24 2025-05-06 2025-11-24"
                  + " 2026-05-06 2027-03-22 2029-02-12 2029-04-30 2029-09-24 2030-05-06"
                  + " 2030-08-12 2031-02-24 2031-05-06 2031-11-24 2033-03-21 2034-01-02"
                  + " 2035-02-12 2035-04-30 2035-09-24"),
          Gap.missing(
              "Culture Day on a Sunday: Jollyday moves it to Monday, the law keeps Sunday"
                  + " and adds Monday",
              "2024-11-03 2030-11-03"),
          Gap.missing(
              "citizens' holiday between Respect for the Aged Day and the autumnal equinox"
                  + " (Art. 3(3))",
              "2026-09-22 2032-09-21"));

  private static final JapaneseNationalHolidays LAW = new JapaneseNationalHolidays();
  private static final HolidayManager JOLLYDAY =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.JAPAN));

  private static Set<LocalDate> jollyday(int year) {
    return JOLLYDAY.getHolidays(Year.of(year)).stream()
        .map(Holiday::getDate)
        .collect(Collectors.toSet());
  }

  /** Every date on which the two sources differ, true when Jollyday lacks a legal holiday. */
  private static Map<LocalDate, Boolean> differences() {
    Map<LocalDate, Boolean> diff = new HashMap<>();
    for (int year = FIRST; year <= LAST; year++) {
      Set<LocalDate> fromJollyday = jollyday(year);
      Set<LocalDate> byLaw = LAW.holidaysOf(year);
      byLaw.stream().filter(d -> !fromJollyday.contains(d)).forEach(d -> diff.put(d, true));
      fromJollyday.stream().filter(d -> !byLaw.contains(d)).forEach(d -> diff.put(d, false));
    }
    return diff;
  }

  static Stream<Gap> gaps() {
    return GAPS.stream();
  }

  @ParameterizedTest(name = "R-CAL-6 Jollyday gap, {0}")
  @MethodSource("gaps")
  void eachDocumentedGapIsReal(Gap gap) {
    for (LocalDate day : gap.dates()) {
      boolean inJollyday = jollyday(day.getYear()).contains(day);
      assertThat(inJollyday).as("%s in Jollyday", day).isEqualTo(!gap.missingInJollyday());
      assertThat(LAW.isHoliday(day))
          .as("%s holiday by law", day)
          .isEqualTo(gap.missingInJollyday());
    }
  }

  @Test
  @DisplayName("R-CAL-6 the documented gaps are every difference from the law, 2024–2035")
  void documentedGapsAreExactlyTheDifferences() {
    Map<LocalDate, Boolean> documented = new HashMap<>();
    for (Gap gap : GAPS) {
      gap.dates().forEach(d -> assertThat(documented.put(d, gap.missingInJollyday())).isNull());
    }
    assertThat(differences()).containsExactlyInAnyOrderEntriesOf(documented);
  }

  @Test
  @DisplayName("R-CAL-6 the rest agree: 8 fixed days, 4 Happy Mondays, Culture Day or its Monday")
  void agreesOnEverythingElse() {
    for (int year = FIRST; year <= LAST; year++) {
      Set<LocalDate> common = jollyday(year);
      common.retainAll(LAW.holidaysOf(year));
      assertThat(common).as("days both call a holiday in %d", year).hasSize(13);
    }
    assertThat(jollyday(2024)).contains(LocalDate.of(2024, 11, 4));
    assertThat(jollyday(2030)).contains(LocalDate.of(2030, 11, 4));
  }
}
