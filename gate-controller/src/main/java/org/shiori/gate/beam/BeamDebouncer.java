package org.shiori.gate.beam;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns the raw edges of a light barrier into interruptions: an edge to "broken" counts only when
 * the beam was clear for at least {@code settle} before it. Contact bounce and a swinging arm or
 * bag (broken, clear for a few milliseconds, broken again) are therefore one visitor, not several.
 * Not thread-safe: one provider thread feeds it.
 */
public final class BeamDebouncer {
  private final Duration settle;
  private boolean broken;
  private Instant clearSince = Instant.MIN;

  /**
   * @param settle how long the beam must be clear before a new interruption counts
   */
  public BeamDebouncer(Duration settle) {
    if (settle.isNegative()) {
      throw new IllegalArgumentException("settle time must not be negative");
    }
    this.settle = settle;
  }

  /**
   * Feeds one observed level.
   *
   * @param beamBroken whether the beam is interrupted now
   * @param at when the level was observed
   * @return true exactly when this edge is a new interruption
   */
  public boolean edge(boolean beamBroken, Instant at) {
    if (beamBroken == broken) {
      return false;
    }
    broken = beamBroken;
    if (!beamBroken) {
      clearSince = at;
      return false;
    }
    return clearSince.equals(Instant.MIN) || !at.isBefore(clearSince.plus(settle));
  }
}
