package org.shiori.rfid.reader;

import org.shiori.rfid.tag.TagUid;

/** A tag seen in an inventory round; {@code dsfid} is 0 when the reader does not report it. */
public record InventoryEntry(TagUid uid, int dsfid) {}
