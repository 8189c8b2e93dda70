package org.shiori.device.rules;

import java.util.Objects;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.load.CalendarDocument;

/**
 * The rules a device decides with at one moment: a policy with a calendar on top, and where each
 * came from.
 *
 * @param policy the policy with the calendar applied
 * @param base the policy without the calendar, to apply the next calendar to
 * @param policyVersion the central policy version in use, 0 for the configured policy
 * @param calendar the calendar document applied
 * @param calendarVersion the central calendar version in use, 0 for none
 */
public record RulesInUse(
    CirculationPolicy policy,
    CirculationPolicy base,
    long policyVersion,
    CalendarDocument calendar,
    long calendarVersion) {
  public RulesInUse {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(calendar, "calendar");
  }

  /** The configured policy, before anything came from central. */
  public static RulesInUse configured(CirculationPolicy policy) {
    return new RulesInUse(policy, policy, 0, CalendarDocument.NONE, 0);
  }
}
