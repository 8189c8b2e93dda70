package org.shiori.config.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.shiori.testkit.OfflineDeviceYaml;

/**
 * A provisioned-looking kiosk configuration in a scratch directory (no broker, no reader on its
 * port) and {@code selftest} run on it, for tests of single selftest lines.
 */
final class SelftestRun {
  private SelftestRun() {}

  /** Writes the kiosk configuration, {@code extraLines} appended, and returns selftest's table. */
  static String kiosk(Path dir, String deviceId, String... extraLines) throws Exception {
    List<String> lines = OfflineDeviceYaml.lines(dir, deviceId, "kiosk");
    lines.addAll(List.of(extraLines));
    lines.add("");
    Path config = Files.writeString(dir.resolve("device.yaml"), String.join("\n", lines));
    StringWriter out = new StringWriter();
    DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
        .execute("selftest", "--config", config.toString());
    return out.toString();
  }
}
