package org.shiori.kiosk.admin;

import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.admin.AdminAnswer;
import org.shiori.device.admin.AdminRefusal;
import org.shiori.device.admin.AdminRequest;
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
  private final Consumer<PatronKey> alsoErase;

  PatronRequests(SqliteStore store, CardHasher hasher, Consumer<PatronKey> alsoErase) {
    this.store = store;
    this.hasher = hasher;
    this.alsoErase = alsoErase;
  }

  AdminAnswer export(AdminRequest request) {
    PatronKey key = keyOf(request);
    PatronExport export = store.exportPatron(key);
    LOG.info("patron data exported on staff request (P-RIGHTS-1)");
    return AdminAnswer.ok(export);
  }

  AdminAnswer erase(AdminRequest request) {
    PatronKey key = keyOf(request);
    PatronErasure erasure = store.erasePatron(key);
    // The wrong-PIN count is about the patron too: it goes with the rest (P-ERASE-3).
    alsoErase.accept(key);
    LOG.info("patron data erased on staff request (P-ERASE-3): {}", erasure);
    return AdminAnswer.ok(erasure);
  }

  private PatronKey keyOf(AdminRequest request) {
    String card = request.pathParam("cardNumber").strip();
    if (!CARD.matcher(card).matches()) {
      throw AdminRefusal.badRequest("not a card number: 4 to 32 of A-Z, 0-9 and $:/.+-");
    }
    return hasher.keyOf(card);
  }
}
