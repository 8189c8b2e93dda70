package org.shiori.kiosk.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-CAL-6: why the calendars do not take Japanese holidays from Jollyday 0.35.1. Its Japan data
 * lacks both equinox days, the substitute holidays (it moves some Sunday holidays to Monday instead
 * of adding a day, and keeps others on Sunday), the citizens' holiday, and still has the Emperor's
 * Birthday on December 23 (it moved to February 23 in 2020). If this test starts to fail after a
 * Jollyday upgrade, the data was fixed: compare it with {@link JapaneseNationalHolidays} and update
 * docs/policy.md.
 */
class JollydayJapanGapTest {

  private static Set<LocalDate> jollyday(int year) {
    HolidayManager manager =
        HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.JAPAN));
    return manager.getHolidays(year).stream().map(Holiday::getDate).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("R-CAL-6 Jollyday gap: no citizens' holiday (2026-09-22, 2032-09-21)")
  void noCitizensHoliday() {
    assertThat(jollyday(2026)).doesNotContain(LocalDate.of(2026, 9, 22));
    assertThat(jollyday(2032)).doesNotContain(LocalDate.of(2032, 9, 21));
  }

  @Test
  @DisplayName(
      "R-CAL-6 Jollyday gap: substitute holidays missing (2024-02-12, 2024-08-12, 2026-05-06)")
  void noSubstituteHolidays() {
    assertThat(jollyday(2024)).doesNotContain(LocalDate.of(2024, 2, 12), LocalDate.of(2024, 8, 12));
    assertThat(jollyday(2026)).doesNotContain(LocalDate.of(2026, 5, 6));
  }

  @Test
  @DisplayName("R-CAL-6 Jollyday gap: no equinox days, Emperor's Birthday on the old date")
  void noEquinoxAndOldEmperorsBirthday() {
    Set<LocalDate> y2026 = jollyday(2026);
    assertThat(y2026).doesNotContain(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 9, 23));
    assertThat(y2026).doesNotContain(LocalDate.of(2026, 2, 23));
    assertThat(y2026).contains(LocalDate.of(2026, 12, 23));
  }

  @Test
  @DisplayName("R-CAL-6 the days Jollyday has right agree with the law-based source")
  void agreesWhereItHasData() {
    JapaneseNationalHolidays law = new JapaneseNationalHolidays();
    for (int year = 2024; year <= 2035; year++) {
      Set<LocalDate> fromJollyday = jollyday(year);
      fromJollyday.removeIf(d -> d.getMonthValue() == 12 && d.getDayOfMonth() == 23);
      long disagreeing = fromJollyday.stream().filter(d -> !law.isHoliday(d)).count();
      assertThat(disagreeing).as("Jollyday days not holidays by law in %d", year).isZero();
    }
  }
}
