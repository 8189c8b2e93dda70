package org.shiori.gate.passage;

import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.rfid.tag.TagUid;

/**
 * What the gate learnt about one tag in the passage, as far as the alarm mode needed to look.
 *
 * @param uid the tag
 * @param tagSecured the tag's own security state (AFI or EAS); empty when not read
 * @param itemId the item id decoded from the tag; empty when not read or not decodable
 * @param status the item's status in the cache; empty when not looked up or not cached
 * @param title the item's title in the cache; empty when not cached
 */
public record TagFacts(
    TagUid uid,
    Optional<Boolean> tagSecured,
    Optional<String> itemId,
    Optional<ItemStatus> status,
    Optional<String> title) {
  public TagFacts {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(tagSecured, "tagSecured");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(title, "title");
  }

  /** Nothing known yet but the UID. */
  public static TagFacts of(TagUid uid) {
    return new TagFacts(
        uid, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public TagFacts withTagSecured(boolean secured) {
    return new TagFacts(uid, Optional.of(secured), itemId, status, title);
  }

  public TagFacts withItem(
      Optional<String> newItemId, Optional<ItemStatus> newStatus, Optional<String> newTitle) {
    return new TagFacts(uid, tagSecured, newItemId, newStatus, newTitle);
  }
}
