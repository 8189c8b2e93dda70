package org.shiori.central.ils;

/** Where an item is in its circulation. */
public enum IlsItemStatus {
  AVAILABLE,
  ON_LOAN,
  ON_HOLD_SHELF,
  IN_TRANSIT,
  IN_PROCESS,
  LOST_OR_MISSING,
  OTHER
}
