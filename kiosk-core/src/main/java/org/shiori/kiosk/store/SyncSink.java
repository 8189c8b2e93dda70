package org.shiori.kiosk.store;

import org.shiori.kiosk.domain.HoldRecord;
import org.shiori.kiosk.domain.ItemRecord;
import org.shiori.kiosk.domain.PatronSnapshot;

/**
 * Where validated sync messages land. Messaging checks order (a delta must be {@code
 * appliedSequence + 1}) and asks for a resync on a gap; the sink applies atomically.
 */
public interface SyncSink {
  /** The data set version the device holds, 0 when it has none. */
  long appliedSequence(Dataset dataset);

  void applyItems(SyncBatch<ItemRecord> batch);

  void applyPatrons(SyncBatch<PatronSnapshot> batch);

  void applyHolds(SyncBatch<HoldRecord> batch);

  /** Policy and calendar arrive as whole documents (YAML text). */
  void applyDocument(Dataset dataset, long sequence, String content);
}
