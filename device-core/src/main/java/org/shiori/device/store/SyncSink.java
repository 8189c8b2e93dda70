package org.shiori.device.store;

import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncBatch;

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

  /**
   * A document snapshot from central: stored as version {@code sequence} also when that is lower
   * than the version held (central repairs a forged or corrupted version). A sink that keeps no
   * documents takes it as {@link #applyDocument}.
   */
  default void resetDocument(Dataset dataset, long sequence, String content) {
    applyDocument(dataset, sequence, content);
  }
}
