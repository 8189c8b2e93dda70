package org.shiori.device.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncMessage;

/**
 * Central's own copy of the data sets it syncs to devices, in memory, each with a version number
 * that every change increments. A change yields the delta to publish; a snapshot is cut in chunks.
 */
final class CentralRecords {
  private final String tenant;
  private final Map<String, ItemRecord> items = new TreeMap<>();
  private final Map<String, PatronSnapshot> patrons = new TreeMap<>();
  private final Map<String, HoldRecord> holds = new TreeMap<>();
  private final Map<Dataset, String> documents = new EnumMap<>(Dataset.class);
  private final Map<Dataset, Long> versions = new EnumMap<>(Dataset.class);

  CentralRecords(String tenant) {
    this.tenant = tenant;
    // Record sets start at version 1 (empty), so a device can always be given a snapshot.
    versions.put(Dataset.ITEMS, 1L);
    versions.put(Dataset.PATRONS, 1L);
    versions.put(Dataset.HOLDS, 1L);
    versions.put(Dataset.POLICY, 0L);
    versions.put(Dataset.CALENDAR, 0L);
  }

  synchronized long version(Dataset d) {
    return versions.get(d);
  }

  synchronized Optional<ItemRecord> item(String itemId) {
    return Optional.ofNullable(items.get(itemId));
  }

  synchronized Optional<PatronSnapshot> patron(PatronKey key) {
    return Optional.ofNullable(patrons.get(key.value()));
  }

  synchronized SyncMessage putItem(ItemRecord item) {
    items.put(item.itemId(), item);
    return delta(Dataset.ITEMS, List.of(item), List.of());
  }

  synchronized SyncMessage putPatron(PatronSnapshot patron) {
    patrons.put(patron.key().value(), patron);
    return delta(Dataset.PATRONS, List.of(patron), List.of());
  }

  synchronized SyncMessage removePatron(PatronKey key) {
    patrons.remove(key.value());
    return delta(Dataset.PATRONS, List.of(), List.of(key.value()));
  }

  synchronized SyncMessage putHold(HoldRecord hold) {
    holds.put(hold.itemId(), hold);
    return delta(Dataset.HOLDS, List.of(hold), List.of());
  }

  synchronized SyncMessage removeHold(String itemId) {
    holds.remove(itemId);
    return delta(Dataset.HOLDS, List.of(), List.of(itemId));
  }

  synchronized SyncMessage putDocument(Dataset d, String text) {
    if (!SyncMessage.isDocument(d)) {
      throw new IllegalArgumentException(d + " is not a document data set");
    }
    documents.put(d, text);
    long v = versions.merge(d, 1L, Long::sum);
    return SyncMessage.document(tenant, d, false, v, text);
  }

  /** The whole data set at its current version, in chunks; empty for a document never set. */
  synchronized List<SyncMessage> snapshot(Dataset d, int chunkSize) {
    long v = versions.get(d);
    if (SyncMessage.isDocument(d)) {
      String text = documents.get(d);
      return text == null ? List.of() : List.of(SyncMessage.document(tenant, d, true, v, text));
    }
    List<?> all =
        switch (d) {
          case ITEMS -> new ArrayList<>(items.values());
          case PATRONS -> new ArrayList<>(patrons.values());
          default -> new ArrayList<>(holds.values());
        };
    int chunks = Math.max(1, (all.size() + chunkSize - 1) / chunkSize);
    List<SyncMessage> out = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      List<?> part = all.subList(c * chunkSize, Math.min(all.size(), (c + 1) * chunkSize));
      out.add(new SyncMessage(tenant, d, true, v, c, chunks, part, List.of(), Optional.empty()));
    }
    return out;
  }

  private SyncMessage delta(Dataset d, List<?> upserts, List<String> deletes) {
    long v = versions.merge(d, 1L, Long::sum);
    return new SyncMessage(tenant, d, false, v, 0, 1, upserts, deletes, Optional.empty());
  }
}
