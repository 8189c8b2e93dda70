package org.shiori.kiosk.session;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Who this kiosk is.
 *
 * @param tenant the library system
 * @param deviceId the device
 * @param branch the service point it stands in
 * @param zone the branch's time zone, for due dates
 */
public record KioskIdentity(String tenant, String deviceId, String branch, ZoneId zone) {
  public KioskIdentity {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(zone, "zone");
  }
}
