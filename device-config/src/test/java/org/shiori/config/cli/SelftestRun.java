package org.shiori.config.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A provisioned-looking kiosk configuration in a scratch directory (no broker, no reader on its
 * port) and {@code selftest} run on it, for tests of single selftest lines.
 */
final class SelftestRun {
  private SelftestRun() {}

  /** Writes the kiosk configuration, {@code extraLines} appended, and returns selftest's table. */
  static String kiosk(Path dir, String deviceId, String... extraLines) throws Exception {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "deviceId: " + deviceId,
                "role: kiosk",
                "tenant: t1",
                "branch: main",
                "broker:",
                "  url: tcp://127.0.0.1:1",
                "reader:",
                "  protocol: feig",
                "  port: " + dir.resolve("no-reader"),
                "security:",
                "  mode: afi",
                "dataDir: " + dir.resolve("data")));
    lines.addAll(List.of(extraLines));
    lines.add("");
    Path config = Files.writeString(dir.resolve("device.yaml"), String.join("\n", lines));
    StringWriter out = new StringWriter();
    DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
        .execute("selftest", "--config", config.toString());
    return out.toString();
  }
}
