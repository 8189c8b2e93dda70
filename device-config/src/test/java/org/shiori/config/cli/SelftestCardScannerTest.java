package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** selftest's card scanner line: the configured device node is there and opens, or why not. */
class SelftestCardScannerTest {
  @TempDir Path dir;

  private String selftest(String evdevPath) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("device.yaml"),
            String.join(
                "\n",
                "deviceId: kiosk-1",
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
                "dataDir: " + dir.resolve("data"),
                "card:",
                "  evdev:",
                "    path: " + evdevPath,
                "    eventBytes: 24",
                ""));
    StringWriter out = new StringWriter();
    DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
        .execute("selftest", "--config", config.toString());
    return out.toString();
  }

  @Test
  void aScannerNodeThatOpensPasses() throws Exception {
    Path node = Files.writeString(dir.resolve("event-kbd"), "");
    assertThat(selftest(node.toString()))
        .contains("PASS  card scanner", "card.evdev.path " + node + " opens for reading");
  }

  @Test
  void aMissingScannerNodeFailsNamingTheField() throws Exception {
    Path missing = dir.resolve("unplugged-event-kbd");
    assertThat(selftest(missing.toString()))
        .contains("FAIL  card scanner", "card.evdev.path " + missing + ": no such device");
  }
}
