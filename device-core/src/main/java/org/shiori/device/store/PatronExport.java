package org.shiori.device.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;

/**
 * Everything this device holds about one patron key (P-RIGHTS-1).
 *
 * @param key the patron key asked about
 * @param record the patron record as central last synced it
 * @param localLoans items lent on this device that central has not yet reflected
 * @param holds holds waiting for this patron (holds data set and item records)
 * @param pendingTransactions this patron's checkouts not yet acknowledged by central
 */
public record PatronExport(
    PatronKey key,
    Optional<PatronSnapshot> record,
    List<String> localLoans,
    List<HoldRecord> holds,
    List<OutboxEntry> pendingTransactions) {
  public PatronExport {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
    localLoans = List.copyOf(localLoans);
    holds = List.copyOf(holds);
    pendingTransactions = List.copyOf(pendingTransactions);
  }

  /** Whether the device holds nothing at all about the key. */
  public boolean isEmpty() {
    return record.isEmpty()
        && localLoans.isEmpty()
        && holds.isEmpty()
        && pendingTransactions.isEmpty();
  }
}
