package org.shiori.gate.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;

/** Gate configurations for tests: a gate on a loopback broker with an emulated reader. */
public final class GateConfigs {
  private GateConfigs() {}

  /**
   * @param deviceId the gate's id
   * @param tenant the library system
   * @param brokerPort the loopback broker's port
   * @param dataDir the gate's data directory
   * @param more further YAML lines (security, gate section)
   */
  public static DeviceConfig gate(
      String deviceId, String tenant, int brokerPort, Path dataDir, String... more)
      throws ConfigException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "deviceId: " + deviceId,
                "role: gate",
                "tenant: " + tenant,
                "branch: central",
                "broker:",
                "  url: tcp://127.0.0.1:" + brokerPort,
                "reader:",
                "  protocol: emulated",
                "dataDir: " + dataDir));
    lines.addAll(List.of(more));
    lines.add("");
    return DeviceConfig.fromYaml(
        String.join("\n", lines), dataDir.resolve("device.yaml").toString());
  }
}
