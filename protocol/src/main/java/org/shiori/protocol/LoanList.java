package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Central's answer to a loans request (online-only data: the device keeps no patron–item link):
 *
 * <pre>{@code
 * {"schemaVersion":1,"status":"ok","reason":null,
 *  "loans":[{"itemId":"...","title":"...","dueDate":"2026-12-05"}]}
 * {"schemaVersion":1,"status":"error","reason":"UNKNOWN_PATRON","loans":[]}
 * }</pre>
 *
 * @param loans the patron's loans, shown only to that patron (P-NOTICE-1)
 * @param error a reason code when central could not answer
 */
public record LoanList(List<Loan> loans, Optional<String> error) {
  public static final int SCHEMA_VERSION = 1;
  public static final int MAX_BYTES = 256 * 1024;

  /** One loan. */
  public record Loan(String itemId, String title, LocalDate dueDate) {
    public Loan {
      Objects.requireNonNull(itemId, "itemId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(dueDate, "dueDate");
    }
  }

  public LoanList {
    loans = List.copyOf(loans);
    Objects.requireNonNull(error, "error");
  }

  public static LoanList of(List<Loan> loans) {
    return new LoanList(loans, Optional.empty());
  }

  public static LoanList failed(String reason) {
    return new LoanList(List.of(), Optional.of(reason));
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("status", error.isPresent() ? "error" : "ok");
      g.writeStringField("reason", error.orElse(null));
      g.writeArrayFieldStart("loans");
      for (Loan l : loans) {
        g.writeStartObject();
        g.writeStringField("itemId", l.itemId());
        g.writeStringField("title", l.title());
        g.writeStringField("dueDate", l.dueDate().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static LoanList decode(byte[] payload) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    r.allowOnly("schemaVersion", "status", "reason", "loans");
    boolean ok = r.requireEnum("status", "ok", "error").equals("ok");
    Optional<String> reason = r.optionalText("reason", 64);
    if (ok == reason.isPresent()) {
      throw new PayloadException("status 'error' needs a reason, 'ok' has \"reason\":null");
    }
    List<Loan> loans = new ArrayList<>();
    for (PayloadReader l : r.requireObjects("loans", 1000)) {
      l.allowOnly("itemId", "title", "dueDate");
      loans.add(
          new Loan(l.requireItemId("itemId"), l.requireText("title"), l.requireDate("dueDate")));
    }
    return new LoanList(loans, reason);
  }
}
