package org.shiori.gate.passage;

import java.util.Objects;
import org.shiori.rfid.tag.TagUid;

/**
 * An alarm raised for one passage, as reported to staff: the item and its title, never a patron.
 *
 * @param itemId the item id on the tag, or {@code uid:} and the tag's UID when it could not be read
 *     in time
 * @param title the title from the item cache, or {@link #UNKNOWN_TITLE}
 * @param uid the tag
 * @param mismatch whether tag and item database disagreed (cross-check)
 */
public record GateAlarm(String itemId, String title, TagUid uid, boolean mismatch) {
  /** Title reported for an item not in the cache. */
  public static final String UNKNOWN_TITLE = "(not in catalogue)";

  public GateAlarm {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(uid, "uid");
  }

  static GateAlarm of(TagFacts facts, boolean mismatch) {
    return new GateAlarm(
        facts.itemId().orElse("uid:" + facts.uid().hex()),
        facts.title().orElse(UNKNOWN_TITLE),
        facts.uid(),
        mismatch);
  }
}
