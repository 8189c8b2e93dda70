package org.shiori.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How kiosk sessions end, and what a return of an incomplete set does.
 *
 * @param idleSeconds a checkout session without activity ends after this long
 * @param extendSeconds the patron may extend the session during its last seconds
 * @param abandonSeconds a checkout session ends this long after the pad was emptied
 * @param returnClearSeconds return results leave the screen this long after the pad was emptied
 * @param incompleteSetReturn what a set returned with parts missing does (R-PART-1)
 */
public record SessionSettings(
    int idleSeconds,
    int extendSeconds,
    int abandonSeconds,
    int returnClearSeconds,
    IncompleteSetReturn incompleteSetReturn) {

  public static final SessionSettings DEFAULT =
      new SessionSettings(60, 15, 30, 20, IncompleteSetReturn.WAIT);

  public SessionSettings {
    Objects.requireNonNull(incompleteSetReturn, "incompleteSetReturn");
  }

  public Duration idle() {
    return Duration.ofSeconds(idleSeconds);
  }

  public Duration extendWindow() {
    return Duration.ofSeconds(extendSeconds);
  }

  public Duration abandon() {
    return Duration.ofSeconds(abandonSeconds);
  }

  public Duration returnClear() {
    return Duration.ofSeconds(returnClearSeconds);
  }

  /** What the kiosk does when a set comes back with parts missing. */
  public enum IncompleteSetReturn implements ConfigName {
    /** Nothing is recorded; the patron is asked to add the missing parts. */
    WAIT("wait"),
    /** The present parts are secured and the item goes to staff; no return is recorded. */
    STAFF("staff");

    private final String configName;

    IncompleteSetReturn(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }
  }
}
