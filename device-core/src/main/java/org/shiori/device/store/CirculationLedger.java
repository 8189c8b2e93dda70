package org.shiori.device.store;

import org.shiori.circulation.domain.Transaction;

/**
 * Records circulation on the device. Each call commits, in one durable SQLite transaction, the
 * outbox entry and the cache changes it implies (item status, local loan counts, and for a return
 * the erasure of any local patron–item link, P-ERASE-1). When it returns, the patron may be told
 * "done".
 */
public interface CirculationLedger {
  OutboxEntry recordCheckout(Transaction checkout) throws OutboxFullException;

  OutboxEntry recordReturn(Transaction giveBack) throws OutboxFullException;
}
