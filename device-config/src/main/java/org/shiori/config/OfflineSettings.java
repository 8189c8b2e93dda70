package org.shiori.config;

import java.time.Duration;

/**
 * Limits while the central system is unreachable: items one patron may borrow per session, how long
 * the device keeps lending offline, and how old its patron/item cache may be before it stops.
 */
public record OfflineSettings(int maxItemsPerSession, int maxHoursOffline, int maxCacheAgeHours) {

  public Duration maxOffline() {
    return Duration.ofHours(maxHoursOffline);
  }

  public Duration maxCacheAge() {
    return Duration.ofHours(maxCacheAgeHours);
  }
}
