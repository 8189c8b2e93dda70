package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Central's answer to a PIN check, on the device's reply topic with the request's correlation data:
 *
 * <pre>{@code
 * {"schemaVersion":1,"status":"right","reason":null}
 * {"schemaVersion":1,"status":"wrong","reason":null}
 * {"schemaVersion":1,"status":"error","reason":"UNKNOWN_PATRON"}
 * }</pre>
 *
 * @param status the verdict
 * @param reason why central could not check, for {@code error}
 */
public record PinAnswer(Status status, Optional<String> reason) {
  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_BYTES = 1024;

  /** Verdicts. */
  public enum Status {
    RIGHT,
    WRONG,
    ERROR
  }

  public PinAnswer {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    if ((status == Status.ERROR) != reason.isPresent()) {
      throw new IllegalArgumentException("an error has a reason, a verdict none");
    }
  }

  public static PinAnswer right() {
    return new PinAnswer(Status.RIGHT, Optional.empty());
  }

  public static PinAnswer wrong() {
    return new PinAnswer(Status.WRONG, Optional.empty());
  }

  public static PinAnswer failed(String reason) {
    return new PinAnswer(Status.ERROR, Optional.of(reason));
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("status", status.name().toLowerCase(Locale.ROOT));
      g.writeStringField("reason", reason.orElse(null));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static PinAnswer decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "status", "reason");
    Status status =
        Status.valueOf(r.requireEnum("status", "right", "wrong", "error").toUpperCase(Locale.ROOT));
    Optional<String> reason = r.optionalText("reason", 64);
    if ((status == Status.ERROR) != reason.isPresent()) {
      throw new PayloadException("status 'error' needs a reason, a verdict has \"reason\":null");
    }
    return new PinAnswer(status, reason);
  }
}
