package org.shiori.circulation.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.ShippedPolicies;

/**
 * Every day of 2024–2035 for every Matsuyama service point, against a day-by-day reading of the
 * regulation text written here on its own (施行規則 Art. 4 and 14), independent of the closure rules
 * and the policy file: each predicate answers "is this day closed?" directly from the sentences,
 * where the generator enumerates closing days per rule. Holidays come from {@link
 * JapaneseNationalHolidays}, checked by hand in {@link JapaneseNationalHolidaysTest}.
 */
class RegulationTextSweepTest {

  private static final CirculationPolicy MATSUYAMA =
      ShippedPolicies.load("matsuyama", ZoneId.of("Asia/Tokyo"));
  private static final JapaneseNationalHolidays LAW = new JapaneseNationalHolidays();
  private static final Predicate<LocalDate> HOLIDAY = LAW::isHoliday;

  private static boolean yearEnd(LocalDate d) {
    return (d.getMonthValue() == 12 && d.getDayOfMonth() >= 29)
        || (d.getMonthValue() == 1 && d.getDayOfMonth() <= 3);
  }

  private static boolean monday(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.MONDAY;
  }

  /**
   * Art. 4, central/Mitsuhama/Hojo (3): "the last day of each month; when it is a Saturday, Sunday,
   * Monday or holiday, the nearest Friday; when that Friday is a holiday, the day before".
   */
  private static boolean inventoryDay(LocalDate d) {
    if (d.getMonthValue() == 1 && d.getDayOfMonth() == 4) {
      return true;
    }
    if (d.getMonthValue() == 12) {
      return false;
    }
    LocalDate last = YearMonth.from(d).atEndOfMonth();
    DayOfWeek w = last.getDayOfWeek();
    boolean moved =
        w == DayOfWeek.SATURDAY
            || w == DayOfWeek.SUNDAY
            || w == DayOfWeek.MONDAY
            || LAW.isHoliday(last);
    if (!moved) {
      return d.equals(last);
    }
    LocalDate friday = last.minusDays(1);
    while (friday.getDayOfWeek() != DayOfWeek.FRIDAY) {
      friday = friday.minusDays(1);
    }
    return d.equals(LAW.isHoliday(friday) ? friday.minusDays(1) : friday);
  }

  static boolean libraryClosed(LocalDate d) {
    return (monday(d) && !HOLIDAY.test(d)) || yearEnd(d) || inventoryDay(d);
  }

  /** Art. 4, Nakajima: "Mondays (if a holiday, the nearest following day that is not one)". */
  static boolean nakajimaClosed(LocalDate d) {
    if (yearEnd(d) || (monday(d) && !HOLIDAY.test(d))) {
      return true;
    }
    if (HOLIDAY.test(d)) {
      return false;
    }
    LocalDate before = d.minusDays(1);
    while (HOLIDAY.test(before) && !monday(before)) {
      before = before.minusDays(1);
    }
    return monday(before) && HOLIDAY.test(before) && !before.equals(d);
  }

  /** Art. 14, bookmobile: Mondays, year end, month-end (a Monday one on the next day), Jan 4. */
  static boolean bookmobileClosed(LocalDate d) {
    if (monday(d) || yearEnd(d) || (d.getMonthValue() == 1 && d.getDayOfMonth() == 4)) {
      return true;
    }
    boolean lastOfJanToNov = d.getMonthValue() != 12 && d.equals(YearMonth.from(d).atEndOfMonth());
    LocalDate previous = d.minusDays(1);
    boolean dayAfterMondayMonthEnd =
        previous.getMonthValue() != 12
            && previous.equals(YearMonth.from(previous).atEndOfMonth())
            && monday(previous);
    return lastOfJanToNov || dayAfterMondayMonthEnd;
  }

  private static Predicate<LocalDate> textOf(String branch) {
    return switch (branch) {
      case "nakajima" -> RegulationTextSweepTest::nakajimaClosed;
      case "bookmobile" -> RegulationTextSweepTest::bookmobileClosed;
      default -> RegulationTextSweepTest::libraryClosed;
    };
  }

  @ParameterizedTest(name = "R-CAL-2 R-CAL-3 R-CAL-4 every day 2024–2035 of {0} matches the text")
  @ValueSource(strings = {"central", "mitsuhama", "hojo", "nakajima", "bookmobile"})
  void everyDayMatchesTheText(String branch) {
    Predicate<LocalDate> closedByText = textOf(branch);
    BranchCalendar calendar = MATSUYAMA.calendar(branch);
    List<String> differences = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() <= 2035; d = d.plusDays(1)) {
      if (calendar.isClosed(d) != closedByText.test(d)) {
        differences.add(d + (calendar.isClosed(d) ? " closed" : " open"));
      }
    }
    assertThat(differences).isEmpty();
  }

  @ParameterizedTest(name = "R-LIMIT-2 R-CAL-1 due date of every loan day 2024–2035 at {0}")
  @ValueSource(strings = {"central", "mitsuhama", "hojo", "nakajima", "bookmobile"})
  void dueDatesMoveToTheNextOpenDay(String branch) {
    Predicate<LocalDate> closedByText = textOf(branch);
    List<String> differences = new ArrayList<>();
    for (LocalDate on = LocalDate.of(2024, 1, 1); on.getYear() <= 2035; on = on.plusDays(1)) {
      LocalDate expected = on.plusDays(14);
      while (closedByText.test(expected)) {
        expected = expected.plusDays(1);
      }
      LocalDate due = MATSUYAMA.dueDate("individual", "book", Set.of(), branch, on);
      if (!due.equals(expected)) {
        differences.add(on + " → " + due + ", text says " + expected);
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  @DisplayName("R-CAL-2 inventory day when the Friday is a holiday: 2033-04-30 Sat → Thu 04-28")
  void fridayHolidayMovesToTheDayBefore() {
    BranchCalendar central = MATSUYAMA.calendar("central");
    assertThat(central.isClosed(LocalDate.of(2033, 4, 28))).isTrue();
    assertThat(central.isClosed(LocalDate.of(2033, 4, 29))).isFalse();
    assertThat(central.isClosed(LocalDate.of(2033, 4, 30))).isFalse();
  }

  @Test
  @DisplayName("R-LIMIT-3 R-CAL-1 group loans of 2 months end on an open day")
  void groupLoansOfTwoMonths() {
    for (LocalDate on = LocalDate.of(2024, 1, 1); on.getYear() <= 2035; on = on.plusDays(1)) {
      LocalDate expected = on.plusMonths(2);
      while (libraryClosed(expected)) {
        expected = expected.plusDays(1);
      }
      assertThat(MATSUYAMA.dueDate("group", "book", Set.of(), "central", on))
          .as("group loan on %s", on)
          .isEqualTo(expected);
    }
  }
}
