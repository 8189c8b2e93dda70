package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A device's answer to a {@link ManagementCommand}, on {@code
 * lib/{tenant}/dev/{deviceId}/manage/result}:
 *
 * <pre>{@code
 * {"schemaVersion":1,"id":"<uuid>","deviceId":"kiosk-1","command":"resync","status":"done","repeated":false,"at":"2026-12-01T01:02:03Z","detail":"..."}
 * }</pre>
 *
 * A restart and a configuration update are answered twice: {@code accepted} before the service
 * restarts, then {@code done} (or {@code rolled-back}) once it runs again. {@code id} and {@code
 * command} are {@code null} when the command was too broken to name them. {@code detail} is for the
 * technician (what was done, or every reason of a refusal); it holds no personal data.
 *
 * @param id the command's id
 * @param deviceId the answering device
 * @param command the command's kind
 * @param status what came of it
 * @param repeated true when the id was seen before and this is the result kept from then
 * @param at when the device decided it
 * @param detail what was done or why not, at most {@link #MAX_DETAIL} characters
 */
public record ManagementResult(
    Optional<UUID> id,
    String deviceId,
    Optional<ManagementCommand.Kind> command,
    Status status,
    boolean repeated,
    Instant at,
    String detail) {
  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_DETAIL = 4000;
  public static final int MAX_BYTES = 6 * MAX_DETAIL + 1024;

  /** What came of a command. */
  public enum Status {
    /** Carried out. */
    DONE,
    /** Started; the service restarts, and a second result follows once it runs again. */
    ACCEPTED,
    /**
     * Not carried out: malformed, not for this device, or a configuration that fails validation.
     */
    REJECTED,
    /** Tried and failed; nothing changed. */
    FAILED,
    /** A new configuration was applied, but the service did not run healthy with it: undone. */
    ROLLED_BACK;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether no further result follows for this command. */
    public boolean isFinal() {
      return this != ACCEPTED;
    }
  }

  public ManagementResult {
    Objects.requireNonNull(id, "id");
    Topics.requireSegment("deviceId", deviceId);
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
    if (detail.isEmpty()) {
      throw new IllegalArgumentException("a result says what was done or why not");
    }
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
  }

  /** The result of {@code command}. */
  public static ManagementResult of(
      ManagementCommand command, Status status, Instant at, String detail) {
    return new ManagementResult(
        Optional.of(command.id()),
        command.deviceId(),
        Optional.of(command.kind()),
        status,
        false,
        at,
        detail);
  }

  /** This result again, for a command id seen before. */
  public ManagementResult asRepeated() {
    return new ManagementResult(id, deviceId, command, status, true, at, detail);
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("id", id.map(UUID::toString).orElse(null));
      g.writeStringField("deviceId", deviceId);
      g.writeStringField("command", command.map(ManagementCommand.Kind::wireName).orElse(null));
      g.writeStringField("status", status.wireName());
      g.writeBooleanField("repeated", repeated);
      g.writeStringField("at", at.toString());
      g.writeStringField("detail", detail);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static ManagementResult decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "id", "deviceId", "command", "status", "repeated", "at", "detail");
    Optional<UUID> id = r.optional("id", r::requireUuid);
    String deviceId = r.requireSegment("deviceId");
    String[] kinds =
        Arrays.stream(ManagementCommand.Kind.values())
            .map(ManagementCommand.Kind::wireName)
            .toArray(String[]::new);
    Optional<ManagementCommand.Kind> command =
        r.optional(
            "command",
            n -> ManagementCommand.Kind.ofWireName(r.requireEnum(n, kinds)).orElseThrow());
    String[] statuses = Arrays.stream(Status.values()).map(Status::wireName).toArray(String[]::new);
    String status = r.requireEnum("status", statuses);
    return new ManagementResult(
        id,
        deviceId,
        command,
        Status.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_')),
        r.requireBoolean("repeated"),
        r.requireInstant("at"),
        r.requireText("detail", MAX_DETAIL));
  }
}
