package org.shiori.gate.visitors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import org.shiori.device.store.VisitorTally;

/**
 * The report of one finished hour, published on {@code lib/{tenant}/dev/{deviceId}/event}. Counts
 * only: a beam says nothing about who passed.
 *
 * <pre>{@code
 * {"schemaVersion":2,"type":"visitor-count","deviceId":"gate-1","from":"2026-11-21T01:00:00Z",
 *  "to":"2026-11-21T02:00:00Z","in":12,"out":9,"totalIn":345,"totalOut":340}
 * }</pre>
 */
public final class HourlyVisitors {
  public static final int SCHEMA_VERSION = 2;
  public static final String TYPE = "visitor-count";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HourlyVisitors() {}

  public static byte[] encode(String deviceId, VisitorTally.Hour hour, VisitorTally.Totals totals) {
    ObjectNode o = JSON.createObjectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("type", TYPE);
    o.put("deviceId", deviceId);
    o.put("from", DateTimeFormatter.ISO_INSTANT.format(hour.start()));
    o.put("to", DateTimeFormatter.ISO_INSTANT.format(hour.start().plus(Duration.ofHours(1))));
    o.put("in", hour.in());
    o.put("out", hour.out());
    o.put("totalIn", totals.in());
    o.put("totalOut", totals.out());
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
