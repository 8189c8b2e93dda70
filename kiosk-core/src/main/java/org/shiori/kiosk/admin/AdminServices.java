package org.shiori.kiosk.admin;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.admin.DeviceStatus;
import org.shiori.device.store.SqliteStore;

/**
 * What the admin API works on.
 *
 * @param status the device's current status
 * @param store the device's store: rejections, patron export and erasure
 * @param hasher turns a card number given by staff into the patron key the store knows
 * @param refused told of each refused request (no or wrong token), to report it (P-BREACH-1)
 * @param alsoErase erases what the device keeps about a patron outside the store (the PIN
 *     lockouts), with the store's erasure
 */
public record AdminServices(
    Supplier<DeviceStatus> status,
    SqliteStore store,
    CardHasher hasher,
    Runnable refused,
    Consumer<PatronKey> alsoErase) {
  public AdminServices {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(refused, "refused");
    Objects.requireNonNull(alsoErase, "alsoErase");
  }

  /** Services of a device that keeps nothing about patrons outside its store. */
  public AdminServices(
      Supplier<DeviceStatus> status, SqliteStore store, CardHasher hasher, Runnable refused) {
    this(status, store, hasher, refused, key -> {});
  }
}
