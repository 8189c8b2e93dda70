package org.shiori.device.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.shiori.circulation.domain.Transaction;
import org.shiori.device.store.Outbox;
import org.shiori.device.store.OutboxEntry;

/** An {@link Outbox} in memory, for messaging tests that do not need the SQLite store. */
public final class InMemoryOutbox implements Outbox {
  private final NavigableMap<Long, OutboxEntry> entries = new TreeMap<>();
  private final Map<UUID, Long> sequenceOf = new java.util.HashMap<>();
  private final Map<UUID, String> rejected = new ConcurrentHashMap<>();
  private long nextSequence = 1;
  private final Set<Long> published = new HashSet<>();

  public synchronized OutboxEntry append(Transaction t) {
    OutboxEntry e = new OutboxEntry(nextSequence++, t, false);
    entries.put(e.sequence(), e);
    sequenceOf.put(t.id(), e.sequence());
    return e;
  }

  @Override
  public synchronized List<OutboxEntry> unacknowledged(int max) {
    List<OutboxEntry> out = new ArrayList<>(Math.min(max, entries.size()));
    for (OutboxEntry e : entries.values()) {
      if (out.size() >= max) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  @Override
  public synchronized void markPublished(long sequence) {
    // Central's ack may come before the broker's PUBACK is handled: the entry is gone by then,
    // yet the broker did confirm it.
    if (sequence > 0 && sequence < nextSequence) {
      published.add(sequence);
    }
    OutboxEntry e = entries.get(sequence);
    if (e != null && !e.published()) {
      entries.put(sequence, new OutboxEntry(sequence, e.transaction(), true));
    }
  }

  @Override
  public synchronized boolean acknowledge(UUID transactionId) {
    Long seq = sequenceOf.remove(transactionId);
    return seq != null && entries.remove(seq) != null;
  }

  @Override
  public synchronized boolean reject(UUID transactionId, String reasonCode) {
    boolean removed = acknowledge(transactionId);
    if (removed) {
      rejected.put(transactionId, reasonCode);
    }
    return removed;
  }

  @Override
  public synchronized int pendingCount() {
    return entries.size();
  }

  /** How many of the appended transactions the broker confirmed (each counted once). */
  public synchronized long publishedCount() {
    return published.size();
  }

  public Map<UUID, String> rejected() {
    return Map.copyOf(rejected);
  }
}
