package org.shiori.gate.passage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.shiori.rfid.tag.TagUid;

/**
 * Remembers the tags of current passages, so a tag read again and again while it crosses the
 * antenna field is decided (and alarms) once. A passage ends when the tag has not been read for
 * {@code window}; a later read is a new passage. Confined to the reader's I/O thread.
 */
public final class PassageMemory {
  private final Duration window;
  private final Clock clock;
  private final Map<TagUid, Instant> lastSeen = new HashMap<>();

  public PassageMemory(Duration window, Clock clock) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("passage window must be positive, was " + window);
    }
    this.window = window;
    this.clock = clock;
  }

  /** Whether {@code uid} is in a passage already decided; if so its passage is extended to now. */
  public boolean inPassage(TagUid uid) {
    Instant now = clock.instant();
    Instant seen = lastSeen.get(uid);
    if (seen == null || now.isAfter(seen.plus(window))) {
      return false;
    }
    lastSeen.put(uid, now);
    return true;
  }

  /** Records that {@code uid}'s passage has been decided. */
  public void decided(TagUid uid) {
    lastSeen.put(uid, clock.instant());
  }

  /** Forgets passages that ended, so the memory stays small on a busy day. */
  public void forgetEnded() {
    Instant cutoff = clock.instant().minus(window);
    lastSeen.values().removeIf(seen -> seen.isBefore(cutoff));
  }

  public int size() {
    return lastSeen.size();
  }
}
