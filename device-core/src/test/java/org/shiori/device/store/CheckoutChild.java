package org.shiori.device.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A kiosk stand-in for the crash test: records checkouts and prints each sequence number only after
 * {@code recordCheckout} returned, i.e. once the patron would have been told "done".
 */
public final class CheckoutChild {
  private CheckoutChild() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    String prefix = args[2];
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    try (SqliteStore store = SqliteStore.open(db, 1_000_000, StoreFixtures.CLOCK)) {
      out.println("ready");
      out.flush();
      for (int i = 0; i < count; i++) {
        OutboxEntry entry =
            store.recordCheckout(
                StoreFixtures.checkout(prefix + "-" + i, StoreFixtures.patronKey(i % 50)));
        out.println(entry.sequence());
        out.flush();
      }
    }
  }
}
