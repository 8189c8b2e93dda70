package org.shiori.central.sync;

import java.util.List;
import org.shiori.central.store.CentralDatabase;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncMessage;

/**
 * Changes to the library's data sets at central (items, patrons, holds, policy, calendar): each is
 * committed with its new version, then its delta is broadcast to the devices.
 */
public final class LibraryData {
  private final CentralDatabase db;
  private final Datasets datasets;
  private final SyncPublisher publisher;

  public LibraryData(CentralDatabase db, Datasets datasets, SyncPublisher publisher) {
    this.db = db;
    this.datasets = datasets;
    this.publisher = publisher;
  }

  public void putItem(ItemRecord item) {
    SyncMessage delta = db.inTransaction(c -> datasets.putItem(c, item));
    publisher.broadcast(List.of(delta));
  }

  public void putPatron(PatronSnapshot patron) {
    SyncMessage delta = db.inTransaction(c -> datasets.putPatron(c, patron));
    publisher.broadcast(List.of(delta));
  }

  /** Sets or lifts a staff block (R-BLOCK-2); central rejects checkouts for a blocked patron. */
  public void setStaffBlock(PatronKey key, boolean blocked) {
    SyncMessage delta =
        db.inTransaction(
            c -> {
              PatronSnapshot p =
                  datasets
                      .patron(c, key)
                      .orElseThrow(() -> new IllegalArgumentException("unknown patron " + key));
              return datasets.putPatron(
                  c,
                  new PatronSnapshot(
                      p.key(),
                      p.category(),
                      p.expiry(),
                      blocked,
                      p.overdue(),
                      p.loansByMaterial(),
                      p.illThisFiscalYear(),
                      p.illOnLoan(),
                      p.holdsAndRequests(),
                      p.groupConfirmedOn(),
                      p.homeBranch()));
            });
    publisher.broadcast(List.of(delta));
  }

  /** Erases a patron everywhere (P-ERASE-3). */
  public void removePatron(PatronKey key) {
    publisher.broadcast(db.inTransaction(c -> datasets.removePatron(c, key)));
  }

  public void putHold(HoldRecord hold) {
    SyncMessage delta = db.inTransaction(c -> datasets.putHold(c, hold));
    publisher.broadcast(List.of(delta));
  }

  public void removeHold(String itemId) {
    publisher.broadcast(db.inTransaction(c -> datasets.removeHold(c, itemId)));
  }

  public void putDocument(Dataset dataset, String yaml) {
    SyncMessage delta = db.inTransaction(c -> datasets.putDocument(c, dataset, yaml));
    publisher.broadcast(List.of(delta));
  }

  public long version(Dataset dataset) {
    return db.inTransaction(c -> datasets.version(c, dataset));
  }
}
