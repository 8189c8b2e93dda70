package org.shiori.gate.input;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One digital input's level, debounced (a visitor beam, the cover switch): a raw level counts only
 * once it has held for the debounce time without another edge, so contact bounce and a swinging bag
 * strap (blocked, clear for a few milliseconds, blocked again) never reach the logic behind. The
 * accepted change carries the time its last raw edge happened, so the order of two beams is the
 * order in which they really changed. "Active" is the level that means something (a beam blocked, a
 * cover open). Not thread-safe: its owner serialises calls.
 */
public final class InputDebouncer {
  private final Duration debounce;
  private boolean active;
  private boolean raw;
  private Instant rawSince;

  /**
   * @param debounce how long a raw level must hold before it counts
   * @param activeAtStart the level read when the input was opened
   * @param now when it was read
   */
  public InputDebouncer(Duration debounce, boolean activeAtStart, Instant now) {
    if (debounce.isNegative()) {
      throw new IllegalArgumentException("debounce must not be negative");
    }
    this.debounce = debounce;
    this.active = activeAtStart;
    this.raw = activeAtStart;
    this.rawSince = now;
  }

  /** A raw edge seen at {@code at}. */
  public void raw(boolean rawActive, Instant at) {
    if (rawActive != raw) {
      raw = rawActive;
      rawSince = at;
    }
  }

  /**
   * @return the time the new level began, when the raw level differs from the accepted one and has
   *     held for the debounce time by {@code now}; the new level is then accepted
   */
  public Optional<Instant> settle(Instant now) {
    if (raw == active || now.isBefore(rawSince.plus(debounce))) {
      return Optional.empty();
    }
    active = raw;
    return Optional.of(rawSince);
  }

  /** The accepted level. */
  public boolean active() {
    return active;
  }
}
