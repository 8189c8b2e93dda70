package org.shiori.device.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;

/** Test transactions. */
public final class Transactions {
  public static final PatronKey PATRON = new PatronKey("0123456789abcdef0123456789abcdef");
  public static final Instant AT = Instant.parse("2026-11-21T01:02:03Z");

  private Transactions() {}

  public static Transaction checkout(String deviceId, String itemId, PatronKey patron) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.CHECKOUT,
        deviceId,
        "main",
        itemId,
        Optional.of(patron),
        AT,
        Optional.of(LocalDate.parse("2026-12-05")),
        false);
  }

  public static Transaction giveBack(String deviceId, String itemId) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.RETURN,
        deviceId,
        "main",
        itemId,
        Optional.empty(),
        AT,
        Optional.empty(),
        false);
  }
}
