package org.shiori.kiosk.app;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.shiori.device.admin.DeviceStatus;
import org.shiori.device.store.SqliteStore;
import org.shiori.protocol.Dataset;

/**
 * The staff status screen's content: the device's health from the admin status, the age of the item
 * cache and the number of rejected transactions. No patron data: no card, no key, no loan.
 */
final class StaffStatus implements Supplier<Map<String, Object>> {
  private final Supplier<DeviceStatus> device;
  private final SqliteStore store;
  private final Clock clock;

  StaffStatus(Supplier<DeviceStatus> device, SqliteStore store, Clock clock) {
    this.device = device;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> get() {
    DeviceStatus status = device.get();
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put(
        "reader",
        status.reader().answering() ? "OK" : status.reader().lastProblem().orElse("NOT_ANSWERING"));
    shown.put("broker", status.online() ? "ONLINE" : "OFFLINE");
    shown.put("outboxPending", status.outboxPending());
    shown.put(
        "cacheAgeMinutes",
        store
            .lastSyncAt(Dataset.ITEMS)
            .map(at -> Duration.between(at, clock.instant()).toMinutes())
            .orElse(null));
    shown.put("lastSync", store.lastSyncAt(Dataset.ITEMS).map(Object::toString).orElse(null));
    shown.put("rejections", store.rejections().size());
    return shown;
  }
}
