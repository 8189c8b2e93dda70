package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;

/**
 * JSON of a transaction on the {@code tx} topic, schema version 1. Fields are written in a fixed
 * order, absent optionals as {@code null}, so the same transaction always encodes to the same
 * bytes:
 *
 * <pre>{@code
 * {"schemaVersion":1,"id":"...","sequence":7,"pendingFrom":5,"type":"CHECKOUT","deviceId":"kiosk-1",
 *  "branch":"main","itemId":"...","patron":"<patron key>","at":"2026-11-21T01:02:03Z",
 *  "dueDate":"2026-12-05","offline":false}
 * }</pre>
 *
 * A return carries {@code "patron":null} and {@code "dueDate":null} (P-ERASE-1).
 */
public final class TransactionCodec {
  public static final int SCHEMA_VERSION = 1;

  /** Far above any real transaction (about 400 bytes); anything bigger is refused unread. */
  public static final int MAX_BYTES = 4096;

  public byte[] encode(SequencedTransaction message) {
    Transaction t = message.transaction();
    ByteArrayOutputStream out = new ByteArrayOutputStream(400);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("id", t.id().toString());
      g.writeNumberField("sequence", message.sequence());
      g.writeNumberField("pendingFrom", message.pendingFrom());
      g.writeStringField("type", t.type().name());
      g.writeStringField("deviceId", t.deviceId());
      g.writeStringField("branch", t.branch());
      g.writeStringField("itemId", t.itemId());
      g.writeStringField("patron", t.patron().map(PatronKey::value).orElse(null));
      g.writeStringField("at", DateTimeFormatter.ISO_INSTANT.format(t.at()));
      g.writeStringField("dueDate", t.dueDate().map(Object::toString).orElse(null));
      g.writeBooleanField("offline", t.offline());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads and validates a payload; any deviation from schema version 1 is refused. */
  public SequencedTransaction decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly(
        "schemaVersion",
        "id",
        "sequence",
        "pendingFrom",
        "type",
        "deviceId",
        "branch",
        "itemId",
        "patron",
        "at",
        "dueDate",
        "offline");
    TransactionType type = r.requireEnum("type", TransactionType.class);
    var patron = r.optionalPatronKey("patron");
    var due = r.optionalDate("dueDate");
    if (type == TransactionType.CHECKOUT && (patron.isEmpty() || due.isEmpty())) {
      throw new PayloadException("a CHECKOUT needs 'patron' and 'dueDate'");
    }
    if (type == TransactionType.RETURN && (patron.isPresent() || due.isPresent())) {
      throw new PayloadException("a RETURN carries no 'patron' and no 'dueDate' (P-ERASE-1)");
    }
    Transaction t =
        new Transaction(
            r.requireUuid("id"),
            type,
            r.requireSegment("deviceId"),
            r.requireSegment("branch"),
            r.requireItemId("itemId"),
            patron,
            r.requireInstant("at"),
            due,
            r.requireBoolean("offline"));
    long sequence = r.requireLong("sequence", 1, Long.MAX_VALUE);
    return new SequencedTransaction(sequence, r.requireLong("pendingFrom", 1, sequence), t);
  }
}
