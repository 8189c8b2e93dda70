package org.shiori.kiosk.app;

import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.store.SqliteStore;
import org.shiori.kiosk.session.KioskIdentity;
import org.shiori.kiosk.session.OfflineGuard;
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
 */
public record SessionWiring(
    KioskIdentity identity,
    CirculationRules rules,
    SqliteStore store,
    TagReader reader,
    SecurityMode security,
    CardHasher hasher,
    OfflineGuard.Limits offlineLimits,
    CentralConnection central) {}
