package org.shiori.kiosk.app;

import java.util.UUID;
import org.shiori.device.messaging.EventPublisher;
import org.shiori.device.messaging.RejectionListener;
import org.shiori.device.store.Rejection;
import org.shiori.device.store.SqliteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells staff of a transaction central rejected: the store has already kept it for the admin API;
 * this publishes the {@code TX_REJECTED} event naming the item to look at, never the patron.
 */
final class RejectionEvents implements RejectionListener {
  private static final Logger LOG = LoggerFactory.getLogger(RejectionEvents.class);

  private final SqliteStore store;
  private final EventPublisher events;

  RejectionEvents(SqliteStore store, EventPublisher events) {
    this.store = store;
    this.events = events;
  }

  @Override
  public void rejected(UUID txId, String reasonCode) {
    store.rejections().stream()
        .filter(r -> r.transactionId().equals(txId))
        .map(Rejection::itemId)
        .findFirst()
        .ifPresentOrElse(
            itemId -> events.transactionRejected(txId, itemId, reasonCode),
            () -> LOG.warn("rejected transaction {} is not among the kept rejections", txId));
  }
}
