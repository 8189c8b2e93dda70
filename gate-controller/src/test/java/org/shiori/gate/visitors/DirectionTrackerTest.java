package org.shiori.gate.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shiori.gate.visitors.DirectionTracker.Beam;

/** The direction rules on accepted beam changes alone. */
class DirectionTrackerTest {
  @Test
  void aBeamBlockedAtStartIsNobodysWalkUntilBothAreClear() {
    DirectionTracker tracker = new DirectionTracker(true, false);
    assertThat(tracker.change(Beam.INNER, true)).isEmpty();
    assertThat(tracker.change(Beam.OUTER, false)).isEmpty();
    assertThat(tracker.change(Beam.INNER, false)).isEmpty();

    assertThat(tracker.change(Beam.INNER, true)).isEmpty();
    assertThat(tracker.change(Beam.OUTER, true)).isEmpty();
    assertThat(tracker.change(Beam.INNER, false)).isEmpty();
    assertThat(tracker.change(Beam.OUTER, false)).isEqualTo(Optional.of(Walk.OUT));
  }

  @Test
  void aRepeatedLevelIsNoChange() {
    DirectionTracker tracker = new DirectionTracker(false, false);
    tracker.change(Beam.OUTER, true);
    tracker.change(Beam.OUTER, true);
    tracker.change(Beam.INNER, true);
    tracker.change(Beam.OUTER, false);
    assertThat(tracker.change(Beam.OUTER, false)).isEmpty();
    assertThat(tracker.change(Beam.INNER, false)).contains(Walk.IN);
  }
}
