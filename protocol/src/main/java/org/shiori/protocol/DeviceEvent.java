package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Something staff should know, on {@code lib/{tenant}/dev/{deviceId}/event}. Never names a patron:
 * a gate alarm carries the item id and title only.
 *
 * <pre>{@code
 * {"schemaVersion":1,"type":"gate-alarm","deviceId":"gate-1","at":"2026-11-21T01:02:03Z",
 *  "itemId":"...","title":"...","txId":null,"code":null,"count":null}
 * }</pre>
 *
 * @param type what happened
 * @param deviceId where
 * @param at when
 * @param itemId the item, for gate alarms and rejections
 * @param title the item's title, for gate alarms
 * @param txId the transaction, for rejections
 * @param code a stable code: rejection reason, tamper or access kind
 * @param count a number: pending transactions for outbox-full
 */
public record DeviceEvent(
    Type type,
    String deviceId,
    Instant at,
    Optional<String> itemId,
    Optional<String> title,
    Optional<UUID> txId,
    Optional<String> code,
    OptionalLong count) {
  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_BYTES = 4096;

  /** Kinds of event. */
  public enum Type {
    /** An item that is not on loan passed the gate (item id + title). */
    GATE_ALARM,
    /** Central rejected a transaction (tx id, item id, reason code). */
    TX_REJECTED,
    /** The outbox is full; the kiosk refuses new loans (count = pending). */
    OUTBOX_FULL,
    /** The enclosure, reader or antenna reports tampering (code). */
    TAMPER,
    /** A failed or unauthorised access to the admin API or technician tools (code). */
    UNAUTHORISED_ACCESS,
    /**
     * A policy or calendar document from central failed its check and is not in use (code {@code
     * POLICY_REFUSED} or {@code CALENDAR_REFUSED}, count = its version).
     */
    DOCUMENT_REFUSED,
    /** A patron pressed the kiosk screen's help button (no code, no patron). */
    HELP_REQUESTED,
    /** The receipt printer needs staff (code: {@code PAPER_OUT} or {@code FAILED}). */
    PRINTER_PROBLEM;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Type ofWireName(String s) throws PayloadException {
      for (Type t : values()) {
        if (t.wireName().equals(s)) {
          return t;
        }
      }
      throw new PayloadException("field 'type' is not a known event type");
    }
  }

  public DeviceEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(count, "count");
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("type", type.wireName());
      g.writeStringField("deviceId", deviceId);
      g.writeStringField("at", DateTimeFormatter.ISO_INSTANT.format(at));
      g.writeStringField("itemId", itemId.orElse(null));
      g.writeStringField("title", title.orElse(null));
      g.writeStringField("txId", txId.map(UUID::toString).orElse(null));
      g.writeStringField("code", code.orElse(null));
      if (count.isPresent()) {
        g.writeNumberField("count", count.getAsLong());
      } else {
        g.writeNullField("count");
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static DeviceEvent decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly(
        "schemaVersion", "type", "deviceId", "at", "itemId", "title", "txId", "code", "count");
    Type type = Type.ofWireName(r.requireText("type", 32));
    Optional<Long> count = r.optional("count", n -> r.requireLong(n, 0, Long.MAX_VALUE));
    return new DeviceEvent(
        type,
        r.requireSegment("deviceId"),
        r.requireInstant("at"),
        r.optional("itemId", r::requireItemId),
        r.optionalText("title", 512),
        r.optional("txId", r::requireUuid),
        r.optional("code", r::requireSegment),
        count.map(OptionalLong::of).orElse(OptionalLong.empty()));
  }
}
