package org.shiori.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.shiori.circulation.domain.Message;

/**
 * The offline policy: while central is unreachable the kiosk keeps lending, but only within limits
 * that bound the risk of deciding on stale data.
 */
public final class OfflineGuard {
  /**
   * @param maxItemsPerSession items one patron may borrow in one session while offline
   * @param maxOffline how long the kiosk keeps lending after losing central
   * @param maxCacheAge how old the synced cache may be before lending stops
   */
  public record Limits(int maxItemsPerSession, Duration maxOffline, Duration maxCacheAge) {}

  private final Limits limits;
  private final Connectivity connectivity;
  private final Supplier<Optional<Instant>> lastSync;
  private final Clock clock;

  public OfflineGuard(
      Limits limits, Connectivity connectivity, Supplier<Optional<Instant>> lastSync, Clock clock) {
    this.limits = limits;
    this.connectivity = connectivity;
    this.lastSync = lastSync;
    this.clock = clock;
  }

  public boolean offline() {
    return !connectivity.online();
  }

  /** Why one more checkout must be refused now, or empty when it may go ahead. */
  public Optional<Message> refusal(int lentThisSession) {
    Optional<Instant> since = connectivity.offlineSince();
    if (since.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Instant> synced = lastSync.get();
    if (Duration.between(since.get(), now).compareTo(limits.maxOffline()) > 0
        || synced.isEmpty()
        || Duration.between(synced.get(), now).compareTo(limits.maxCacheAge()) > 0) {
      return Optional.of(KioskMessages.OFFLINE_UNAVAILABLE);
    }
    if (lentThisSession >= limits.maxItemsPerSession()) {
      return Optional.of(KioskMessages.OFFLINE_LIMIT);
    }
    return Optional.empty();
  }
}
