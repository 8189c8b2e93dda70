package org.shiori.protocol;

/** Data sets that central keeps current on devices by snapshot and numbered deltas. */
public enum Dataset {
  ITEMS,
  PATRONS,
  HOLDS,
  POLICY,
  CALENDAR;

  /** The name used in topics: {@code lib/{tenant}/sync/{dataset}}. */
  public String topicName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
