package org.shiori.device.messaging;

import java.util.UUID;

/** Told when central rejects a transaction, so staff can act on the flagged item. */
@FunctionalInterface
public interface RejectionListener {
  /**
   * @param txId the rejected transaction
   * @param reasonCode central's stable reason code, e.g. {@code PATRON_BLOCKED}
   */
  void rejected(UUID txId, String reasonCode);
}
