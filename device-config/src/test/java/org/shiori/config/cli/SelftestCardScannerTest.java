package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** selftest's card scanner line: the configured device node is there and opens, or why not. */
class SelftestCardScannerTest {
  @TempDir Path dir;

  private String selftest(String evdevPath) throws Exception {
    return SelftestRun.kiosk(
        dir, "kiosk-1", "card:", "  evdev:", "    path: " + evdevPath, "    eventBytes: 24");
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
