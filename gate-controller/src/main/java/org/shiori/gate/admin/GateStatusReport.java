package org.shiori.gate.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.shiori.device.admin.DeviceStatus;
import org.shiori.device.admin.WatchedReader;
import org.shiori.device.messaging.ConnectionListener;
import org.shiori.device.messaging.DurableEventPublisher;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.store.VisitorTally;
import org.shiori.gate.cache.ItemStates;
import org.shiori.gate.passage.PassageMonitor;
import org.shiori.gate.visitors.VisitorCounter;
import org.shiori.protocol.Dataset;

/**
 * Builds the admin API's device status from the running gate's parts. The gate keeps only items
 * (its sync drops patrons, holds and the policy documents), so {@code lastSync} names items alone
 * and there are no rules in use beyond the configured alarm mode.
 */
public final class GateStatusReport implements Supplier<DeviceStatus>, ConnectionListener {
  /** The running gate's parts the status is read from. */
  public record Parts(
      String deviceId,
      String version,
      String alarmMode,
      SqliteStore store,
      DurableEventPublisher events,
      WatchedReader reader,
      PassageMonitor monitor,
      Optional<ItemStates> itemStates,
      Optional<VisitorCounter> visitors) {}

  private final Parts parts;
  private final Clock clock;
  private final Instant startedAt;
  private final AtomicReference<Optional<Instant>> offlineSince;

  /** Starts offline, like the link: until the broker answers. Register it on the link. */
  public GateStatusReport(Parts parts, Clock clock) {
    this.parts = parts;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.offlineSince = new AtomicReference<>(Optional.of(startedAt));
  }

  @Override
  public void connected(boolean sessionPresent) {
    offlineSince.set(Optional.empty());
  }

  @Override
  public void disconnected(String reason) {
    offlineSince.compareAndSet(Optional.empty(), Optional.of(clock.instant()));
  }

  @Override
  public DeviceStatus get() {
    Optional<Instant> offline = offlineSince.get();
    SqliteStore store = parts.store();
    return new DeviceStatus(
        parts.deviceId(),
        "gate",
        offline.isEmpty(),
        offline,
        parts.events().pending(),
        Map.of(
            Dataset.ITEMS.topicName(),
            new DeviceStatus.DatasetSync(
                store.appliedSequence(Dataset.ITEMS), store.lastSyncAt(Dataset.ITEMS))),
        parts.reader().status(),
        parts.version(),
        startedAt,
        Optional.empty(),
        Optional.of(
            new DeviceStatus.GateStatus(
                parts.alarmMode(),
                parts.itemStates().map(ItemStates::size),
                parts.monitor().alarmsRaised(),
                parts.monitor().faultyRounds(),
                parts.visitors().map(GateStatusReport::visitors))));
  }

  private static DeviceStatus.Visitors visitors(VisitorCounter counter) {
    VisitorTally.Totals totals = counter.totals();
    return new DeviceStatus.Visitors(totals.in(), totals.out());
  }
}
