package org.shiori.device.store;

import org.shiori.circulation.domain.ItemStatus;

/** Receives every cached item's id and status, for a device that keeps them in memory. */
@FunctionalInterface
public interface ItemStatusScan {
  void item(String itemId, ItemStatus status);
}
