package org.shiori.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Birth and death of a device, retained on {@code lib/{tenant}/dev/{deviceId}/state}. The death
 * message is registered as the last will of the connection whose birth carries the same {@code
 * boot} and {@code seq}, so a consumer can tell a stale death from a current one.
 *
 * @param deviceId the device
 * @param online true for the birth, false for the death
 * @param boot when this process started (epoch milliseconds), distinguishes restarts
 * @param seq connection number within this boot, from 1
 */
public record DeviceState(String deviceId, boolean online, long boot, long seq) {
  public static final int SCHEMA_VERSION = 1;

  public DeviceState {
    Objects.requireNonNull(deviceId, "deviceId");
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (var g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("deviceId", deviceId);
      g.writeStringField("state", online ? "online" : "offline");
      g.writeNumberField("boot", boot);
      g.writeNumberField("seq", seq);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static DeviceState decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, 1024);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "deviceId", "state", "boot", "seq");
    String state = r.requireEnum("state", "online", "offline");
    return new DeviceState(
        r.requireSegment("deviceId"),
        state.equals("online"),
        r.requireLong("boot", 0, Long.MAX_VALUE),
        r.requireLong("seq", 1, Long.MAX_VALUE));
  }
}
