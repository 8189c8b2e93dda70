package org.shiori.gate.passage;

import java.util.Optional;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.config.AlarmMode;
import org.shiori.device.store.ItemCatalog;
import org.shiori.gate.cache.ItemStates;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.codec.TagContent;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;

/**
 * Reads from a tag and the item cache exactly what the alarm mode needs to decide, and no more:
 * every extra reader command is time the tag may already be out of the field.
 */
public final class TagInspector {
  /** ISO 28560-3 needs 34 bytes: nine 4-byte blocks of an ICODE SLIX (RFID501 fits in seven). */
  static final int DATA_BLOCKS = 9;

  /** Where the decision finds an item's status (and, from the SQLite cache, its title). */
  private interface ItemLookup {
    TagFacts withItem(TagFacts facts, String itemId);
  }

  private final TagReader reader;
  private final ItemLookup items;
  private final GateRules rules;
  private final TagSecurity tagSecurity;

  /** Looks items up in {@code catalog} (status and title, one SQLite query a tag). */
  public TagInspector(TagReader reader, ItemCatalog catalog, GateRules rules) {
    this(
        reader,
        (facts, itemId) -> {
          Optional<ItemRecord> item = catalog.find(itemId);
          return facts.withItem(
              Optional.of(itemId), item.map(ItemRecord::status), item.map(ItemRecord::title));
        },
        rules);
  }

  /**
   * Looks statuses up in the in-memory {@code states} (no disk access on the inventory loop); the
   * title is left for the alarm report to find.
   */
  public static TagInspector withStates(TagReader reader, ItemStates states, GateRules rules) {
    return new TagInspector(
        reader,
        (facts, itemId) ->
            facts.withItem(Optional.of(itemId), states.status(itemId), Optional.empty()),
        rules);
  }

  private TagInspector(TagReader reader, ItemLookup items, GateRules rules) {
    this.reader = reader;
    this.items = items;
    this.rules = rules;
    SecurityMode check = rules.mode() == AlarmMode.EAS ? SecurityMode.NXP_EAS : rules.tagSecurity();
    this.tagSecurity = new TagSecurity(reader, check);
  }

  /** The facts the decision needs for a tag seen for the first time in this passage. */
  public TagFacts forDecision(TagUid uid) throws ReaderException {
    TagFacts facts = TagFacts.of(uid);
    switch (rules.mode()) {
      case AFI:
        // Only tags with the secured AFI answer the filtered inventory.
        return facts.withTagSecured(true);
      case EAS:
        return facts.withTagSecured(tagSecurity.isSecured(uid));
      case DATABASE:
        return withItem(facts);
      default:
        return withItem(facts.withTagSecured(tagSecurity.isSecured(uid)));
    }
  }

  /**
   * Adds the item id and cached status (and title when the lookup has it), unless already there.
   */
  public TagFacts withItem(TagFacts facts) throws ReaderException {
    if (facts.itemId().isPresent()) {
      return facts;
    }
    TagContent content = LibraryTagCodec.decode(reader.readBlocks(facts.uid(), 0, DATA_BLOCKS));
    String itemId = content.itemId();
    if (itemId == null || itemId.isBlank()) {
      return facts;
    }
    return items.withItem(facts, itemId);
  }
}
