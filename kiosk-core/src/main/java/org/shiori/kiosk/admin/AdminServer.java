package org.shiori.kiosk.admin;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.shiori.kiosk.web.JsonMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's local admin API for technicians and staff (docs/admin-api.md): status, central's
 * rejections, and a patron's export and erasure. Every request needs the bearer token of {@link
 * AdminToken}. Request paths may carry a card number, so nothing here logs a path.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  private final Javalin app;
  private final AdminToken token;
  private final AdminServices services;

  public AdminServer(AdminToken token, AdminServices services) {
    this.token = token;
    this.services = services;
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(JsonMapping.create(), false));
            });
    app.before(this::requireToken);
    app.get("/admin/status", ctx -> ctx.json(services.status().get()));
    app.get("/admin/rejections", ctx -> ctx.json(services.store().rejections()));
    app.post("/admin/rejections/{seq}/resolve", this::resolveRejection);
    PatronRequests patrons =
        new PatronRequests(services.store(), services.hasher(), services.alsoErase());
    app.get("/admin/patrons/{cardNumber}", patrons::export);
    app.delete("/admin/patrons/{cardNumber}", patrons::erase);
    app.exception(
        RuntimeException.class,
        (e, ctx) -> {
          LOG.error("admin request failed: {}", e.getClass().getName());
          ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
              .json(Map.of("error", "internal error, see the device log"));
        });
  }

  /** Starts serving and returns the port in use (0 picks a free one). */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  private void requireToken(Context ctx) {
    if (!token.accepts(ctx.header("Authorization"))) {
      services.refused().run();
      ctx.header("WWW-Authenticate", "Bearer realm=\"shiori-admin\"");
      throw new UnauthorizedResponse("a valid bearer token is required");
    }
  }

  private void resolveRejection(Context ctx) {
    long sequence;
    try {
      sequence = Long.parseLong(ctx.pathParam("seq"));
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("seq must be a transaction sequence number");
    }
    if (!services.store().resolveRejection(sequence)) {
      throw new NotFoundResponse("no open rejection with sequence " + sequence);
    }
    LOG.info("rejection of transaction sequence {} resolved by staff", sequence);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  @Override
  public void close() {
    app.stop();
  }
}
