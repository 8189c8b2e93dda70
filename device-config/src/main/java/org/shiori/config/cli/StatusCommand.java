package org.shiori.config.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code status}: what the running kiosk or gate reports on its admin API, as a table, with the
 * uptime and the item cache's age worked out here. Exit 0 when online.
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

  @Mixin DeviceConfigFile config;

  /** Uptime and cache age are worked out against this clock, at the command line's edge. */
  private final Clock clock;

  StatusCommand() {
    this(Clock.systemUTC());
  }

  StatusCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config.path());
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
    row(
        out,
        "started",
        s.path("startedAt").asText("?")
            + age(s.path("startedAt")).map(a -> " (up " + a + ")").orElse(""));
    row(
        out,
        "broker",
        device.broker().url()
            + (s.path("online").asBoolean()
                ? " online"
                : " OFFLINE since " + s.path("offlineSince").asText()));
    row(
        out,
        "outbox",
        s.path("outboxPending").asInt()
            + (s.path("gate").isObject() ? " pending (events)" : " pending"));
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
    JsonNode items = s.path("lastSync").path("items").path("at");
    row(out, "cache age", age(items).map(a -> a + " (items)").orElse("never synced"));
    JsonNode reader = s.path("reader");
    row(out, "reader", reader.toString());
    JsonNode rules = s.path("rulesInUse");
    row(
        out,
        "rules in use",
        rules.isObject()
            ? "policy version "
                + rules.path("policy").asLong()
                + ", calendar version "
                + rules.path("calendar").asLong()
            : "none (a gate lends nothing; it decides by its alarm mode)");
    JsonNode gate = s.path("gate");
    if (gate.isObject()) {
      row(out, "alarm mode", gate.path("alarmMode").asText());
      row(
          out,
          "item states",
          gate.path("itemStates").isNumber()
              ? gate.path("itemStates").asInt() + " in memory"
              : "none (the tag alone decides)");
      row(
          out,
          "alarms",
          gate.path("alarmsRaised").asLong()
              + " since start, reader failed in "
              + gate.path("faultyRounds").asLong()
              + " rounds");
      JsonNode visitors = gate.path("visitorTotals");
      row(
          out,
          "visitors",
          visitors.isObject()
              ? visitors.path("in").asLong() + " in, " + visitors.path("out").asLong() + " out"
              : "not counted (no beams)");
    }
    out.flush();
    return s.path("online").asBoolean() ? 0 : 1;
  }

  /** How long ago an instant in the answer was, e.g. {@code 2 h 05 min}; empty if none. */
  private Optional<String> age(JsonNode instant) {
    if (!instant.isTextual()) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.between(Instant.parse(instant.asText()), clock.instant());
      if (d.isNegative()) {
        d = Duration.ZERO;
      }
      return Optional.of(
          (d.toDays() > 0 ? d.toDays() + " d " : "")
              + d.toHoursPart()
              + " h "
              + String.format(Locale.ROOT, "%02d", d.toMinutesPart())
              + " min");
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void row(PrintWriter out, String name, String value) {
    out.printf("%-16s %s%n", name, value);
  }
}
