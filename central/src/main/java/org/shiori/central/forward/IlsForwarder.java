package org.shiori.central.forward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.central.ils.IlsCheckin;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsConnector;
import org.shiori.central.ils.IlsResult;
import org.shiori.central.ils.IlsUnavailableException;
import org.shiori.central.ingest.StaffLog;
import org.shiori.central.ingest.StaffLog.Source;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.store.DatabaseException;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store-then-forward to the ILS: takes the oldest queued transaction, sends it through the
 * connector, and only then removes it from the queue. While the ILS cannot be reached the head of
 * the queue is retried and nothing behind it is sent, so the ILS gets the transactions in the order
 * central took them. An ILS refusal becomes a rejection (source {@code ils}), a staff notice and a
 * rejection on the device's ack topic. The patron key of a forwarded transaction is erased.
 */
public final class IlsForwarder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IlsForwarder.class);

  /** A transaction central took that the ILS has now refused. */
  @FunctionalInterface
  public interface RefusalListener {
    void refused(String deviceId, UUID txId, String itemId, String reason);
  }

  /** Sent with no block and its own time when it reaches the ILS later than this. */
  private static final Duration LATE = Duration.ofMinutes(1);

  private final CentralDatabase db;
  private final IlsConnector connector;
  private final Clock clock;
  private final Duration retryEvery;
  private final ForwarderLease lease;
  private final RefusalListener refusals;
  private final StaffLog staff = new StaffLog();
  private final Object wake = new Object();
  private final AtomicLong forwarded = new AtomicLong();
  private volatile boolean running;
  private Thread thread;

  public IlsForwarder(
      CentralDatabase db,
      IlsConnector connector,
      String instanceId,
      Clock clock,
      Duration retryEvery,
      RefusalListener refusals) {
    this.db = db;
    this.connector = connector;
    this.clock = clock;
    this.retryEvery = retryEvery;
    this.lease = new ForwarderLease(db, instanceId, clock, Duration.ofSeconds(15));
    this.refusals = refusals;
  }

  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "central-ils-forwarder");
    thread.setDaemon(true);
    thread.start();
  }

  /** Tells the forwarder a transaction was queued (no polling delay). */
  public void queued() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  public long forwarded() {
    return forwarded.get();
  }

  /** How many transactions wait for the ILS. */
  public long waiting() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ils_queue");
              ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  private record Queued(
      long position,
      UUID txId,
      String deviceId,
      TransactionType type,
      String itemId,
      Optional<PatronKey> patron,
      Instant at,
      boolean offline,
      Optional<String> card) {}

  private void run() {
    while (running) {
      try {
        if (!lease.hold()) {
          pause(Duration.ofSeconds(5));
          continue;
        }
        Optional<Queued> next = db.inTransaction(IlsForwarder::head);
        if (next.isEmpty()) {
          synchronized (wake) {
            wake.wait(1000);
          }
          continue;
        }
        forward(next.get());
      } catch (IlsUnavailableException e) {
        LOG.warn("ILS not reachable, retrying in {} s: {}", retryEvery.toSeconds(), e.getMessage());
        pause(retryEvery);
      } catch (DatabaseException e) {
        LOG.warn("database not reachable from the forwarder: {}", e.getMessage());
        pause(retryEvery);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void pause(Duration d) {
    synchronized (wake) {
      try {
        if (running) {
          wake.wait(Math.max(1, d.toMillis()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private static Optional<Queued> head(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT q.position, t.tx_id, t.device_id, t.type, t.item_id, t.patron_key,"
                + " t.happened_at, t.offline FROM ils_queue q JOIN transactions t"
                + " ON t.tx_id = q.tx_id ORDER BY q.position LIMIT 1")) {
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        Optional<PatronKey> patron = Optional.ofNullable(r.getString(6)).map(PatronKey::new);
        Queued q =
            new Queued(
                r.getLong(1),
                UUID.fromString(r.getString(2)),
                r.getString(3),
                TransactionType.valueOf(r.getString(4)),
                r.getString(5),
                patron,
                Instant.ofEpochMilli(r.getLong(7)),
                r.getInt(8) != 0,
                Optional.empty());
        if (patron.isPresent()) {
          return Optional.of(
              new Queued(
                  q.position(),
                  q.txId(),
                  q.deviceId(),
                  q.type(),
                  q.itemId(),
                  q.patron(),
                  q.at(),
                  q.offline(),
                  PatronCards.cardOf(c, patron.get())));
        }
        return Optional.of(q);
      }
    }
  }

  private void forward(Queued q) throws IlsUnavailableException {
    boolean late = q.offline() || Duration.between(q.at(), clock.instant()).compareTo(LATE) > 0;
    IlsResult<?> result;
    if (q.type() == TransactionType.CHECKOUT) {
      if (q.card().isEmpty()) {
        finish(q, Optional.of("NO_CARD_NUMBER"));
        return;
      }
      result =
          connector.checkout(
              late
                  ? IlsCheckout.offline(q.card().get(), q.itemId(), q.at())
                  : IlsCheckout.now(q.card().get(), q.itemId()));
    } else {
      result =
          connector.checkin(
              late ? IlsCheckin.offline(q.itemId(), q.at()) : IlsCheckin.now(q.itemId()));
    }
    if (result instanceof IlsResult.Rejected<?> r) {
      finish(q, Optional.of(r.reason().name()));
    } else {
      finish(q, Optional.empty());
    }
  }

  private void finish(Queued q, Optional<String> refusal) {
    Instant now = clock.instant();
    db.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM ils_queue WHERE tx_id = ?")) {
            s.setString(1, q.txId().toString());
            s.executeUpdate();
          }
          // Forwarded: the ILS has the loan now; central keeps no patron on the transaction.
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE transactions SET ils_state = ?, patron_key = NULL WHERE tx_id = ?")) {
            s.setString(1, refusal.isPresent() ? "refused" : "done");
            s.setString(2, q.txId().toString());
            s.executeUpdate();
          }
          if (refusal.isPresent()) {
            staff.reject(c, q.txId(), q.deviceId(), 0, refusal.get(), Source.ILS, now);
            staff.notice(
                c,
                q.deviceId(),
                "ILS_REFUSED",
                Optional.of(q.txId()),
                Optional.of(q.itemId()),
                OptionalLong.empty(),
                Source.ILS,
                now);
          }
          return null;
        });
    forwarded.incrementAndGet();
    if (refusal.isPresent()) {
      LOG.warn("ILS refused {} of {}: {}", q.txId(), q.deviceId(), refusal.get());
      refusals.refused(q.deviceId(), q.txId(), q.itemId(), refusal.get());
    }
  }

  @Override
  public void close() {
    running = false;
    queued();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        lease.release();
      } catch (DatabaseException e) {
        LOG.debug("lease not released: {}", e.getMessage());
      }
    }
    connector.close();
  }
}
