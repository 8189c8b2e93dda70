package org.shiori.kiosk.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.shiori.device.messaging.ConnectionListener;
import org.shiori.kiosk.session.Connectivity;

/** The kiosk's view of its link to central, fed by the MQTT link's connection events. */
public final class LinkConnectivity implements Connectivity, ConnectionListener {
  private final Clock clock;
  private final AtomicReference<Optional<Instant>> offlineSince;

  /** Starts offline: until the broker answers, the kiosk decides on its cache. */
  public LinkConnectivity(Clock clock) {
    this.clock = clock;
    this.offlineSince = new AtomicReference<>(Optional.of(clock.instant()));
  }

  @Override
  public Optional<Instant> offlineSince() {
    return offlineSince.get();
  }

  @Override
  public void connected(boolean sessionPresent) {
    offlineSince.set(Optional.empty());
  }

  @Override
  public void disconnected(String reason) {
    offlineSince.compareAndSet(Optional.empty(), Optional.of(clock.instant()));
  }
}
