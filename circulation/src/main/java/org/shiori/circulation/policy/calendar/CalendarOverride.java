package org.shiori.circulation.policy.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Temporary closures and openings decided centrally (R-CAL-5, "臨時の休館日若しくは開館日"). They override the
 * days generated from the regulation rules.
 *
 * @param closed days closed although the rules would open them
 * @param open days open although the rules would close them
 */
public record CalendarOverride(Set<LocalDate> closed, Set<LocalDate> open) {

  public static final CalendarOverride NONE = new CalendarOverride(Set.of(), Set.of());

  public CalendarOverride {
    closed = Set.copyOf(closed);
    open = Set.copyOf(open);
    Set<LocalDate> both = new HashSet<>(closed);
    both.retainAll(open);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("days both closed and opened: " + both);
    }
  }

  /** This override with a later one applied on top: the later one wins for any day it names. */
  public CalendarOverride then(CalendarOverride later) {
    Set<LocalDate> newClosed = new HashSet<>(closed);
    Set<LocalDate> newOpen = new HashSet<>(open);
    newClosed.removeAll(later.open);
    newOpen.removeAll(later.closed);
    newClosed.addAll(later.closed);
    newOpen.addAll(later.open);
    return new CalendarOverride(newClosed, newOpen);
  }
}
