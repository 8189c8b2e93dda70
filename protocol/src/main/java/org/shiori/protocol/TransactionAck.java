package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Central's answer to one transaction, on {@code lib/{tenant}/dev/{deviceId}/ack}:
 *
 * <pre>{@code
 * {"schemaVersion":1,"txId":"...","status":"accepted","reason":null}
 * {"schemaVersion":1,"txId":"...","status":"rejected","reason":"PATRON_BLOCKED"}
 * }</pre>
 *
 * @param txId the transaction answered
 * @param accepted accepted, or rejected
 * @param reason a stable reason code for a rejection (upper case, digits, underscore)
 */
public record TransactionAck(UUID txId, boolean accepted, Optional<String> reason) {
  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_BYTES = 1024;
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public TransactionAck {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(reason, "reason");
    if (accepted == reason.isPresent()) {
      throw new IllegalArgumentException("a rejection has a reason, an acceptance none");
    }
    reason.ifPresent(
        r -> {
          if (!REASON.matcher(r).matches()) {
            throw new IllegalArgumentException("reason codes are [A-Z][A-Z0-9_]*");
          }
        });
  }

  public static TransactionAck accept(UUID txId) {
    return new TransactionAck(txId, true, Optional.empty());
  }

  public static TransactionAck reject(UUID txId, String reason) {
    return new TransactionAck(txId, false, Optional.of(reason));
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("txId", txId.toString());
      g.writeStringField("status", accepted ? "accepted" : "rejected");
      g.writeStringField("reason", reason.orElse(null));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static TransactionAck decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "txId", "status", "reason");
    UUID id = r.requireUuid("txId");
    boolean accepted = r.requireEnum("status", "accepted", "rejected").equals("accepted");
    Optional<String> reason = r.optionalText("reason", 64);
    if (accepted && reason.isPresent()) {
      throw new PayloadException("an accepted ack has \"reason\":null");
    }
    if (!accepted && (reason.isEmpty() || !REASON.matcher(reason.get()).matches())) {
      throw new PayloadException("a rejection needs a reason code [A-Z][A-Z0-9_]*");
    }
    return new TransactionAck(id, accepted, reason);
  }
}
