package org.shiori.gate.passage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.tag.TagUid;
import org.shiori.testkit.MutableClock;

/** One passage per tag: entering, staying, leaving, re-arming; rounds on a fake clock. */
class PassageMemoryTest {
  private static final Duration REARM = Duration.ofMillis(300);
  private static final TagUid A = TagUid.fromHex("E004010000000001");
  private static final TagUid B = TagUid.fromHex("E004010000000002");

  private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");
  private final PassageMemory memory = new PassageMemory(REARM, clock);

  private List<TagUid> round(Duration after, TagUid... inField) {
    clock.advance(after);
    return memory.entering(List.of(inField));
  }

  @Test
  void aTagStandingInTheFieldForTenSecondsEntersOnce() {
    int entries = 0;
    for (int i = 0; i < 500; i++) {
      entries += round(Duration.ofMillis(20), A).size();
    }
    assertThat(entries).isEqualTo(1);
  }

  @Test
  void roundsSlowerThanTheRearmTimeDoNotMakeAStayingTagANewPassage() {
    assertThat(round(Duration.ZERO, A)).containsExactly(A);
    assertThat(round(Duration.ofMillis(530), A)).isEmpty();
    assertThat(round(Duration.ofMillis(900), A)).isEmpty();
  }

  @Test
  void aTagReArmsAfterBeingAbsentForTheRearmTimeAndAtLeastOneRound() {
    assertThat(round(Duration.ZERO, A)).containsExactly(A);
    assertThat(round(Duration.ofMillis(100))).isEmpty();
    assertThat(round(Duration.ofMillis(100), A)).as("back after 200 ms: same passage").isEmpty();
    assertThat(round(Duration.ofMillis(100))).isEmpty();
    assertThat(round(Duration.ofMillis(250))).isEmpty();
    assertThat(round(Duration.ofMillis(20), A))
        .as("absent 370 ms: a new passage")
        .containsExactly(A);
  }

  @Test
  void onlyTheTagsOfTheCurrentRoundEnter() {
    assertThat(round(Duration.ZERO, A, B)).containsExactly(A, B);
    assertThat(round(Duration.ofMillis(20), B)).isEmpty();
    assertThat(round(Duration.ofSeconds(5))).isEmpty();
    assertThat(memory.size()).isZero();
  }

  @Test
  void anUndecidedTagIsTriedAgainInTheNextRound() {
    assertThat(round(Duration.ZERO, A)).containsExactly(A);
    memory.undecided(A);
    assertThat(round(Duration.ofMillis(20), A)).containsExactly(A);
  }

  @Test
  void rearmTimeMustBePositive() {
    assertThatThrownBy(() -> new PassageMemory(Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("re-arm time must be positive");
  }
}
