package org.shiori.kiosk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.shiori.device.app.JsonMapping;
import org.shiori.kiosk.receipt.PrinterState;
import org.shiori.kiosk.receipt.Receipt;
import org.shiori.kiosk.session.ItemOutcome;
import org.shiori.kiosk.session.KioskSession;
import org.shiori.kiosk.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patron screen: static pages, the session pushed as server-sent events on {@code
 * /api/session/events}, the language files, help, receipts and the staff status. It binds to
 * loopback by default; the kiosk's browser runs on the same device.
 */
public final class KioskWebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskWebServer.class);

  private final Javalin app;
  private final KioskSession session;
  private final PatronScreenParts parts;
  private final ScreenJson screenJson;
  private final ScreenPush push;

  /**
   * @param session the kiosk session the screen shows
   * @param parts what the screen shows and does beside the session
   * @param extraRoutes further routes (the demo's simulator), registered on the same server
   */
  public KioskWebServer(
      KioskSession session, PatronScreenParts parts, List<Consumer<Javalin>> extraRoutes) {
    this.session = session;
    this.parts = parts;
    ObjectMapper json = JsonMapping.create();
    this.screenJson = new ScreenJson(json, parts.texts());
    this.push = new ScreenPush(() -> screenJson.of(session.view(), status()));
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/web/patron";
                    files.location = Location.CLASSPATH;
                  });
            });
    session.addViewListener(view -> push.changed());
    app.get("/api/session", ctx -> ctx.json(screenJson.of(session.view(), status())));
    app.sse("/api/session/events", push::open);
    app.post(
        "/api/session/finish",
        ctx -> {
          session.finish();
          ctx.status(202);
        });
    app.get("/api/screen", ctx -> ctx.json(screenFacts()));
    app.get("/api/texts/{language}", this::texts);
    app.post(
        "/api/help",
        ctx -> {
          LOG.info("a patron asked for help at the screen");
          parts.helpRequested().run();
          ctx.status(202);
        });
    app.post("/api/receipt", this::receipt);
    app.post("/api/staff", this::staff);
    app.get("/api/staff", this::staffByCard);
    app.post(
        "/api/staff/touch",
        ctx -> {
          session.staffTouched();
          ctx.status(202);
        });
    app.post(
        "/api/staff/close",
        ctx -> {
          session.closeStaff();
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
    app.post(
        "/api/loans",
        ctx -> {
          session.showMyLoans();
          ctx.status(202);
        });
    app.post(
        "/api/loans/close",
        ctx -> {
          session.closeMyLoans();
          ctx.status(202);
        });
    app.post(
        "/api/loans/renew",
        ctx -> {
          Optional<String> item = RenewalEntry.itemIdOf(ctx.body());
          if (item.isEmpty()) {
            ctx.status(400).json(Map.of("error", RenewalEntry.EXPECTED));
            return;
          }
          session.renew(item.get());
          ctx.status(202);
        });
    extraRoutes.forEach(routes -> routes.accept(app));
  }

  private ScreenStatus status() {
    return new ScreenStatus(
        parts.readerAnswering().getAsBoolean(),
        parts.unreadableTags().getAsInt(),
        parts.printer().map(p -> p.state().name()).orElse(PrinterState.NONE.name()));
  }

  private Map<String, Object> screenFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("languages", parts.texts().languages());
    LocalDate today = LocalDate.now(parts.clock());
    facts.put("today", today.toString());
    facts.put("hoursToday", parts.hoursOn().apply(today).orElse(null));
    facts.put("staffMode", parts.staff().pinSha256().isPresent());
    facts.put("staffOpenSeconds", parts.staff().openFor().toSeconds());
    return facts;
  }

  private void texts(io.javalin.http.Context ctx) {
    String language = ctx.pathParam("language");
    parts
        .texts()
        .texts(language)
        .ifPresentOrElse(
            ctx::json,
            () ->
                ctx.status(404)
                    .json(
                        Map.of(
                            "error",
                            "no language file for " + language,
                            "allowed",
                            parts.texts().languages())));
  }

  /** Prints the lent items of the session in progress, in the patron's language. */
  private void receipt(io.javalin.http.Context ctx) {
    if (parts.printer().isEmpty()) {
      ctx.status(404).json(Map.of("printer", PrinterState.NONE.name()));
      return;
    }
    String language = ctx.queryParamAsClass("language", String.class).getOrDefault("ja");
    if (parts.texts().texts(language).isEmpty()) {
      language = parts.texts().defaultLanguage();
    }
    SessionView view = session.view();
    List<Receipt.Line> lines =
        view.outcomes().stream()
            .filter(o -> o.result() == ItemOutcome.Result.LENT && o.dueDate().isPresent())
            .map(o -> new Receipt.Line(o.itemId(), o.title(), o.dueDate().get()))
            .toList();
    if (view.mode() != SessionView.Mode.CHECKOUT || lines.isEmpty()) {
      ctx.status(409).json(Map.of("error", "nothing lent in this session"));
      return;
    }
    PrinterState state =
        parts.printer().get().print(new Receipt(language, LocalDate.now(parts.clock()), lines));
    push.changed();
    ctx.status(state == PrinterState.READY ? 200 : 503).json(Map.of("printer", state.name()));
  }

  private void staff(io.javalin.http.Context ctx) {
    String pin = ctx.formParam("pin");
    if (pin == null) {
      pin = ctx.bodyAsClass(Map.class).getOrDefault("pin", "").toString();
    }
    if (!parts.staff().accepts(pin)) {
      LOG.warn("staff status screen: wrong PIN");
      ctx.status(403).json(Map.of("error", "wrong PIN"));
      return;
    }
    ctx.json(staffStatus());
  }

  /** The status while a staff card holds the status screen open; 403 otherwise. */
  private void staffByCard(io.javalin.http.Context ctx) {
    if (!session.view().staffOpen()) {
      ctx.status(403).json(Map.of("error", "no staff card was scanned"));
      return;
    }
    ctx.json(staffStatus());
  }

  /** Device health only: the staff screen never shows patron data. */
  private Map<String, Object> staffStatus() {
    parts.printer().ifPresent(p -> p.check());
    Map<String, Object> status = new LinkedHashMap<>(parts.staff().status().get());
    status.put("printer", parts.printer().map(p -> p.state().name()).orElse("NONE"));
    return status;
  }

  /** Starts serving; port 0 picks a free port. Returns the port in use. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  /** How many pages listen to the pushed session now. */
  public int pages() {
    return push.pages();
  }

  @Override
  public void close() {
    push.close();
    app.stop();
  }
}
