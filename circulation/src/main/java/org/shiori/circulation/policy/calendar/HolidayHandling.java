package org.shiori.circulation.policy.calendar;

/** What a weekly closure does when its day is a national holiday. */
public enum HolidayHandling {
  /** Closed anyway (bookmobile, R-CAL-4). */
  CLOSED,
  /** Open on that day, no closure instead (R-CAL-2: "unless a national holiday"). */
  OPEN,
  /** Closed instead on the nearest following day that is not a holiday (R-CAL-3). */
  NEXT_NON_HOLIDAY
}
