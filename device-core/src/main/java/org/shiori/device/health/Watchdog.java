package org.shiori.device.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings the service manager's watchdog only while the service is healthy. When a check fails the
 * ping stops, the problem is logged and shown as the unit's status, and systemd restarts the
 * service after {@code WatchdogSec}: a hung reader loop, store or link worker is not left running.
 */
public final class Watchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

  private final HealthCheck health;
  private final ServiceManager manager;
  private final ScheduledExecutorService timer;
  private volatile List<String> lastProblems = List.of();

  /**
   * @param interval the watchdog interval systemd set; checks and pings run at a third of it
   */
  public Watchdog(HealthCheck health, ServiceManager manager, Duration interval) {
    this.health = health;
    this.manager = manager;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "watchdog");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(1, interval.toMillis() / 3);
    timer.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MILLISECONDS);
  }

  /** The problems of the last check, empty while healthy. */
  public List<String> lastProblems() {
    return lastProblems;
  }

  void tick() {
    List<String> problems = health.problems();
    if (problems.isEmpty()) {
      if (!lastProblems.isEmpty()) {
        LOG.info("healthy again");
        manager.status("running");
      }
      lastProblems = problems;
      manager.alive();
      return;
    }
    if (!problems.equals(lastProblems)) {
      LOG.error("unhealthy, watchdog ping withheld: {}", String.join("; ", problems));
    }
    lastProblems = problems;
    manager.status("unhealthy: " + String.join("; ", problems));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
