package org.shiori.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a valid device configuration that reaches nothing: a broker on a closed port, a
 * reader port that does not exist, the data directory under {@code dir}. For tests of commands
 * (selftest and the like) that read a configuration but must not find a running device.
 */
public final class OfflineDeviceYaml {
  private OfflineDeviceYaml() {}

  /** The lines, one key each, for a device of {@code role} ({@code kiosk} or {@code gate}). */
  public static List<String> lines(Path dir, String deviceId, String role) {
    return new ArrayList<>(
        List.of(
            "deviceId: " + deviceId,
            "role: " + role,
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
  }
}
