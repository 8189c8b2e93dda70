package org.shiori.kiosk.text;

import java.time.LocalDate;
import java.util.List;

/**
 * Dates as a patron reads them, from the language file's {@code date.pattern}, {@code
 * date.weekdays} (Sunday first) and {@code date.months}: 2026年12月15日（火）, Tue 15 Dec 2026. The
 * screen's script formats with the same three texts.
 */
public final class PatronDates {
  private PatronDates() {}

  public static String format(PatronTexts texts, String language, LocalDate date) {
    List<String> weekdays = List.of(texts.text(language, "date.weekdays").split(","));
    List<String> months = List.of(texts.text(language, "date.months").split(","));
    String weekday = weekdays.get(date.getDayOfWeek().getValue() % 7);
    return texts
        .text(language, "date.pattern")
        .replace("{y}", Integer.toString(date.getYear()))
        .replace("{m}", Integer.toString(date.getMonthValue()))
        .replace("{d}", Integer.toString(date.getDayOfMonth()))
        .replace("{w}", weekday)
        .replace("{mon}", months.get(date.getMonthValue() - 1));
  }
}
