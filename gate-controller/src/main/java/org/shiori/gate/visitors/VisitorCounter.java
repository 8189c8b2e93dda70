package org.shiori.gate.visitors;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts beam interruptions and reports them period by period. {@link #visitorPassed} is called
 * from the sensor's thread, {@link #report} from a timer; a period with no visitor is reported too,
 * so central can tell a quiet gate from a silent one.
 */
public final class VisitorCounter {
  private static final Logger LOG = LoggerFactory.getLogger(VisitorCounter.class);

  private final String deviceId;
  private final VisitorReports reports;
  private final Clock clock;
  private long total;
  private long reported;
  private Instant periodStart;

  public VisitorCounter(String deviceId, VisitorReports reports, Clock clock) {
    this.deviceId = deviceId;
    this.reports = reports;
    this.clock = clock;
    this.periodStart = clock.instant();
  }

  public synchronized void visitorPassed() {
    total++;
  }

  public synchronized long total() {
    return total;
  }

  /** Publishes the count since the last report and starts a new period. */
  public void report() {
    VisitorCount count;
    synchronized (this) {
      Instant now = clock.instant();
      count = new VisitorCount(deviceId, periodStart, now, total - reported, total);
      reported = total;
      periodStart = now;
    }
    LOG.debug("visitors: {} in period, {} in total", count.count(), count.total());
    reports.publish(count);
  }
}
