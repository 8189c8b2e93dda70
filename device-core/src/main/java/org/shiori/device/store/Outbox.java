package org.shiori.device.store;

import java.util.List;
import java.util.UUID;

/** The publishing side of the durable outbox (store, then publish, then confirm). */
public interface Outbox {
  /** Entries not yet acknowledged by central, ascending by sequence, at most {@code max}. */
  List<OutboxEntry> unacknowledged(int max);

  /** The entry has been handed to the broker (QoS 1 delivery confirmed by the broker). */
  void markPublished(long sequence);

  /** Central accepted the transaction: the entry is erased. Returns false for unknown ids. */
  boolean acknowledge(UUID transactionId);

  /**
   * Central rejected the transaction (e.g. the patron was blocked meanwhile): the entry leaves the
   * outbox and the rejection is kept for staff, the item flagged.
   */
  boolean reject(UUID transactionId, String reasonCode);

  /** Number of entries not yet acknowledged. */
  int pendingCount();
}
