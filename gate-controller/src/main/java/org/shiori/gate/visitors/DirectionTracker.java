package org.shiori.gate.visitors;

import java.util.Optional;

/**
 * Tells walkers and their direction from the debounced levels of the two beams, which are mounted
 * closer together than a person is deep, so a walker blocks both for a moment. A walker is counted
 * when the beam on the far side from where they started is the last one they leave, having left the
 * near one while still in the far one:
 *
 * <pre>
 *   in:  outer ─► both ─► inner only ─► clear      out: the same with inner and outer swapped
 * </pre>
 *
 * A walker who stops between the beams and turns back (near ─► both ─► near ─► clear) is not
 * counted. When a second walker breaks the near beam while the first is in the far beam only, the
 * first is counted as they leave the far beam and the second is then followed on their own, so two
 * people close together count two. (A walker who has left the near beam and steps back into it is
 * taken for such a second walker: two beams cannot tell them apart.) Not thread-safe.
 */
public final class DirectionTracker {
  /** Which beam changed. */
  public enum Beam {
    OUTER,
    INNER
  }

  private boolean outer;
  private boolean inner;
  private Beam origin;

  /**
   * @param outerBlocked the outer beam's level at start
   * @param innerBlocked the inner beam's level at start; a beam already blocked is nobody's walk
   *     until both are clear
   */
  public DirectionTracker(boolean outerBlocked, boolean innerBlocked) {
    this.outer = outerBlocked;
    this.inner = innerBlocked;
  }

  private boolean crossed;
  private boolean follower;

  /**
   * Feeds one accepted change of one beam, in the order the changes happened.
   *
   * @return the walk completed by this change, if any
   */
  public Optional<Walk> change(Beam beam, boolean blocked) {
    boolean wasIdle = !outer && !inner;
    boolean wasBoth = outer && inner;
    if (beam == Beam.OUTER) {
      if (outer == blocked) {
        return Optional.empty();
      }
      outer = blocked;
    } else {
      if (inner == blocked) {
        return Optional.empty();
      }
      inner = blocked;
    }
    if (wasIdle) {
      origin = beam;
      crossed = false;
      follower = false;
      return Optional.empty();
    }
    if (origin == null) {
      return Optional.empty(); // a beam was already blocked at start: wait until both are clear
    }
    boolean near = origin == Beam.OUTER ? outer : inner;
    boolean far = origin == Beam.OUTER ? inner : outer;
    Optional<Walk> walk = Optional.empty();
    if (!near && !far) {
      if (crossed) {
        walk = Optional.of(direction());
      }
      origin = null;
      crossed = false;
      follower = false;
    } else if (!near) { // far beam only
      if (wasBoth) {
        crossed = true; // left the near beam while in the far one (or a follower stepped back)
      }
      follower = false;
    } else if (far) { // both
      if (crossed) {
        follower = true;
      }
    } else { // near beam only
      if (follower) {
        walk = Optional.of(direction()); // the first walker left the far beam
      }
      crossed = false; // the one in the near beam has not crossed yet, or turned back
      follower = false;
    }
    return walk;
  }

  private Walk direction() {
    return origin == Beam.OUTER ? Walk.IN : Walk.OUT;
  }
}
