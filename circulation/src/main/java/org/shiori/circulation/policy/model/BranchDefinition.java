package org.shiori.circulation.policy.model;

import java.util.List;
import java.util.Objects;
import org.shiori.circulation.policy.calendar.CalendarOverride;
import org.shiori.circulation.policy.calendar.ClosureRule;
import org.shiori.circulation.policy.calendar.OpeningHours;

/**
 * A service point as the policy file defines it.
 *
 * @param id branch id ({@code central}, {@code bookmobile}, ...)
 * @param closures regulation rules that close days
 * @param hours opening hours
 * @param override closures and openings written in the file
 */
public record BranchDefinition(
    String id, List<ClosureRule> closures, OpeningHours hours, CalendarOverride override) {
  public BranchDefinition {
    Objects.requireNonNull(id, "id");
    closures = List.copyOf(closures);
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(override, "override");
  }
}
