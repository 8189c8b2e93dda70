package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.PatronKey;

/**
 * A device's request to central on {@code lib/{tenant}/dev/{deviceId}/cmd}:
 *
 * <pre>{@code
 * {"schemaVersion":1,"request":"resync","dataset":"items","have":41,"patron":null}
 * {"schemaVersion":1,"request":"loans","dataset":null,"have":null,"patron":"<patron key>"}
 * {"schemaVersion":2,"request":"pin","dataset":null,"have":null,"patron":"<patron key>","pin":"1234"}
 * }</pre>
 *
 * Schema version 2 adds the {@code pin} field and the {@code pin} request (R-CARD-2), answered with
 * a {@link PinAnswer}; resync and loans requests are still written as version 1, and both versions
 * are read. The PIN travels only over the device's TLS link and never appears in {@link
 * #toString()}.
 *
 * <p>A resync is answered with a snapshot on {@code lib/{tenant}/dev/{deviceId}/sync/{dataset}}; a
 * loans request with a {@link LoanList} on the MQTT 5 response topic, with the correlation data.
 *
 * @param kind what is asked
 * @param dataset the data set to resync
 * @param have the sequence the device holds (for central's log)
 * @param patron whose loans
 */
public record CentralRequest(
    Kind kind,
    Optional<Dataset> dataset,
    Optional<Long> have,
    Optional<PatronKey> patron,
    Optional<String> pin) {
  public static final int SCHEMA_VERSION = 1;

  /** The version that carries a PIN check. */
  public static final int PIN_SCHEMA_VERSION = 2;

  private static final java.util.regex.Pattern PIN = java.util.regex.Pattern.compile("[0-9]{4,8}");
  public static final int MAX_BYTES = 1024;

  /** Kinds of request. */
  public enum Kind {
    RESYNC,
    LOANS,
    PIN
  }

  public CentralRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(have, "have");
    Objects.requireNonNull(patron, "patron");
    Objects.requireNonNull(pin, "pin");
    if ((kind == Kind.RESYNC) != dataset.isPresent()
        || (kind == Kind.RESYNC) != have.isPresent()
        || (kind == Kind.RESYNC) == patron.isPresent()
        || (kind == Kind.PIN) != pin.isPresent()) {
      throw new IllegalArgumentException(
          "a resync names a data set, a loans request a patron, a PIN check a patron and a PIN");
    }
    if (pin.isPresent() && !PIN.matcher(pin.get()).matches()) {
      throw new IllegalArgumentException("a PIN is 4 to 8 digits");
    }
  }

  /** A resync or loans request of version 1. */
  public CentralRequest(
      Kind kind, Optional<Dataset> dataset, Optional<Long> have, Optional<PatronKey> patron) {
    this(kind, dataset, have, patron, Optional.empty());
  }

  /** Asks central whether {@code pin} is the patron's PIN (R-CARD-2). */
  public static CentralRequest pinCheck(PatronKey patron, String pin) {
    return new CentralRequest(
        Kind.PIN, Optional.empty(), Optional.empty(), Optional.of(patron), Optional.of(pin));
  }

  /** Never shows the PIN. */
  @Override
  public String toString() {
    return "CentralRequest[kind="
        + kind
        + ", dataset="
        + dataset
        + ", have="
        + have
        + ", patron="
        + patron.map(PatronKey::value).orElse("-")
        + (pin.isPresent() ? ", pin=(hidden)" : "")
        + "]";
  }

  public static CentralRequest resync(Dataset dataset, long have) {
    return new CentralRequest(
        Kind.RESYNC, Optional.of(dataset), Optional.of(have), Optional.empty());
  }

  public static CentralRequest loans(PatronKey patron) {
    return new CentralRequest(Kind.LOANS, Optional.empty(), Optional.empty(), Optional.of(patron));
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", kind == Kind.PIN ? PIN_SCHEMA_VERSION : SCHEMA_VERSION);
      g.writeStringField("request", kind.name().toLowerCase(Locale.ROOT));
      g.writeStringField("dataset", dataset.map(Dataset::topicName).orElse(null));
      if (have.isPresent()) {
        g.writeNumberField("have", have.get());
      } else {
        g.writeNullField("have");
      }
      g.writeStringField("patron", patron.map(PatronKey::value).orElse(null));
      if (kind == Kind.PIN) {
        g.writeStringField("pin", pin.orElseThrow());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static CentralRequest decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    int version = r.requireInt("schemaVersion", SCHEMA_VERSION, PIN_SCHEMA_VERSION);
    if (version == SCHEMA_VERSION) {
      r.allowOnly("schemaVersion", "request", "dataset", "have", "patron");
    } else {
      r.allowOnly("schemaVersion", "request", "dataset", "have", "patron", "pin");
    }
    String request =
        version == SCHEMA_VERSION
            ? r.requireEnum("request", "resync", "loans")
            : r.requireEnum("request", "resync", "loans", "pin");
    if (request.equals("pin")) {
      String pin = r.requireText("pin", 8);
      if (!PIN.matcher(pin).matches()) {
        throw new PayloadException("pin must be 4 to 8 digits");
      }
      return pinCheck(r.requirePatronKey("patron"), pin);
    }
    if (request.equals("resync")) {
      String name = r.requireEnum("dataset", "items", "patrons", "holds", "policy", "calendar");
      Dataset d = Dataset.valueOf(name.toUpperCase(Locale.ROOT));
      return resync(d, r.requireLong("have", 0, Long.MAX_VALUE));
    }
    return loans(r.requirePatronKey("patron"));
  }
}
