package org.shiori.device.store;

import java.util.Optional;
import org.shiori.circulation.domain.ItemRecord;

/** The device's cache of the collection, kept current by sync from central. */
public interface ItemCatalog {
  Optional<ItemRecord> find(String itemId);
}
