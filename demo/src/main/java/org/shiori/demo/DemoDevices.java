package org.shiori.demo;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.shiori.emulator.FaultInjection;
import org.shiori.emulator.ReaderEmulator;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.tag.TagUid;

/**
 * The simulator's device faults and the demo printer: a reader that stops answering, a tag whose
 * memory cannot be read, a tag whose security bit cannot be written, a printer out of paper.
 */
final class DemoDevices {
  /** The UID of the demo's blank tag: in the field, but carrying no item. */
  static final String BLANK_TAG = "E0040150AAAA0001";

  private final ReaderEmulator reader;
  private final DemoPad pad;
  private final DemoPrinter printer;

  DemoDevices(ReaderEmulator reader, DemoPad pad, DemoPrinter printer) {
    this.reader = reader;
    this.pad = pad;
    this.printer = printer;
  }

  /** Request body of {@code PUT /sim/api/faults}. */
  record Faults(String reader, List<String> lockedSecurity, Boolean blankTagOnPad, Boolean paper) {}

  void register(Javalin app) {
    app.put("/sim/api/faults", this::faults);
    app.get(
        "/sim/api/printer",
        ctx -> ctx.json(Map.of("printed", Base64.getEncoder().encodeToString(printer.printed()))));
    app.delete("/sim/api/printer", ctx -> printer.clear());
  }

  private void faults(Context ctx) {
    Faults f = ctx.bodyAsClass(Faults.class);
    if (f == null) {
      ctx.status(400).json(Map.of("error", "body must be a JSON object"));
      return;
    }
    if (f.reader() != null) {
      FaultInjection.Fault fault;
      try {
        fault = FaultInjection.Fault.valueOf(f.reader());
      } catch (IllegalArgumentException e) {
        ctx.status(400)
            .json(
                Map.of("error", "reader: unknown fault", "allowed", FaultInjection.Fault.values()));
        return;
      }
      if (fault == FaultInjection.Fault.NONE) {
        reader.faults().clear();
      } else {
        reader.faults().always(fault);
      }
    }
    if (f.lockedSecurity() != null) {
      for (String uid : f.lockedSecurity()) {
        VirtualTag tag = pad.tag(uid);
        if (tag == null) {
          ctx.status(400).json(Map.of("error", "unknown tag uid", "uid", uid));
          return;
        }
        tag.lockAfi();
      }
    }
    if (f.blankTagOnPad() != null) {
      if (f.blankTagOnPad()) {
        pad.field().put(VirtualTag.slix(TagUid.fromHex(BLANK_TAG)));
      } else {
        pad.field().remove(TagUid.fromHex(BLANK_TAG));
      }
    }
    if (f.paper() != null) {
      printer.setPaper(f.paper());
    }
    ctx.json(Map.of("applied", true));
  }
}
