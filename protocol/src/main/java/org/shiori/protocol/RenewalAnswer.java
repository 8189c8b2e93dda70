package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Central's answer to a renewal request, on the device's reply topic with the request's correlation
 * data:
 *
 * <pre>{@code
 * {"schemaVersion":1,"status":"renewed","reason":null,"itemId":"1000123456","dueDate":"2026-12-19"}
 * {"schemaVersion":1,"status":"refused","reason":"RENEWAL_LIMIT","itemId":"1000123456","dueDate":null}
 * {"schemaVersion":1,"status":"error","reason":"RATE_LIMITED","itemId":"1000123456","dueDate":null}
 * }</pre>
 *
 * {@code refused}: the rules or the library system said no, {@code reason} is the circulation
 * reason code (the kiosk shows its message). {@code error}: central could not decide (proof, rate
 * limit, library system unreachable).
 *
 * @param status the outcome
 * @param reason why not, for refused and error
 * @param itemId the item asked about
 * @param dueDate the new due date, for renewed
 */
public record RenewalAnswer(
    Status status, Optional<String> reason, String itemId, Optional<LocalDate> dueDate) {
  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_BYTES = 1024;

  /** Outcomes. */
  public enum Status {
    RENEWED,
    REFUSED,
    ERROR
  }

  public RenewalAnswer {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(dueDate, "dueDate");
    if ((status == Status.RENEWED) == reason.isPresent()
        || (status == Status.RENEWED) != dueDate.isPresent()) {
      throw new IllegalArgumentException("renewed has a due date, refused and error a reason");
    }
  }

  public static RenewalAnswer renewed(String itemId, LocalDate dueDate) {
    return new RenewalAnswer(Status.RENEWED, Optional.empty(), itemId, Optional.of(dueDate));
  }

  public static RenewalAnswer refused(String itemId, String reason) {
    return new RenewalAnswer(Status.REFUSED, Optional.of(reason), itemId, Optional.empty());
  }

  public static RenewalAnswer failed(String itemId, String reason) {
    return new RenewalAnswer(Status.ERROR, Optional.of(reason), itemId, Optional.empty());
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("status", status.name().toLowerCase(Locale.ROOT));
      g.writeStringField("reason", reason.orElse(null));
      g.writeStringField("itemId", itemId);
      g.writeStringField("dueDate", dueDate.map(LocalDate::toString).orElse(null));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static RenewalAnswer decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "status", "reason", "itemId", "dueDate");
    Status status =
        Status.valueOf(
            r.requireEnum("status", "renewed", "refused", "error").toUpperCase(Locale.ROOT));
    Optional<String> reason = r.optionalText("reason", 64);
    String itemId = r.requireItemId("itemId");
    Optional<LocalDate> due = r.optionalDate("dueDate");
    if ((status == Status.RENEWED) == reason.isPresent()
        || (status == Status.RENEWED) != due.isPresent()) {
      throw new PayloadException(
          "status 'renewed' has a dueDate and \"reason\":null, 'refused' and 'error' a reason");
    }
    return new RenewalAnswer(status, reason, itemId, due);
  }
}
