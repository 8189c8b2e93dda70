package org.shiori.device.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kiosk configuration on disk for the management tests; {@code outbox} varies it. */
final class DeviceConfigFiles {
  private DeviceConfigFiles() {}

  static String kiosk(Path dataDir, int outboxCapacity) {
    return "deviceId: kiosk-1\n"
        + "role: kiosk\n"
        + "tenant: t1\n"
        + "branch: main\n"
        + "broker:\n"
        + "  url: tcp://127.0.0.1:1883\n"
        + "reader:\n"
        + "  protocol: feig\n"
        + "  port: /dev/ttyUSB0\n"
        + "security:\n"
        + "  mode: afi\n"
        + "dataDir: "
        + dataDir
        + "\n"
        + "outbox:\n"
        + "  capacity: "
        + outboxCapacity
        + "\n";
  }

  static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
