package org.shiori.central.loans;

import java.util.Optional;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.load.CalendarDocument;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.protocol.SyncDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules a renewal at central is decided by: the policy of {@code loans.policy} with the
 * calendar document central serves the devices (R-CAL-5), combined as a device combines them
 * ({@link CalendarDocument#applyTo}), so that a new due date on a day the document closes moves as
 * the loan rule says (R-CAL-1), the same day a kiosk would give. The document is read again only
 * when its version changes. One that does not fit the policy (a branch it does not define, or not
 * readable) is not used: the last one that fitted stays, as on a device, and it is logged once.
 */
public final class RenewalRules {
  private static final Logger LOG = LoggerFactory.getLogger(RenewalRules.class);

  private final CirculationPolicy base;
  private InUse inUse;
  private long refusedVersion = -1;

  /** What the rules were built from: the calendar version (0 for none) and the result. */
  private record InUse(long calendarVersion, CirculationPolicy policy) {}

  public RenewalRules(CirculationPolicy base) {
    this.base = base;
    this.inUse = new InUse(0, base);
  }

  /**
   * The rules with the calendar document central serves now.
   *
   * @param calendar the stored calendar document, empty when none was ever set
   */
  public synchronized CirculationPolicy with(Optional<SyncDocument> calendar) {
    long version = calendar.map(SyncDocument::sequence).orElse(0L);
    if (version == inUse.calendarVersion() || version == refusedVersion) {
      return inUse.policy();
    }
    if (calendar.isEmpty()) {
      inUse = new InUse(0, base);
      return base;
    }
    String source = "central calendar version " + version;
    try {
      CirculationPolicy policy =
          CalendarDocument.read(source, calendar.get().content()).applyTo(base);
      inUse = new InUse(version, policy);
      LOG.info("renewals use calendar version {}", version);
    } catch (PolicyException | IllegalArgumentException e) {
      refusedVersion = version;
      LOG.warn(
          "{} not used for renewals, calendar version {} stays: {}",
          source,
          inUse.calendarVersion(),
          e.getMessage());
    }
    return inUse.policy();
  }
}
