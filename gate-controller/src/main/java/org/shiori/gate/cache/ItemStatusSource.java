package org.shiori.gate.cache;

import org.shiori.device.store.ItemStatusScan;

/** Where the in-memory item states are (re)loaded from: the SQLite item cache. */
@FunctionalInterface
public interface ItemStatusSource {
  /** Streams every cached item to {@code scan}; returns how many. */
  long scanItemStatuses(ItemStatusScan scan);

  /** Loads a fresh copy of every item's status. */
  default ItemStates load() {
    ItemStates states = new ItemStates(1024);
    scanItemStatuses(states);
    return states;
  }
}
