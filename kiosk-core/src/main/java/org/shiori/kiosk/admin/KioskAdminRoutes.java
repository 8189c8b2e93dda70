package org.shiori.kiosk.admin;

import java.util.List;
import org.shiori.device.admin.AdminAnswer;
import org.shiori.device.admin.AdminRefusal;
import org.shiori.device.admin.AdminRequest;
import org.shiori.device.admin.AdminRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's routes of the local admin API (docs/admin-api.md): status, central's rejections, and
 * a patron's export and erasure. The device's {@code AdminServer} checks the token first.
 */
public final class KioskAdminRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(KioskAdminRoutes.class);

  private KioskAdminRoutes() {}

  public static List<AdminRoute> of(AdminServices services) {
    PatronRequests patrons =
        new PatronRequests(services.store(), services.hasher(), services.alsoErase());
    return List.of(
        AdminRoute.get("/admin/status", r -> AdminAnswer.ok(services.status().get())),
        AdminRoute.get("/admin/rejections", r -> AdminAnswer.ok(services.store().rejections())),
        AdminRoute.post("/admin/rejections/{seq}/resolve", r -> resolveRejection(services, r)),
        AdminRoute.get("/admin/patrons/{cardNumber}", patrons::export),
        AdminRoute.delete("/admin/patrons/{cardNumber}", patrons::erase));
  }

  private static AdminAnswer resolveRejection(AdminServices services, AdminRequest request) {
    long sequence;
    try {
      sequence = Long.parseLong(request.pathParam("seq"));
    } catch (NumberFormatException e) {
      throw AdminRefusal.badRequest("seq must be a transaction sequence number");
    }
    if (!services.store().resolveRejection(sequence)) {
      throw AdminRefusal.notFound("no open rejection with sequence " + sequence);
    }
    LOG.info("rejection of transaction sequence {} resolved by staff", sequence);
    return AdminAnswer.noContent();
  }
}
