package org.shiori.config.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status}: what the running kiosk reports on its admin API, as a table. Exit 0 when online.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the running service's state from its admin API (127.0.0.1:admin.port, token in",
      "dataDir/admin.token): version, uptime, broker, outbox, sync per data set, reader, rules in use."
    })
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "/etc/shiori/device.yaml",
      paramLabel = "FILE",
      description = "The device configuration (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config);
    } catch (ConfigException e) {
      e.errors().stream().map(ConfigError::toString).forEach(err::println);
      err.flush();
      return 1;
    }
    JsonNode s;
    try {
      s = AdminClient.of(device).get("/admin/status");
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    row(out, "device", s.path("deviceId").asText() + " (" + s.path("role").asText() + ")");
    row(out, "version", s.path("version").asText());
    row(out, "started", s.path("startedAt").asText("?"));
    row(
        out,
        "broker",
        device.broker().url()
            + (s.path("online").asBoolean()
                ? " online"
                : " OFFLINE since " + s.path("offlineSince").asText()));
    row(out, "outbox", s.path("outboxPending").asInt() + " pending");
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("lastSync").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> d = it.next();
      row(
          out,
          "sync " + d.getKey(),
          "version "
              + d.getValue().path("sequence").asLong()
              + ", at "
              + d.getValue().path("at").asText("never"));
    }
    JsonNode reader = s.path("reader");
    row(out, "reader", reader.toString());
    JsonNode rules = s.path("rulesInUse");
    row(
        out,
        "rules in use",
        "policy version "
            + rules.path("policy").asLong()
            + ", calendar version "
            + rules.path("calendar").asLong());
    out.flush();
    return s.path("online").asBoolean() ? 0 : 1;
  }

  private static void row(PrintWriter out, String name, String value) {
    out.printf("%-16s %s%n", name, value);
  }
}
