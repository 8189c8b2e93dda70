package org.shiori.gate.visitors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Visitors counted by one gate over one period, published on {@code lib/{tenant}/dev/{deviceId}/
 * event}. Counts only: a beam interruption says nothing about who passed.
 *
 * <pre>{@code
 * {"schemaVersion":1,"type":"visitor-count","deviceId":"gate-1",
 *  "from":"2026-11-21T01:00:00Z","to":"2026-11-21T01:05:00Z","count":12,"total":345}
 * }</pre>
 *
 * @param deviceId the gate
 * @param from start of the period (the end of the previous report, or the service start)
 * @param to end of the period
 * @param count interruptions of the beam in the period
 * @param total interruptions since the service started
 */
public record VisitorCount(String deviceId, Instant from, Instant to, long count, long total) {
  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "visitor-count";
  private static final ObjectMapper JSON = new ObjectMapper();

  public VisitorCount {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (count < 0 || total < count) {
      throw new IllegalArgumentException("count " + count + " and total " + total + " disagree");
    }
  }

  public byte[] encode() {
    ObjectNode o = JSON.createObjectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("type", TYPE);
    o.put("deviceId", deviceId);
    o.put("from", DateTimeFormatter.ISO_INSTANT.format(from));
    o.put("to", DateTimeFormatter.ISO_INSTANT.format(to));
    o.put("count", count);
    o.put("total", total);
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
