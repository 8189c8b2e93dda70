package org.shiori.kiosk.store;

import java.util.Optional;
import org.shiori.kiosk.domain.ItemRecord;

/** The device's cache of the collection, kept current by sync from central. */
public interface ItemCatalog {
  Optional<ItemRecord> find(String itemId);
}
