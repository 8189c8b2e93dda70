package org.shiori.kiosk.app;

import java.util.Optional;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.SessionSettings;
import org.shiori.device.store.SqliteStore;
import org.shiori.kiosk.pad.PadScanner;
import org.shiori.kiosk.session.KioskIdentity;
import org.shiori.kiosk.session.OfflineGuard;
import org.shiori.kiosk.session.PinService;
import org.shiori.kiosk.session.StaffCards;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.security.SecurityMode;

/**
 * What a kiosk session is built from.
 *
 * @param identity who the kiosk is
 * @param rules the lending rules
 * @param store catalog, patron cache and ledger
 * @param reader the pad's reader
 * @param security how tags are secured and released
 * @param hasher card number to patron key
 * @param offlineLimits lending limits while central is unreachable
 * @param central the started link to central
 * @param timings how sessions end
 * @param pins PIN checks and lockouts
 * @param padCardUsage the ISO 28560 type of usage of patron cards read on the pad, if they are
 * @param staffCards the cards that open the staff status screen, on every card path
 */
public record SessionWiring(
    KioskIdentity identity,
    CirculationRules rules,
    SqliteStore store,
    TagReader reader,
    SecurityMode security,
    CardHasher hasher,
    OfflineGuard.Limits offlineLimits,
    CentralConnection central,
    SessionSettings timings,
    PinService pins,
    Optional<Integer> padCardUsage,
    StaffCards staffCards) {

  /** Default session timings, no PIN checks, no patron cards on the pad, no staff cards. */
  public SessionWiring(
      KioskIdentity identity,
      CirculationRules rules,
      SqliteStore store,
      TagReader reader,
      SecurityMode security,
      CardHasher hasher,
      OfflineGuard.Limits offlineLimits,
      CentralConnection central) {
    this(
        identity,
        rules,
        store,
        reader,
        security,
        hasher,
        offlineLimits,
        central,
        SessionSettings.DEFAULT,
        PinService.unavailable(),
        Optional.empty(),
        StaffCards.none());
  }

  /** The same wiring with {@code cards} as its staff cards. */
  public SessionWiring withStaffCards(StaffCards cards) {
    return new SessionWiring(
        identity,
        rules,
        store,
        reader,
        security,
        hasher,
        offlineLimits,
        central,
        timings,
        pins,
        padCardUsage,
        cards);
  }

  Optional<PadScanner.PatronCards> patronCards(org.shiori.kiosk.card.CardSink sink) {
    return padCardUsage.map(usage -> new PadScanner.PatronCards(usage, sink::cardScanned));
  }
}
