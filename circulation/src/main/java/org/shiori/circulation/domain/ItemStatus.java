package org.shiori.circulation.domain;

/** Where an item stands in circulation, as the central system last told the device. */
public enum ItemStatus {
  AVAILABLE,
  ON_LOAN,
  ON_HOLD_SHELF,
  LOST,
  MISSING,
  WITHDRAWN,
  IN_REPAIR,
  IN_TRANSIT
}
