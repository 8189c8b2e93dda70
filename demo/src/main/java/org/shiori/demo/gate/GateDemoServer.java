package org.shiori.demo.gate;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shiori.gate.passage.GateAlarm;
import org.shiori.rfid.tag.TagUid;

/**
 * The gate demo's HTTP side: the script API under {@code /sim/api} and the gate monitor page at
 * {@code /gate/} (live alarms with titles, visitor count, device health).
 */
final class GateDemoServer implements AutoCloseable {
  /** Body of {@code POST /sim/api/walk}. */
  record Walk(List<String> tags) {}

  private static final String BODY = "body must be {\"tags\": [\"<uid>\", ...]}";
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final GateDemo demo;
  private final Javalin app;

  GateDemoServer(GateDemo demo) {
    this.demo = demo;
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/gate";
                    files.directory = "/gate-monitor";
                    files.location = Location.CLASSPATH;
                  });
            });
    app.get("/", ctx -> ctx.redirect("/gate/"));
    app.get("/sim/api/catalog", this::catalog);
    app.post("/sim/api/walk", this::walk);
    app.get("/sim/api/outputs", ctx -> ctx.json(demo.outputs()));
    app.get("/sim/api/monitor", this::monitor);
  }

  int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  private void catalog(Context ctx) {
    ctx.json(
        GateDemoCatalogue.ITEMS.stream()
            .map(
                e -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("uid", e.uid().hex());
                  m.put("itemId", e.itemId());
                  m.put("title", e.title());
                  m.put("onLoan", e.onLoan());
                  return m;
                })
            .toList());
  }

  private void walk(Context ctx) throws InterruptedException {
    List<TagUid> uids;
    try {
      Walk walk = JSON.readValue(ctx.body(), Walk.class);
      if (walk == null || walk.tags() == null || walk.tags().isEmpty()) {
        throw new IllegalArgumentException(BODY);
      }
      uids = walk.tags().stream().map(TagUid::fromHex).toList();
    } catch (IllegalArgumentException e) {
      ctx.status(400).json(Map.of("error", String.valueOf(e.getMessage())));
      return;
    } catch (java.io.IOException e) {
      ctx.status(400).json(Map.of("error", BODY));
      return;
    }
    try {
      demo.walk(uids);
    } catch (IllegalArgumentException e) {
      ctx.status(400).json(Map.of("error", e.getMessage()));
      return;
    }
    ctx.json(Map.of("walked", uids.size()));
  }

  private void monitor(Context ctx) {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("brokerConnected", demo.gate().link().isConnected());
    health.put("readerRounds", demo.gate().monitor().rounds());
    health.put("faultyReaderRounds", demo.gate().monitor().faultyRounds());
    health.put("eventsWaiting", demo.gate().events().pending());
    Map<String, Object> body = new LinkedHashMap<>();
    List<Map<String, Object>> newestFirst = new ArrayList<>();
    for (GateAlarm a : demo.alarms()) {
      newestFirst.add(0, alarmView(a));
    }
    body.put("alarms", newestFirst);
    var totals = demo.gate().visitors().map(v -> v.totals());
    body.put("visitors", totals.map(t -> t.in() + t.out()).orElse(0L));
    body.put("visitorsIn", totals.map(t -> t.in()).orElse(0L));
    body.put("visitorsOut", totals.map(t -> t.out()).orElse(0L));
    body.put("health", health);
    ctx.json(body);
  }

  private static Map<String, Object> alarmView(GateAlarm a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("itemId", a.itemId());
    m.put("title", a.title());
    m.put("mismatch", a.mismatch());
    return m;
  }

  @Override
  public void close() {
    app.stop();
  }
}
