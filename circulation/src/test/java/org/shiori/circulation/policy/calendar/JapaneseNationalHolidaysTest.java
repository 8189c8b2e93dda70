package org.shiori.circulation.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R-CAL-6: the national holidays the calendars use. The lists for 2024–2026 are the ones the
 * Cabinet Office published; 2027 and 2028 were worked out by hand from the Act on National Holidays
 * (Happy Monday rules counted on a paper calendar, equinox days as announced for 2027 and predicted
 * for 2028), not with the class under test.
 */
class JapaneseNationalHolidaysTest {

  private final JapaneseNationalHolidays holidays = new JapaneseNationalHolidays();

  private static Set<LocalDate> dates(String... iso) {
    return Arrays.stream(iso).map(LocalDate::parse).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("R-CAL-6 2024 as published, with four substitute holidays")
  void year2024() {
    assertThat(holidays.holidaysOf(2024))
        .containsExactlyInAnyOrderElementsOf(
            dates(
                "2024-01-01",
                "2024-01-08",
                "2024-02-11",
                "2024-02-12",
                "2024-02-23",
                "2024-03-20",
                "2024-04-29",
                "2024-05-03",
                "2024-05-04",
                "2024-05-05",
                "2024-05-06",
                "2024-07-15",
                "2024-08-11",
                "2024-08-12",
                "2024-09-16",
                "2024-09-22",
                "2024-09-23",
                "2024-10-14",
                "2024-11-03",
                "2024-11-04",
                "2024-11-23"));
  }

  @Test
  @DisplayName("R-CAL-6 2025 as published")
  void year2025() {
    assertThat(holidays.holidaysOf(2025))
        .containsExactlyInAnyOrderElementsOf(
            dates(
                "2025-01-01",
                "2025-01-13",
                "2025-02-11",
                "2025-02-23",
                "2025-02-24",
                "2025-03-20",
                "2025-04-29",
                "2025-05-03",
                "2025-05-04",
                "2025-05-05",
                "2025-05-06",
                "2025-07-21",
                "2025-08-11",
                "2025-09-15",
                "2025-09-23",
                "2025-10-13",
                "2025-11-03",
                "2025-11-23",
                "2025-11-24"));
  }

  @Test
  @DisplayName("R-CAL-6 2026 as published, with the citizens' holiday of September 22")
  void year2026() {
    assertThat(holidays.holidaysOf(2026))
        .containsExactlyInAnyOrderElementsOf(
            dates(
                "2026-01-01",
                "2026-01-12",
                "2026-02-11",
                "2026-02-23",
                "2026-03-20",
                "2026-04-29",
                "2026-05-03",
                "2026-05-04",
                "2026-05-05",
                "2026-05-06",
                "2026-07-20",
                "2026-08-11",
                "2026-09-21",
                "2026-09-22",
                "2026-09-23",
                "2026-10-12",
                "2026-11-03",
                "2026-11-23"));
  }

  @Test
  @DisplayName("R-CAL-6 2027 by hand, with the substitute for the Sunday vernal equinox")
  void year2027() {
    assertThat(holidays.holidaysOf(2027))
        .containsExactlyInAnyOrderElementsOf(
            dates(
                "2027-01-01",
                "2027-01-11",
                "2027-02-11",
                "2027-02-23",
                "2027-03-21",
                "2027-03-22",
                "2027-04-29",
                "2027-05-03",
                "2027-05-04",
                "2027-05-05",
                "2027-07-19",
                "2027-08-11",
                "2027-09-20",
                "2027-09-23",
                "2027-10-11",
                "2027-11-03",
                "2027-11-23"));
  }

  @Test
  @DisplayName("R-CAL-6 2028 by hand: Saturday holidays get no substitute")
  void year2028() {
    assertThat(holidays.holidaysOf(2028))
        .containsExactlyInAnyOrderElementsOf(
            dates(
                "2028-01-01",
                "2028-01-10",
                "2028-02-11",
                "2028-02-23",
                "2028-03-20",
                "2028-04-29",
                "2028-05-03",
                "2028-05-04",
                "2028-05-05",
                "2028-07-17",
                "2028-08-11",
                "2028-09-18",
                "2028-09-22",
                "2028-10-09",
                "2028-11-03",
                "2028-11-23"));
  }

  /** Substitute holidays 2029–2035: Sunday holidays found with a paper calendar. */
  @ParameterizedTest(name = "R-CAL-6 substitute holiday {0} (for {1})")
  @CsvSource({
    "2029-02-12, 2029-02-11",
    "2029-04-30, 2029-04-29",
    "2029-09-24, 2029-09-23",
    "2030-05-06, 2030-05-05",
    "2030-08-12, 2030-08-11",
    "2030-11-04, 2030-11-03",
    "2031-02-24, 2031-02-23",
    "2031-05-06, 2031-05-04 (moves past May 5)",
    "2031-11-24, 2031-11-23",
    "2033-03-21, 2033-03-20",
    "2034-01-02, 2034-01-01",
    "2035-02-12, 2035-02-11",
    "2035-04-30, 2035-04-29",
    "2035-09-24, 2035-09-23",
  })
  void substituteHolidays(String substitute, String forHoliday) {
    assertThat(holidays.isHoliday(LocalDate.parse(substitute))).isTrue();
  }

  @ParameterizedTest(name = "R-CAL-6 citizens' holiday {0}")
  @CsvSource({"2026-09-22", "2032-09-21"})
  void citizensHolidays(String day) {
    LocalDate d = LocalDate.parse(day);
    assertThat(holidays.isHoliday(d)).isTrue();
    assertThat(holidays.isHoliday(d.minusDays(1))).isTrue();
    assertThat(holidays.isHoliday(d.plusDays(1))).isTrue();
  }

  @Test
  @DisplayName(
      "R-CAL-6 every year 2024–2035 has 16 to 21 holidays and no Emperor's Birthday in December")
  void plausibleEveryYear() {
    for (int year = 2024; year <= 2035; year++) {
      assertThat(holidays.holidaysOf(year)).hasSizeBetween(16, 21);
      assertThat(holidays.isHoliday(LocalDate.of(year, 12, 23))).isFalse();
      assertThat(holidays.isHoliday(LocalDate.of(year, 2, 23))).isTrue();
    }
  }

  @Test
  void yearsOutsideTheLawInForceAreRefused() {
    assertThatThrownBy(() -> holidays.holidaysOf(2019))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2020");
  }
}
