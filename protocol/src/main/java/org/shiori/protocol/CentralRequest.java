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
 * }</pre>
 *
 * A resync is answered with a snapshot on {@code lib/{tenant}/dev/{deviceId}/sync/{dataset}}; a
 * loans request with a {@link LoanList} on the MQTT 5 response topic, with the correlation data.
 *
 * @param kind what is asked
 * @param dataset the data set to resync
 * @param have the sequence the device holds (for central's log)
 * @param patron whose loans
 */
public record CentralRequest(
    Kind kind, Optional<Dataset> dataset, Optional<Long> have, Optional<PatronKey> patron) {
  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_BYTES = 1024;

  /** Kinds of request. */
  public enum Kind {
    RESYNC,
    LOANS
  }

  public CentralRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(have, "have");
    Objects.requireNonNull(patron, "patron");
    if ((kind == Kind.RESYNC) != dataset.isPresent()
        || (kind == Kind.RESYNC) != have.isPresent()
        || (kind == Kind.LOANS) != patron.isPresent()) {
      throw new IllegalArgumentException("a resync names a data set, a loans request a patron");
    }
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
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("request", kind.name().toLowerCase(Locale.ROOT));
      g.writeStringField("dataset", dataset.map(Dataset::topicName).orElse(null));
      if (have.isPresent()) {
        g.writeNumberField("have", have.get());
      } else {
        g.writeNullField("have");
      }
      g.writeStringField("patron", patron.map(PatronKey::value).orElse(null));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static CentralRequest decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "request", "dataset", "have", "patron");
    String request = r.requireEnum("request", "resync", "loans");
    if (request.equals("resync")) {
      String name = r.requireEnum("dataset", "items", "patrons", "holds", "policy", "calendar");
      Dataset d = Dataset.valueOf(name.toUpperCase(Locale.ROOT));
      return resync(d, r.requireLong("have", 0, Long.MAX_VALUE));
    }
    return loans(r.requirePatronKey("patron"));
  }
}
