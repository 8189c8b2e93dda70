package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.LenderInstructions;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;

/**
 * JSON of sync messages on {@code lib/{tenant}/sync/{dataset}}, schema version 1 (see
 * docs/mqtt.md). Central encodes, devices decode; decoding validates every field, the tenant and
 * the data set, and refuses anything else.
 */
public final class SyncCodec {
  public static final int SCHEMA_VERSION = 1;

  /** Largest sync message a device reads; snapshots are chunked well below it. */
  public static final int MAX_BYTES = 512 * 1024;

  /**
   * Highest data set version accepted: 2^53 − 1, the largest integer every JSON reader keeps
   * exactly. Central counts versions up by one per change, so this is never reached honestly; a
   * version near the end of the 64-bit space would leave no room for central's next ones.
   */
  public static final long MAX_SEQUENCE = (1L << 53) - 1;

  /** Most records (upserts plus deletes) in one message. */
  public static final int MAX_RECORDS = 1000;

  private static final int MAX_DOCUMENT_CHARS = 256 * 1024;

  private final String tenant;

  /**
   * @param tenant messages of any other tenant are refused
   */
  public SyncCodec(String tenant) {
    this.tenant = Topics.requireSegment("tenant", tenant);
  }

  public byte[] encode(SyncMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JsonPayloads.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("tenant", m.tenant());
      g.writeStringField("dataset", m.dataset().topicName());
      g.writeStringField("kind", m.snapshot() ? "snapshot" : "delta");
      g.writeNumberField("sequence", m.sequence());
      g.writeNumberField("chunk", m.chunk());
      g.writeNumberField("chunks", m.chunks());
      if (m.document().isPresent()) {
        g.writeStringField("document", m.document().get());
      } else {
        g.writeArrayFieldStart("upserts");
        for (Object o : m.upserts()) {
          writeRecord(g, o);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("deletes");
        for (String d : m.deletes()) {
          g.writeString(d);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads and validates a sync message received on the topic of {@code expected}.
   *
   * @throws PayloadException naming the field and rule broken
   */
  public SyncMessage decode(byte[] payload, Dataset expected) throws PayloadException {
    PayloadReader r = PayloadReader.parse(payload, MAX_BYTES);
    r.requireSchemaVersion(SCHEMA_VERSION);
    boolean document = SyncMessage.isDocument(expected);
    if (document) {
      r.allowOnly(
          "schemaVersion", "tenant", "dataset", "kind", "sequence", "chunk", "chunks", "document");
    } else {
      r.allowOnly(
          "schemaVersion",
          "tenant",
          "dataset",
          "kind",
          "sequence",
          "chunk",
          "chunks",
          "upserts",
          "deletes");
    }
    if (!r.requireSegment("tenant").equals(tenant)) {
      throw new PayloadException("field 'tenant' is not this device's tenant");
    }
    if (!r.requireSegment("dataset").equals(expected.topicName())) {
      throw new PayloadException("field 'dataset' does not match the topic");
    }
    boolean snapshot = r.requireEnum("kind", "snapshot", "delta").equals("snapshot");
    long sequence = r.requireLong("sequence", 1, MAX_SEQUENCE);
    int chunks = r.requireInt("chunks", 1, snapshot && !document ? 100_000 : 1);
    int chunk = r.requireInt("chunk", 0, chunks - 1);
    if (document) {
      return SyncMessage.document(
          tenant, expected, snapshot, sequence, r.requireText("document", MAX_DOCUMENT_CHARS));
    }
    List<PayloadReader> records = r.requireObjects("upserts", MAX_RECORDS);
    List<String> deletes =
        expected == Dataset.PATRONS
            ? r.requireStrings("deletes", MAX_RECORDS, PayloadReader.PATRON_KEY, "a patron key")
            : r.requireStrings("deletes", MAX_RECORDS, PayloadReader.ITEM_ID, "an item id");
    if (records.size() + deletes.size() > MAX_RECORDS) {
      throw new PayloadException("more than " + MAX_RECORDS + " records in one message");
    }
    List<Object> upserts = new ArrayList<>(records.size());
    for (PayloadReader rec : records) {
      upserts.add(readRecord(rec, expected));
    }
    return new SyncMessage(
        tenant, expected, snapshot, sequence, chunk, chunks, upserts, deletes, Optional.empty());
  }

  private static Object readRecord(PayloadReader r, Dataset dataset) throws PayloadException {
    return switch (dataset) {
      case ITEMS -> readItem(r);
      case PATRONS -> readPatron(r);
      case HOLDS -> readHold(r);
      case POLICY, CALENDAR -> throw new PayloadException("documents have no records");
    };
  }

  private static ItemRecord readItem(PayloadReader r) throws PayloadException {
    r.allowOnly(
        "itemId",
        "title",
        "material",
        "homeBranch",
        "status",
        "flags",
        "parts",
        "holdFor",
        "lendingLibrary",
        "lendingBranch",
        "lenderInstructions");
    String itemId = r.requireItemId("itemId");
    return new ItemRecord(
        itemId,
        r.requireText("title", 512),
        r.requireSegment("material"),
        r.requireSegment("homeBranch"),
        r.requireEnum("status", ItemStatus.class),
        new TreeSet<>(r.requireSegments("flags", 32)),
        r.requireInt("parts", 1, 99),
        r.optionalPatronKey("holdFor"),
        absentOrSegment(r, "lendingLibrary"),
        absentOrSegment(r, "lendingBranch"),
        lenderInstructions(r));
  }

  /** Fields added to items after the first release: absent, null or a value. */
  private static Optional<String> absentOrSegment(PayloadReader r, String name)
      throws PayloadException {
    return r.has(name) ? Optional.of(r.requireSegment(name)) : Optional.empty();
  }

  private static LenderInstructions lenderInstructions(PayloadReader item) throws PayloadException {
    Optional<PayloadReader> object = item.optionalObject("lenderInstructions");
    if (object.isEmpty()) {
      return LenderInstructions.NONE;
    }
    PayloadReader r = object.get();
    r.allowOnly("dueDate", "period", "inLibraryOnly");
    return new LenderInstructions(
        r.has("dueDate") ? Optional.of(r.requireDate("dueDate")) : Optional.empty(),
        r.has("period") ? Optional.of(r.requirePeriod("period")) : Optional.empty(),
        r.has("inLibraryOnly") && r.requireBoolean("inLibraryOnly"));
  }

  private static PatronSnapshot readPatron(PayloadReader r) throws PayloadException {
    r.allowOnly(
        "key",
        "category",
        "expiry",
        "staffBlock",
        "overdue",
        "loansByMaterial",
        "illThisFiscalYear",
        "illOnLoan",
        "holdsAndRequests",
        "groupConfirmedOn",
        "homeBranch");
    return new PatronSnapshot(
        r.requirePatronKey("key"),
        r.requireSegment("category"),
        r.requireDate("expiry"),
        r.requireBoolean("staffBlock"),
        r.requireBoolean("overdue"),
        r.requireCounts("loansByMaterial"),
        r.requireInt("illThisFiscalYear", 0, 10_000),
        r.requireInt("illOnLoan", 0, 10_000),
        r.requireInt("holdsAndRequests", 0, 10_000),
        r.optionalDate("groupConfirmedOn"),
        r.requireSegment("homeBranch"));
  }

  private static HoldRecord readHold(PayloadReader r) throws PayloadException {
    r.allowOnly("itemId", "patron", "pickupBranch");
    return new HoldRecord(
        r.requireItemId("itemId"), r.requirePatronKey("patron"), r.requireSegment("pickupBranch"));
  }

  private static void writeRecord(JsonGenerator g, Object o) throws IOException {
    if (o instanceof ItemRecord i) {
      g.writeStartObject();
      g.writeStringField("itemId", i.itemId());
      g.writeStringField("title", i.title());
      g.writeStringField("material", i.material());
      g.writeStringField("homeBranch", i.homeBranch());
      g.writeStringField("status", i.status().name());
      g.writeArrayFieldStart("flags");
      for (String f : new TreeSet<>(i.flags())) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeNumberField("parts", i.parts());
      g.writeStringField("holdFor", i.holdFor().map(PatronKey::value).orElse(null));
      // Written only when set, so the records of ordinary items stay as in version 1.
      if (i.lendingLibrary().isPresent()) {
        g.writeStringField("lendingLibrary", i.lendingLibrary().get());
      }
      if (i.lendingBranch().isPresent()) {
        g.writeStringField("lendingBranch", i.lendingBranch().get());
      }
      LenderInstructions lender = i.lenderInstructions();
      if (lender.any()) {
        g.writeObjectFieldStart("lenderInstructions");
        g.writeStringField("dueDate", lender.dueDate().map(Object::toString).orElse(null));
        g.writeStringField("period", lender.period().map(Object::toString).orElse(null));
        g.writeBooleanField("inLibraryOnly", lender.inLibraryOnly());
        g.writeEndObject();
      }
      g.writeEndObject();
    } else if (o instanceof PatronSnapshot p) {
      g.writeStartObject();
      g.writeStringField("key", p.key().value());
      g.writeStringField("category", p.category());
      g.writeStringField("expiry", p.expiry().toString());
      g.writeBooleanField("staffBlock", p.staffBlock());
      g.writeBooleanField("overdue", p.overdue());
      g.writeObjectFieldStart("loansByMaterial");
      for (Map.Entry<String, Integer> e : new TreeMap<>(p.loansByMaterial()).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("illThisFiscalYear", p.illThisFiscalYear());
      g.writeNumberField("illOnLoan", p.illOnLoan());
      g.writeNumberField("holdsAndRequests", p.holdsAndRequests());
      g.writeStringField(
          "groupConfirmedOn", p.groupConfirmedOn().map(Object::toString).orElse(null));
      g.writeStringField("homeBranch", p.homeBranch());
      g.writeEndObject();
    } else if (o instanceof HoldRecord h) {
      g.writeStartObject();
      g.writeStringField("itemId", h.itemId());
      g.writeStringField("patron", h.patron().value());
      g.writeStringField("pickupBranch", h.pickupBranch());
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("not a sync record: " + o.getClass());
    }
  }
}
