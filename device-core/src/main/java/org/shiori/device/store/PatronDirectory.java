package org.shiori.device.store;

import java.util.Optional;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;

/**
 * The device's cache of patrons, by keyed card hash. Counts include loans made on this device that
 * central has not yet reflected in a sync (R-LIMIT-7).
 */
public interface PatronDirectory {
  Optional<PatronSnapshot> find(PatronKey key);
}
