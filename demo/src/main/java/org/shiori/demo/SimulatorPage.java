package org.shiori.demo;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The simulator's static page under {@code /sim/}, served from the demo's own class-path folder
 * {@code sim-page/}. It is not part of the kiosk's {@code /web} folder, so a production kiosk,
 * which does not have the demo module, has no such page at all.
 */
final class SimulatorPage {
  private static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "sim.js", "text/javascript; charset=utf-8",
          "sim.css", "text/css; charset=utf-8");

  private SimulatorPage() {}

  static void register(Javalin app) {
    // "/sim" and "/sim/" are one route: Javalin ignores trailing slashes.
    app.get("/sim", ctx -> serve(ctx, "index.html"));
    app.get("/sim/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
  }

  private static void serve(Context ctx, String file) {
    String type = FILES.get(file);
    if (type == null) {
      throw new NotFoundResponse();
    }
    try (InputStream in = SimulatorPage.class.getResourceAsStream("/sim-page/" + file)) {
      if (in == null) {
        throw new NotFoundResponse();
      }
      ctx.contentType(type).result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
