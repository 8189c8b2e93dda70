package org.shiori.kiosk.admin;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.store.PatronErasure;
import org.shiori.device.store.PatronExport;
import org.shiori.device.store.SqliteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A patron's rights on this device: export of what it holds about them (P-RIGHTS-1) and erasure
 * (P-ERASE-3). Staff give the card number; it is hashed at once and never logged or kept.
 */
final class PatronRequests {
  private static final Logger LOG = LoggerFactory.getLogger(PatronRequests.class);

  /** Codabar (NW-7) with start/stop characters, or the digits of an RFID patron card. */
  private static final Pattern CARD = Pattern.compile("[A-Za-z0-9$:/.+\\-]{4,32}");

  private final SqliteStore store;
  private final CardHasher hasher;
  private final java.util.function.Consumer<PatronKey> alsoErase;

  PatronRequests(
      SqliteStore store, CardHasher hasher, java.util.function.Consumer<PatronKey> alsoErase) {
    this.store = store;
    this.hasher = hasher;
    this.alsoErase = alsoErase;
  }

  void export(Context ctx) {
    PatronKey key = keyOf(ctx);
    PatronExport export = store.exportPatron(key);
    LOG.info("patron data exported on staff request (P-RIGHTS-1)");
    ctx.json(export);
  }

  void erase(Context ctx) {
    PatronKey key = keyOf(ctx);
    PatronErasure erasure = store.erasePatron(key);
    // The wrong-PIN count is about the patron too: it goes with the rest (P-ERASE-3).
    alsoErase.accept(key);
    LOG.info("patron data erased on staff request (P-ERASE-3): {}", erasure);
    ctx.json(erasure);
  }

  private PatronKey keyOf(Context ctx) {
    String card = ctx.pathParam("cardNumber").strip();
    if (!CARD.matcher(card).matches()) {
      throw new BadRequestResponse("not a card number: 4 to 32 of A-Z, 0-9 and $:/.+-");
    }
    return hasher.keyOf(card);
  }
}
