package org.shiori.kiosk.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.shiori.kiosk.session.KioskSession;

/**
 * The patron screen: static pages plus a small JSON API the page polls. It binds to loopback by
 * default; the kiosk's browser runs on the same device.
 */
public final class KioskWebServer implements AutoCloseable {
  private final Javalin app;

  /**
   * @param session the kiosk session the screen shows
   * @param extraRoutes further routes (the demo's simulator), registered on the same server
   */
  public KioskWebServer(KioskSession session, List<Consumer<Javalin>> extraRoutes) {
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(JsonMapping.create(), false));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/web";
                    files.location = Location.CLASSPATH;
                  });
            });
    app.get("/api/session", ctx -> ctx.json(session.view()));
    app.post(
        "/api/session/finish",
        ctx -> {
          session.finish();
          ctx.status(202);
        });
    app.post(
        "/api/extend",
        ctx -> {
          session.extend();
          ctx.status(202);
        });
    app.post(
        "/api/pin",
        ctx -> {
          Optional<String> digits = PinEntry.digitsOf(ctx.body());
          if (digits.isEmpty()) {
            ctx.status(400).json(Map.of("error", PinEntry.EXPECTED));
            return;
          }
          session.pinEntered(digits.get());
          ctx.status(202);
        });
    extraRoutes.forEach(routes -> routes.accept(app));
  }

  /** Starts serving; port 0 picks a free port. Returns the port in use. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
