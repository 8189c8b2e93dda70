package org.shiori.circulation.policy.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opening hours of a branch on its open days (R-CAL-5): a default span, optionally different on
 * some weekdays and on national holidays (Nakajima: Sat/Sun/holidays 9:00–17:00).
 *
 * @param regular hours on an ordinary open day; empty when the service point has no fixed hours
 * @param byWeekday hours that replace the regular ones on a weekday
 * @param holiday hours that replace all others on a national holiday
 */
public record OpeningHours(
    Optional<Span> regular, Map<DayOfWeek, Span> byWeekday, Optional<Span> holiday) {

  /** One opening span of a day. */
  public record Span(LocalTime opens, LocalTime closes) {
    public Span {
      Objects.requireNonNull(opens, "opens");
      Objects.requireNonNull(closes, "closes");
      if (!closes.isAfter(opens)) {
        throw new IllegalArgumentException("closing time must be after opening time");
      }
    }

    @Override
    public String toString() {
      return opens + "-" + closes;
    }
  }

  public static final OpeningHours NONE =
      new OpeningHours(Optional.empty(), Map.of(), Optional.empty());

  public OpeningHours {
    Objects.requireNonNull(regular, "regular");
    byWeekday = Map.copyOf(byWeekday);
    Objects.requireNonNull(holiday, "holiday");
  }

  /** Hours of an open day. */
  public Optional<Span> on(DayOfWeek day, boolean isHoliday) {
    if (isHoliday && holiday.isPresent()) {
      return holiday;
    }
    Span special = byWeekday.get(day);
    return special != null ? Optional.of(special) : regular;
  }
}
