package org.shiori.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One validated sync message for a record data set.
 *
 * @param sequence the data set version this batch brings the device to
 * @param snapshot true for a snapshot chunk (replaces the whole set once the last chunk is in)
 * @param chunk index of this chunk, from 0 (always 0 for a delta)
 * @param chunks number of chunks of the snapshot (1 for a delta)
 * @param upserts records to insert or replace
 * @param deletes keys to delete (item ids, patron keys, held item ids)
 */
public record SyncBatch<T>(
    long sequence, boolean snapshot, int chunk, int chunks, List<T> upserts, List<String> deletes) {
  public SyncBatch {
    upserts = List.copyOf(upserts);
    deletes = List.copyOf(deletes);
    if (chunk < 0 || chunks < 1 || chunk >= chunks) {
      throw new IllegalArgumentException("chunk " + chunk + " of " + chunks);
    }
    Objects.requireNonNull(upserts);
  }

  public boolean lastChunk() {
    return chunk == chunks - 1;
  }
}
