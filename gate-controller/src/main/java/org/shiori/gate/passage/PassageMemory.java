package org.shiori.gate.passage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shiori.rfid.tag.TagUid;

/**
 * Remembers the tags of current passages, so a tag read round after round while it stands in or
 * crosses the antenna field is decided (and alarms) once. A tag re-arms only when it has been
 * absent for {@code rearmAfter} <em>and</em> missed at least one whole inventory round: a slow
 * round alone (a reader retry, a busy line) never turns a tag still in the field into a new
 * passage. Confined to the reader's I/O thread.
 */
public final class PassageMemory {
  private final Duration rearmAfter;
  private final Clock clock;
  private final Map<TagUid, Sighting> seen = new HashMap<>();
  private long round;

  private record Sighting(Instant at, long round) {}

  public PassageMemory(Duration rearmAfter, Clock clock) {
    if (rearmAfter.isNegative() || rearmAfter.isZero()) {
      throw new IllegalArgumentException("re-arm time must be positive, was " + rearmAfter);
    }
    this.rearmAfter = rearmAfter;
    this.clock = clock;
  }

  /**
   * Records one inventory round and returns the tags in it that start a new passage, in round
   * order. Tags whose passage has ended are forgotten, so the memory stays small on a busy day.
   */
  public List<TagUid> entering(Collection<TagUid> inRound) {
    try (Round r = round()) {
      return r.entering(inRound);
    }
  }

  /**
   * Starts a round read in more than one inventory (cross-check mode reads the secured tags first);
   * the tags of every part count as in the round, and passages end only when it closes.
   */
  public Round round() {
    round++;
    return new Round(clock.instant());
  }

  /** One inventory round in the making; see {@link #round()}. */
  public final class Round implements AutoCloseable {
    private final Instant now;

    private Round(Instant now) {
      this.now = now;
    }

    /** Records tags of this round and returns those that start a new passage, in order. */
    public List<TagUid> entering(Collection<TagUid> seenNow) {
      List<TagUid> entering = new ArrayList<>();
      for (TagUid uid : seenNow) {
        Sighting last = seen.put(uid, new Sighting(now, round));
        if (last == null || ended(last, now)) {
          entering.add(uid);
        }
      }
      return entering;
    }

    /** Ends the round: tags absent from it and long enough gone are forgotten. */
    @Override
    public void close() {
      seen.values().removeIf(s -> s.round() < round && !now.isBefore(s.at().plus(rearmAfter)));
    }
  }

  private boolean ended(Sighting last, Instant now) {
    return last.round() < round - 1 && !now.isBefore(last.at().plus(rearmAfter));
  }

  /** The decision on {@code uid} could not be made (a read failed): the next round tries again. */
  public void undecided(TagUid uid) {
    seen.remove(uid);
  }

  public int size() {
    return seen.size();
  }
}
