package org.shiori.device.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.protocol.SyncBatch;

/** Records and transactions for store tests. */
public final class StoreFixtures {
  public static final Instant NOW = Instant.parse("2026-11-20T01:30:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private StoreFixtures() {}

  /** A distinct, realistic 64-hex-digit patron key. */
  public static PatronKey patronKey(int n) {
    byte[] bytes = new byte[32];
    long x = 0x9E3779B97F4A7C15L * (n + 1);
    for (int i = 0; i < 32; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      bytes[i] = (byte) x;
    }
    return new PatronKey(HexFormat.of().formatHex(bytes));
  }

  public static ItemRecord item(String id) {
    return item(id, "book");
  }

  public static ItemRecord item(String id, String material) {
    return new ItemRecord(
        id,
        "Title " + id,
        material,
        "central",
        ItemStatus.AVAILABLE,
        Set.of(),
        1,
        Optional.empty());
  }

  public static PatronSnapshot patron(PatronKey key, Map<String, Integer> loans) {
    return new PatronSnapshot(
        key,
        "individual",
        LocalDate.parse("2028-03-31"),
        false,
        false,
        loans,
        0,
        0,
        0,
        Optional.empty(),
        "central");
  }

  public static HoldRecord hold(String itemId, PatronKey key) {
    return new HoldRecord(itemId, key, "central");
  }

  public static Transaction checkout(String itemId, PatronKey key) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.CHECKOUT,
        "kiosk-01",
        "central",
        itemId,
        Optional.of(key),
        NOW,
        Optional.of(LocalDate.parse("2026-12-04")),
        false);
  }

  public static Transaction giveBack(String itemId) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.RETURN,
        "kiosk-01",
        "central",
        itemId,
        Optional.empty(),
        NOW,
        Optional.empty(),
        true);
  }

  public static <T> SyncBatch<T> delta(long sequence, List<T> upserts, List<String> deletes) {
    return new SyncBatch<>(sequence, false, 0, 1, upserts, deletes);
  }

  public static <T> SyncBatch<T> snapshot(long sequence, List<T> rows) {
    return new SyncBatch<>(sequence, true, 0, 1, rows, List.of());
  }
}
