package org.shiori.circulation.policy.calendar;

import java.time.LocalDate;

/** The public holidays of a country, as the calendar rules see them (R-CAL-6). */
public interface NationalHolidays {

  /**
   * Whether the day is a holiday in the legal sense, substitute and citizens' holidays included.
   */
  boolean isHoliday(LocalDate date);

  /** The first year this source can answer for. */
  int firstYear();

  /** The last year this source can answer for. */
  int lastYear();
}
