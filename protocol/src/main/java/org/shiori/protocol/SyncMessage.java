package org.shiori.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;

/**
 * One sync message of a data set: a snapshot chunk or a numbered delta. Record data sets (items,
 * patrons, holds) carry upserts and deletes; document data sets (policy, calendar) carry the whole
 * document as text.
 *
 * @param tenant the tenant it belongs to
 * @param dataset the data set
 * @param snapshot true for a snapshot chunk, false for a delta
 * @param sequence the data set version the message brings the device to
 * @param chunk chunk index from 0 (0 for a delta or a document)
 * @param chunks number of chunks (1 for a delta or a document)
 * @param upserts records of the data set's type ({@link ItemRecord}, {@link PatronSnapshot}, {@link
 *     HoldRecord}); empty for documents
 * @param deletes keys to delete: item ids, patron keys, held item ids
 * @param document the YAML text of a policy or calendar
 */
public record SyncMessage(
    String tenant,
    Dataset dataset,
    boolean snapshot,
    long sequence,
    int chunk,
    int chunks,
    List<?> upserts,
    List<String> deletes,
    Optional<String> document) {
  public SyncMessage {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(dataset, "dataset");
    upserts = List.copyOf(upserts);
    deletes = List.copyOf(deletes);
    Objects.requireNonNull(document, "document");
    if (sequence < 1) {
      throw new IllegalArgumentException("sync sequences start at 1");
    }
    if (chunk < 0 || chunks < 1 || chunk >= chunks || (!snapshot && chunks != 1)) {
      throw new IllegalArgumentException("chunk " + chunk + " of " + chunks);
    }
    if (isDocument(dataset) != document.isPresent()) {
      throw new IllegalArgumentException(dataset + ": document iff policy or calendar");
    }
    Class<?> type = recordType(dataset);
    for (Object o : upserts) {
      if (!type.isInstance(o)) {
        throw new IllegalArgumentException(dataset + " upserts must be " + type.getSimpleName());
      }
    }
  }

  public static boolean isDocument(Dataset dataset) {
    return dataset == Dataset.POLICY || dataset == Dataset.CALENDAR;
  }

  static Class<?> recordType(Dataset dataset) {
    return switch (dataset) {
      case ITEMS -> ItemRecord.class;
      case PATRONS -> PatronSnapshot.class;
      case HOLDS -> HoldRecord.class;
      case POLICY, CALENDAR -> Void.class;
    };
  }

  public static SyncMessage document(
      String tenant, Dataset dataset, boolean snapshot, long sequence, String text) {
    return new SyncMessage(
        tenant, dataset, snapshot, sequence, 0, 1, List.of(), List.of(), Optional.of(text));
  }

  public boolean lastChunk() {
    return chunk == chunks - 1;
  }

  /** The batch for a record data set, typed; the caller picks the type by {@link #dataset()}. */
  @SuppressWarnings("unchecked")
  public <T> SyncBatch<T> batch() {
    return new SyncBatch<>(sequence, snapshot, chunk, chunks, (List<T>) upserts, deletes);
  }
}
