package org.shiori.central.ils.fileimport;

import java.util.List;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.protocol.SyncBatch;

/**
 * What changed since the last import, per data set: records to upsert (new or changed) and keys to
 * delete (item ids, patron keys, held item ids), in the devices' sync terms.
 */
public record ImportDelta(
    Changes<ItemRecord> items, Changes<PatronSnapshot> patrons, Changes<HoldRecord> holds) {

  /** Upserts and deletes of one data set. */
  public record Changes<T>(List<T> upserts, List<String> deletes) {
    public Changes {
      upserts = List.copyOf(upserts);
      deletes = List.copyOf(deletes);
    }

    public boolean isEmpty() {
      return upserts.isEmpty() && deletes.isEmpty();
    }

    /**
     * As one delta batch at this data set version. A sync message carries at most {@code
     * SyncCodec.MAX_RECORDS}; the sync publisher splits larger changes.
     */
    public SyncBatch<T> asBatch(long sequence) {
      return new SyncBatch<>(sequence, false, 0, 1, upserts, deletes);
    }
  }

  public boolean isEmpty() {
    return items.isEmpty() && patrons.isEmpty() && holds.isEmpty();
  }
}
