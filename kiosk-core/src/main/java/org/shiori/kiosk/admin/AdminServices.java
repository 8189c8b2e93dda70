package org.shiori.kiosk.admin;

import java.util.Objects;
import java.util.function.Supplier;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.store.SqliteStore;

/**
 * What the admin API works on.
 *
 * @param status the device's current status
 * @param store the device's store: rejections, patron export and erasure
 * @param hasher turns a card number given by staff into the patron key the store knows
 * @param refused told of each refused request (no or wrong token), to report it (P-BREACH-1)
 */
public record AdminServices(
    Supplier<DeviceStatus> status, SqliteStore store, CardHasher hasher, Runnable refused) {
  public AdminServices {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(refused, "refused");
  }
}
