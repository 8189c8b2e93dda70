package org.shiori.demo;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shiori.central.app.CentralService;
import org.shiori.central.ingest.ReceivedTransaction;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.kiosk.session.KioskSession;
import org.shiori.rfid.security.SecurityMode;

/** The demo simulator's JSON API under {@code /sim/api}: a person at the kiosk, as a script. */
final class SimulatorApi {
  /** Body of {@code POST /sim/api/card}. */
  record CardScan(String barcode) {}

  /** Body of {@code PUT /sim/api/pad}. */
  record PadContents(List<String> tags) {}

  private final DemoLibrary library;
  private final DemoPad pad;
  private final KioskSession session;
  private final Optional<CentralService> central;
  private final SecurityMode security;
  private final Map<String, ItemRecord> items = new LinkedHashMap<>();

  SimulatorApi(
      DemoLibrary library,
      DemoPad pad,
      KioskSession session,
      Optional<CentralService> central,
      SecurityMode security) {
    this.library = library;
    this.pad = pad;
    this.session = session;
    this.central = central;
    this.security = security;
    library.items().forEach(item -> items.put(item.itemId(), item));
  }

  void register(Javalin app) {
    SimulatorPage.register(app);
    app.post("/sim/api/card", this::scanCard);
    app.put("/sim/api/pad", this::placeTags);
    app.get("/sim/api/pad", ctx -> ctx.json(Map.of("tags", onPad())));
    app.get("/sim/api/catalog", this::catalog);
    app.get("/sim/api/patrons", this::patrons);
    app.get("/sim/api/central", this::received);
  }

  private void scanCard(Context ctx) {
    CardScan scan = ctx.bodyAsClass(CardScan.class);
    if (scan == null || scan.barcode() == null || scan.barcode().isBlank()) {
      ctx.status(400).json(Map.of("error", "body must be {\"barcode\": \"...\"}"));
      return;
    }
    session.cardScanned(scan.barcode());
    ctx.status(202).json(Map.of("scanned", true));
  }

  private void placeTags(Context ctx) {
    PadContents contents = ctx.bodyAsClass(PadContents.class);
    if (contents == null || contents.tags() == null) {
      ctx.status(400).json(Map.of("error", "body must be {\"tags\": [\"<uid>\", ...]}"));
      return;
    }
    List<String> unknown = pad.unknown(contents.tags());
    if (!unknown.isEmpty()) {
      ctx.status(400).json(Map.of("error", "unknown tag uid(s)", "unknown", unknown));
      return;
    }
    pad.place(new LinkedHashSet<>(contents.tags()));
    ctx.json(Map.of("tags", onPad()));
  }

  private List<String> onPad() {
    return pad.demoTags().stream().map(DemoLibrary.DemoTag::uid).filter(pad::onPad).toList();
  }

  private void catalog(Context ctx) {
    ctx.json(
        pad.demoTags().stream()
            .map(
                tag -> {
                  ItemRecord item = items.get(tag.itemId());
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("uid", tag.uid());
                  row.put("itemId", tag.itemId());
                  row.put("part", tag.part());
                  row.put("parts", tag.parts());
                  row.put("title", item.title());
                  row.put("material", item.material());
                  row.put("security", securityState(tag.uid()));
                  row.put("onPad", pad.onPad(tag.uid()));
                  return row;
                })
            .toList());
  }

  private String securityState(String uid) {
    var tag = pad.tag(uid);
    if (security.method() == SecurityMode.Method.EAS) {
      return tag.eas() ? "secured" : "released";
    }
    int afi = tag.afi();
    return afi == security.securedAfi()
        ? "secured"
        : afi == security.releasedAfi() ? "released" : String.format("afi-0x%02X", afi);
  }

  private void patrons(Context ctx) {
    ctx.json(
        library.patrons().stream()
            .map(p -> Map.of("barcode", p.barcode(), "situation", p.situation(), "note", p.note()))
            .toList());
  }

  private void received(Context ctx) {
    if (central.isEmpty()) {
      ctx.status(404).json(Map.of("error", "central runs elsewhere: see its own database"));
      return;
    }
    ctx.json(central.get().received().stream().map(SimulatorApi::row).toList());
  }

  private static Map<String, Object> row(ReceivedTransaction received) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("sequence", received.sequence());
    row.put("txId", received.txId().toString());
    row.put("type", received.type().name());
    row.put("itemId", received.itemId());
    row.put("dueDate", received.dueDate().map(Object::toString).orElse(null));
    row.put("deviceId", received.deviceId());
    row.put("offline", received.offline());
    row.put("accepted", received.accepted());
    row.put("reason", received.reason().orElse(null));
    row.put("receivedAt", received.receivedAt().toString());
    return row;
  }
}
