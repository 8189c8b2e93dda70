package org.shiori.circulation.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An item of the collection as cached on the device.
 *
 * @param itemId primary item identifier, as on the tag (ISO 28560 primary item id)
 * @param title title shown to the patron who holds the item (P-NOTICE-1)
 * @param material material type id of the policy ({@code book}, {@code video}, ...)
 * @param homeBranch service point that owns the item (R-RET-1)
 * @param status circulation status
 * @param flags policy flags such as {@code reference}, {@code ill-ndl}, {@code ill-other}
 * @param parts number of parts (tags) of a multi-part item, 1 for ordinary items (R-PART-1)
 * @param holdFor the patron the item is held for, if any (R-ITEM-2, R-HOLD-1)
 */
public record ItemRecord(
    String itemId,
    String title,
    String material,
    String homeBranch,
    ItemStatus status,
    Set<String> flags,
    int parts,
    Optional<PatronKey> holdFor) {
  public ItemRecord {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(material, "material");
    Objects.requireNonNull(homeBranch, "homeBranch");
    Objects.requireNonNull(status, "status");
    flags = Set.copyOf(flags);
    holdFor = Objects.requireNonNull(holdFor, "holdFor");
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1, was " + parts);
    }
  }

  public boolean hasFlag(String flag) {
    return flags.contains(flag);
  }

  public ItemRecord withStatus(ItemStatus newStatus) {
    return new ItemRecord(itemId, title, material, homeBranch, newStatus, flags, parts, holdFor);
  }
}
