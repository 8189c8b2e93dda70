package org.shiori.gate.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What light and buzzer do during one alarm: the light stays on for the whole alarm, the buzzer
 * beeps ({@code beepOn} on, {@code beepOff} off) so it is heard over a busy entrance without being
 * one long tone. Pure data: {@link #steps} is the whole timeline, which a driver only replays.
 *
 * @param beepOn how long each beep sounds
 * @param beepOff the pause between beeps
 */
public record AlarmPattern(Duration beepOn, Duration beepOff) {
  /** Beeps of 250 ms with 150 ms pauses. */
  public static final AlarmPattern DEFAULT =
      new AlarmPattern(Duration.ofMillis(250), Duration.ofMillis(150));

  /** A change of the outputs at {@code offset} from the start of the alarm. */
  public record Step(Duration offset, boolean light, boolean buzzer) {}

  public AlarmPattern {
    if (beepOn.isNegative() || beepOn.isZero() || beepOff.isNegative() || beepOff.isZero()) {
      throw new IllegalArgumentException("beep on and off times must be positive");
    }
  }

  /**
   * The timeline of an alarm lasting {@code duration}: starts with light and buzzer on, ends with
   * both off exactly at {@code duration}.
   */
  public List<Step> steps(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("alarm duration must be positive, was " + duration);
    }
    List<Step> steps = new ArrayList<>();
    Duration t = Duration.ZERO;
    while (t.compareTo(duration) < 0) {
      steps.add(new Step(t, true, true));
      Duration off = t.plus(beepOn);
      if (off.compareTo(duration) >= 0) {
        break;
      }
      steps.add(new Step(off, true, false));
      t = off.plus(beepOff);
    }
    steps.add(new Step(duration, false, false));
    return List.copyOf(steps);
  }
}
