package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A remote management command from central to one device, on {@code
 * lib/{tenant}/dev/{deviceId}/manage}:
 *
 * <pre>{@code
 * {"schemaVersion":1,"id":"<uuid>","deviceId":"kiosk-1","command":"resync","document":null}
 * {"schemaVersion":1,"id":"<uuid>","deviceId":"kiosk-1","command":"config-update","document":"role: kiosk\n..."}
 * }</pre>
 *
 * The device answers every command, also a refused one, with a {@link ManagementResult} on {@code
 * .../manage/result}. {@code deviceId} must be the device's own: a command copied to another
 * device's topic is refused. A configuration document is at most {@link #MAX_DOCUMENT_CHARS}
 * characters, the limit of a configuration file.
 *
 * @param id unique per command; a device runs a command once and answers a repeated id with the
 *     result it gave
 * @param deviceId the device it is meant for
 * @param kind what to do
 * @param document the new configuration (YAML), for {@link Kind#CONFIG_UPDATE} only
 */
public record ManagementCommand(UUID id, String deviceId, Kind kind, Optional<String> document) {
  public static final int SCHEMA_VERSION = 1;

  /** As {@code DeviceConfigLoader.MAX_BYTES}: a real configuration is a few kilobytes. */
  public static final int MAX_DOCUMENT_CHARS = 64 * 1024;

  /** Room for the document with every character escaped, and the other fields. */
  public static final int MAX_BYTES = 6 * MAX_DOCUMENT_CHARS + 1024;

  /** The commands, with their names on the wire and on the command line. */
  public enum Kind {
    RESYNC("resync"),
    RESTART("restart"),
    ROTATE_LOGS("rotate-logs"),
    CONFIG_UPDATE("config-update");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Optional<Kind> ofWireName(String name) {
      return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
  }

  public ManagementCommand {
    Objects.requireNonNull(id, "id");
    Topics.requireSegment("deviceId", deviceId);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(document, "document");
    if ((kind == Kind.CONFIG_UPDATE) != document.isPresent()) {
      throw new IllegalArgumentException(
          "a config-update, and only a config-update, has a document");
    }
    if (document.isPresent() && document.get().length() > MAX_DOCUMENT_CHARS) {
      throw new IllegalArgumentException(
          "a configuration document is at most " + MAX_DOCUMENT_CHARS + " characters");
    }
  }

  public static ManagementCommand of(UUID id, String deviceId, Kind kind) {
    return new ManagementCommand(id, deviceId, kind, Optional.empty());
  }

  public static ManagementCommand configUpdate(UUID id, String deviceId, String document) {
    return new ManagementCommand(id, deviceId, Kind.CONFIG_UPDATE, Optional.of(document));
  }

  /** Shows the document's size, not its text. */
  @Override
  public String toString() {
    return "ManagementCommand[id="
        + id
        + ", deviceId="
        + deviceId
        + ", kind="
        + kind.wireName()
        + document.map(d -> ", document=" + d.length() + " characters").orElse("")
        + "]";
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("id", id.toString());
      g.writeStringField("deviceId", deviceId);
      g.writeStringField("command", kind.wireName());
      g.writeStringField("document", document.orElse(null));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a command strictly: size first, then JSON (depth-limited), schema version, every field.
   *
   * @throws PayloadException naming the field and the rule broken, never the value
   */
  public static ManagementCommand decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "id", "deviceId", "command", "document");
    UUID id = r.requireUuid("id");
    String deviceId = r.requireSegment("deviceId");
    String name =
        r.requireEnum(
            "command", Arrays.stream(Kind.values()).map(Kind::wireName).toArray(String[]::new));
    Kind kind = Kind.ofWireName(name).orElseThrow();
    if (kind == Kind.CONFIG_UPDATE) {
      return configUpdate(id, deviceId, r.requireText("document", MAX_DOCUMENT_CHARS));
    }
    r.optional(
        "document",
        field -> {
          throw new PayloadException("field '" + field + "' must be null for " + name);
        });
    return of(id, deviceId, kind);
  }

  /**
   * The id of a command that failed to decode, when its JSON at least names one, so the refusal can
   * be answered under the sender's id.
   */
  public static Optional<UUID> readableId(byte[] payload) {
    try {
      return Optional.of(PayloadReader.parse(payload, MAX_BYTES).requireUuid("id"));
    } catch (PayloadException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
