package org.shiori.central.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.CentralDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what central keeps no longer than docs/privacy.md says: transaction rows no longer needed
 * (the ILS has them, refused them, or never needed them) after their retention, staff events and
 * rejections after theirs. A transaction still waiting for the ILS ({@code pending}) or held in a
 * sequence conflict ({@code held}) is never pruned. Runs at start and then every hour; every
 * instance may run it (deleting twice deletes nothing the second time).
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private static final Duration EVERY = Duration.ofHours(1);

  /** What one pass deleted. */
  public record Pruned(int transactions, int events, int rejections) {}

  private final CentralDatabase db;
  private final CentralConfig.Retention retention;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "central-retention");
            t.setDaemon(true);
            return t;
          });

  public RetentionJob(CentralDatabase db, CentralConfig.Retention retention, Clock clock) {
    this.db = db;
    this.retention = retention;
    this.clock = clock;
  }

  public void start() {
    timer.scheduleWithFixedDelay(this::pruneQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pruneQuietly() {
    try {
      prune();
    } catch (RuntimeException e) {
      LOG.warn("pruning failed, tried again in {}: {}", EVERY, e.getMessage());
    }
  }

  /** One pass, now by the clock. */
  public Pruned prune() {
    long now = clock.millis();
    Pruned p =
        db.inTransaction(
            c ->
                new Pruned(
                    delete(
                        c,
                        "DELETE FROM transactions WHERE received_at < ?"
                            + " AND ils_state IN ('none', 'done', 'refused', 'discarded')",
                        now - retention.transactions().toMillis()),
                    delete(
                        c, "DELETE FROM events WHERE at < ?", now - retention.events().toMillis()),
                    delete(
                        c,
                        "DELETE FROM rejections WHERE at < ?",
                        now - retention.rejections().toMillis())));
    if (p.transactions() + p.events() + p.rejections() > 0) {
      LOG.info(
          "pruned {} transactions, {} events, {} rejections past their retention",
          p.transactions(),
          p.events(),
          p.rejections());
    }
    return p;
  }

  private static int delete(Connection c, String sql, long before) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, before);
      return s.executeUpdate();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
