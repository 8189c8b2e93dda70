package org.shiori.gate.visitors;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.shiori.device.store.EventStore;
import org.shiori.device.store.StoreException;
import org.shiori.device.store.VisitorTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts walkers in and out durably and reports finished hours (UTC) through the event store: each
 * walker is committed to the gate's SQLite file before {@link #walked} returns; each finished hour
 * is stored as a routine event, then {@code published} is told so the event publisher sends it.
 * Called from the beams' thread and a timer.
 */
public final class VisitorCounter {
  private static final Logger LOG = LoggerFactory.getLogger(VisitorCounter.class);

  private final String deviceId;
  private final VisitorTally tally;
  private final EventStore events;
  private final Runnable published;
  private final Clock clock;
  private final Instant startedIn;
  private Instant reportedBefore = Instant.MIN;

  public VisitorCounter(
      String deviceId, VisitorTally tally, EventStore events, Runnable published, Clock clock) {
    this.deviceId = deviceId;
    this.tally = tally;
    this.events = events;
    this.published = published;
    this.clock = clock;
    this.startedIn = hourOf(clock.instant());
  }

  /** One walker counted; a store failure is logged and the gate goes on. */
  public void walked(Walk walk) {
    try {
      VisitorTally.Totals totals = tally.record(walk == Walk.IN, hourOf(clock.instant()));
      LOG.debug("visitor {}: {} in, {} out in total", walk, totals.in(), totals.out());
    } catch (StoreException e) {
      LOG.error("visitor {} not stored: {}", walk, e.getMessage());
    }
  }

  public VisitorTally.Totals totals() {
    return tally.totals();
  }

  /**
   * Stores the reports of finished hours not yet reported (once per hour; at start, also those
   * finished while the gate was stopped).
   */
  public void reportFinishedHours() {
    Instant current = hourOf(clock.instant());
    if (!current.isAfter(reportedBefore)) {
      return;
    }
    try {
      int stored =
          tally.reportHoursBefore(
              current,
              startedIn.isBefore(current), // running in the hour before: report it even if quiet
              events,
              (hour, totals) -> HourlyVisitors.encode(deviceId, hour, totals));
      reportedBefore = current;
      if (stored > 0) {
        published.run();
      }
    } catch (StoreException e) {
      LOG.error("visitor report not stored, tried again next time: {}", e.getMessage());
    }
  }

  private static Instant hourOf(Instant at) {
    return at.truncatedTo(ChronoUnit.HOURS);
  }
}
