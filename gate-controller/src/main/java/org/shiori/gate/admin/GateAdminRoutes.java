package org.shiori.gate.admin;

import java.util.List;
import java.util.function.Supplier;
import org.shiori.device.admin.AdminAnswer;
import org.shiori.device.admin.AdminRefusal;
import org.shiori.device.admin.AdminRoute;
import org.shiori.device.admin.DeviceStatus;

/**
 * The gate's routes of the local admin API (docs/admin-api.md): its status. A gate holds no patron
 * data (its sync drops patrons and the holder of each hold, P-MIN-1), so the patron routes answer
 * 404 saying so, without looking at the card number; it lends nothing, so there are no rejections.
 */
public final class GateAdminRoutes {
  /** The reason the patron routes give on a gate. */
  public static final String NO_PATRON_DATA =
      "a gate holds no patron data: export or erase at a kiosk or at central";

  private GateAdminRoutes() {}

  public static List<AdminRoute> of(Supplier<DeviceStatus> status) {
    AdminRoute.Handler noPatrons =
        request -> {
          throw AdminRefusal.notFound(NO_PATRON_DATA);
        };
    return List.of(
        AdminRoute.get("/admin/status", request -> AdminAnswer.ok(status.get())),
        AdminRoute.get("/admin/patrons/{cardNumber}", noPatrons),
        AdminRoute.delete("/admin/patrons/{cardNumber}", noPatrons));
  }
}
