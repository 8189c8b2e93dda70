package org.shiori.kiosk.pad;

import java.util.Objects;
import org.shiori.rfid.tag.TagUid;

/**
 * An item tag lying on the pad, decoded.
 *
 * @param uid the tag's UID
 * @param itemId the primary item identifier stored on the tag
 * @param part which part of the item this tag is on (1-based)
 * @param parts how many parts the item has
 */
public record ItemTag(TagUid uid, String itemId, int part, int parts) {
  public ItemTag {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(itemId, "itemId");
  }
}
