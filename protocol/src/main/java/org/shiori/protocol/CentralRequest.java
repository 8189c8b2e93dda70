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
 * {"schemaVersion":2,"request":"pin","dataset":null,"have":null,"patron":"<patron key>","pin":"1234"}
 * {"schemaVersion":3,"request":"loans","dataset":null,"have":null,"patron":"<patron key>",
 *  "card":"A1000000001B","pin":null,"itemId":null}
 * {"schemaVersion":3,"request":"renew","dataset":null,"have":null,"patron":"<patron key>",
 *  "card":"A1000000001B","pin":"1234","itemId":"1000123456"}
 * }</pre>
 *
 * Schema version 2 adds the {@code pin} request (R-CARD-2), answered with a {@link PinAnswer}.
 * Schema version 3 carries the proof that the patron is at the kiosk ({@link PatronProof}: the card
 * number, and the PIN where the category asks) for the requests that disclose or change a patron's
 * loans: {@code loans} (answered with a {@link LoanList}) and {@code renew} (answered with a {@link
 * RenewalAnswer}). A {@code loans} request of version 1 or 2 still reads, as a request without
 * proof ({@link #proof()} empty), so that central can refuse it with a reason; it is never answered
 * with loans. The card number and PINs never appear in {@link #toString()}.
 *
 * @param kind what is asked
 * @param dataset the data set to resync
 * @param have the sequence the device holds (for central's log)
 * @param patron whose loans, PIN or renewal
 * @param pin the PIN to check, for a {@code pin} request
 * @param proof the card (and PIN) read in this session, for {@code loans} and {@code renew}
 * @param itemId the item to renew
 */
public record CentralRequest(
    Kind kind,
    Optional<Dataset> dataset,
    Optional<Long> have,
    Optional<PatronKey> patron,
    Optional<String> pin,
    Optional<PatronProof> proof,
    Optional<String> itemId) {
  public static final int SCHEMA_VERSION = 1;

  /** The version that carries a PIN check. */
  public static final int PIN_SCHEMA_VERSION = 2;

  /** The version that carries the patron's proof of presence: loans and renewals. */
  public static final int PROOF_SCHEMA_VERSION = 3;

  private static final java.util.regex.Pattern PIN = PatronProof.PIN;
  public static final int MAX_BYTES = 1024;

  /** Kinds of request. */
  public enum Kind {
    RESYNC,
    LOANS,
    PIN,
    RENEW
  }

  public CentralRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(have, "have");
    Objects.requireNonNull(patron, "patron");
    Objects.requireNonNull(pin, "pin");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(itemId, "itemId");
    if ((kind == Kind.RESYNC) != dataset.isPresent()
        || (kind == Kind.RESYNC) != have.isPresent()
        || (kind == Kind.RESYNC) == patron.isPresent()
        || (kind == Kind.PIN) != pin.isPresent()
        || (kind == Kind.RENEW) != itemId.isPresent()
        || (kind == Kind.RENEW && proof.isEmpty())
        || (proof.isPresent() && kind != Kind.LOANS && kind != Kind.RENEW)) {
      throw new IllegalArgumentException(
          "a resync names a data set, a PIN check a patron and a PIN, a loans request a patron"
              + " and its proof, a renewal a patron, its proof and an item");
    }
    if (pin.isPresent() && !PIN.matcher(pin.get()).matches()) {
      throw new IllegalArgumentException("a PIN is 4 to 8 digits");
    }
  }

  /** A resync or a loans request without proof (schema version 1). */
  public CentralRequest(
      Kind kind, Optional<Dataset> dataset, Optional<Long> have, Optional<PatronKey> patron) {
    this(kind, dataset, have, patron, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Asks central whether {@code pin} is the patron's PIN (R-CARD-2). */
  public static CentralRequest pinCheck(PatronKey patron, String pin) {
    return new CentralRequest(
        Kind.PIN,
        Optional.empty(),
        Optional.empty(),
        Optional.of(patron),
        Optional.of(pin),
        Optional.empty(),
        Optional.empty());
  }

  /** Never shows the card number or a PIN. */
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
        + (proof.isPresent() ? ", proof=" + proof.get() : "")
        + itemId.map(i -> ", itemId=" + i).orElse("")
        + "]";
  }

  public static CentralRequest resync(Dataset dataset, long have) {
    return new CentralRequest(
        Kind.RESYNC, Optional.of(dataset), Optional.of(have), Optional.empty());
  }

  /** The patron's current loans, with the proof that the patron is at the kiosk (version 3). */
  public static CentralRequest loans(PatronKey patron, PatronProof proof) {
    return new CentralRequest(
        Kind.LOANS,
        Optional.empty(),
        Optional.empty(),
        Optional.of(patron),
        Optional.empty(),
        Optional.of(proof),
        Optional.empty());
  }

  /**
   * A loans request of schema version 1, naming a patron key only. Central refuses it ({@code
   * PROOF_REQUIRED}); kept to read and to test what older devices send.
   */
  public static CentralRequest loansWithoutProof(PatronKey patron) {
    return new CentralRequest(Kind.LOANS, Optional.empty(), Optional.empty(), Optional.of(patron));
  }

  /** A renewal of one of the patron's loans, with the proof (version 3). */
  public static CentralRequest renew(PatronKey patron, PatronProof proof, String itemId) {
    return new CentralRequest(
        Kind.RENEW,
        Optional.empty(),
        Optional.empty(),
        Optional.of(patron),
        Optional.empty(),
        Optional.of(proof),
        Optional.of(itemId));
  }

  /** The schema version this request is written with. */
  public int schemaVersion() {
    if (proof.isPresent()) {
      return PROOF_SCHEMA_VERSION;
    }
    return kind == Kind.PIN ? PIN_SCHEMA_VERSION : SCHEMA_VERSION;
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(200);
    int version = schemaVersion();
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", version);
      g.writeStringField("request", kind.name().toLowerCase(Locale.ROOT));
      g.writeStringField("dataset", dataset.map(Dataset::topicName).orElse(null));
      if (have.isPresent()) {
        g.writeNumberField("have", have.get());
      } else {
        g.writeNullField("have");
      }
      g.writeStringField("patron", patron.map(PatronKey::value).orElse(null));
      if (version == PROOF_SCHEMA_VERSION) {
        g.writeStringField("card", proof.orElseThrow().cardNumber());
        g.writeStringField("pin", proof.orElseThrow().pin().orElse(null));
        g.writeStringField("itemId", itemId.orElse(null));
      } else if (kind == Kind.PIN) {
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
    int version = r.requireInt("schemaVersion", SCHEMA_VERSION, PROOF_SCHEMA_VERSION);
    if (version == PROOF_SCHEMA_VERSION) {
      return decodeWithProof(r);
    }
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
    return loansWithoutProof(r.requirePatronKey("patron"));
  }

  private static CentralRequest decodeWithProof(PayloadReader r) throws PayloadException {
    r.allowOnly("schemaVersion", "request", "dataset", "have", "patron", "card", "pin", "itemId");
    String request = r.requireEnum("request", "loans", "renew");
    if (r.optionalText("dataset", 16).isPresent()
        || r.optional("have", n -> r.requireLong(n, 0, Long.MAX_VALUE)).isPresent()) {
      throw new PayloadException("dataset and have must be null in a " + request + " request");
    }
    PatronKey patron = r.requirePatronKey("patron");
    // The values are never put into a message: the log shows which field broke which rule.
    String card = r.requireText("card", 32);
    if (!PatronProof.CARD.matcher(card).matches()) {
      throw new PayloadException("card must be 4-32 of [A-Fa-f0-9$:/.+-]");
    }
    Optional<String> pin = r.optionalText("pin", 8);
    if (pin.isPresent() && !PIN.matcher(pin.get()).matches()) {
      throw new PayloadException("pin must be null or 4 to 8 digits");
    }
    PatronProof proof = new PatronProof(card, pin);
    if (request.equals("loans")) {
      if (r.optionalText("itemId", 128).isPresent()) {
        throw new PayloadException("itemId must be null in a loans request");
      }
      return loans(patron, proof);
    }
    return renew(patron, proof, r.requireItemId("itemId"));
  }
}
