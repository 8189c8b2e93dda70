package org.shiori.circulation.policy.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * A holiday source with single days added or removed by the policy, for one-off holidays set by a
 * special law or an equinox day announced differently from the approximation.
 */
public record AdjustedHolidays(NationalHolidays base, Set<LocalDate> added, Set<LocalDate> removed)
    implements NationalHolidays {

  public AdjustedHolidays {
    added = Set.copyOf(added);
    removed = Set.copyOf(removed);
  }

  @Override
  public boolean isHoliday(LocalDate date) {
    return added.contains(date) || (!removed.contains(date) && base.isHoliday(date));
  }

  @Override
  public int firstYear() {
    return base.firstYear();
  }

  @Override
  public int lastYear() {
    return base.lastYear();
  }
}
