package org.shiori.gate.cache;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.device.store.SyncSink;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncBatch;

/**
 * The gate's view of central's sync (P-MIN-1): it needs each item's status and title, nothing about
 * patrons. Items are stored without the patron a hold is for; the patron and hold data sets and the
 * policy documents are acknowledged in memory only (so sync keeps its order) and never stored.
 * After a restart those data sets are requested again and dropped again.
 */
public final class GateSyncSink implements SyncSink {
  private final SyncSink store;
  private final Optional<ItemStates> states;
  private final Optional<ItemStatusSource> reload;
  private final Map<Dataset, Long> dropped = new EnumMap<>(Dataset.class);

  /**
   * @param store where items go: the gate's SQLite item cache
   */
  public GateSyncSink(SyncSink store) {
    this.store = store;
    this.states = Optional.empty();
    this.reload = Optional.empty();
  }

  /**
   * Also keeps the in-memory item states current: deltas are applied to them after the store has
   * them; a complete snapshot (which may drop items) reloads them from the store.
   */
  public GateSyncSink(SyncSink store, ItemStates states, ItemStatusSource reload) {
    this.store = store;
    this.states = Optional.of(states);
    this.reload = Optional.of(reload);
  }

  @Override
  public synchronized long appliedSequence(Dataset dataset) {
    return dataset == Dataset.ITEMS
        ? store.appliedSequence(dataset)
        : dropped.getOrDefault(dataset, 0L);
  }

  @Override
  public void applyItems(SyncBatch<ItemRecord> batch) {
    List<ItemRecord> withoutHolder =
        batch.upserts().stream().map(GateSyncSink::withoutHolder).toList();
    store.applyItems(
        new SyncBatch<>(
            batch.sequence(),
            batch.snapshot(),
            batch.chunk(),
            batch.chunks(),
            withoutHolder,
            batch.deletes()));
    if (states.isEmpty()) {
      return;
    }
    ItemStates memory = states.get();
    if (batch.snapshot() && batch.lastChunk()) {
      memory.replaceWith(reload.get().load());
      return;
    }
    for (ItemRecord item : batch.upserts()) {
      memory.item(item.itemId(), item.status());
    }
    batch.deletes().forEach(memory::remove);
  }

  private static ItemRecord withoutHolder(ItemRecord i) {
    return new ItemRecord(
        i.itemId(),
        i.title(),
        i.material(),
        i.homeBranch(),
        i.status(),
        i.flags(),
        i.parts(),
        Optional.empty(),
        i.lendingLibrary(),
        i.lendingBranch(),
        i.lenderInstructions());
  }

  @Override
  public void applyPatrons(SyncBatch<PatronSnapshot> batch) {
    acknowledge(Dataset.PATRONS, batch.sequence(), batch.lastChunk());
  }

  @Override
  public void applyHolds(SyncBatch<HoldRecord> batch) {
    acknowledge(Dataset.HOLDS, batch.sequence(), batch.lastChunk());
  }

  @Override
  public void applyDocument(Dataset dataset, long sequence, String content) {
    acknowledge(dataset, sequence, true);
  }

  private synchronized void acknowledge(Dataset dataset, long sequence, boolean complete) {
    if (complete) {
      dropped.put(dataset, sequence);
    }
  }
}
