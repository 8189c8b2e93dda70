package org.shiori.kiosk.session;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.store.OutboxEntry;
import org.shiori.device.store.SqliteStore;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.kiosk.pad.ItemTag;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncBatch;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.codec.TagContent;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;

/**
 * A kiosk session on real parts: a SQLite store filled through its sync methods, the shipped
 * Matsuyama rules, the FEIG driver talking to the FEIG emulator over an in-memory line, and a
 * direct executor as the reader's I/O thread so that every call has finished when it returns.
 */
final class KioskRig implements AutoCloseable {
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** Friday 2026-11-20, 10:30 in Tokyo: the central library is open. */
  static final Instant START = Instant.parse("2026-11-20T01:30:00Z");

  static final String BRANCH = "central";
  static final String ISIL = "JP-1001234";
  static final SecurityMode SECURITY = SecurityMode.ISO_AFI;

  /** The rig's staff card: it opens the staff status screen, never a session. */
  static final String STAFF_CARD = "A7000000001B";

  /** How long the staff status screen stays open untouched. */
  static final Duration STAFF_OPEN_FOR = Duration.ofSeconds(30);

  /** Statuses of items that left the library through a loan: their tags are released. */
  private static final Set<ItemStatus> OUT_OF_LIBRARY =
      Set.of(ItemStatus.ON_LOAN, ItemStatus.LOST, ItemStatus.MISSING);

  /** ISO 28560-3 data fills nine 4-byte blocks of an ICODE SLIX. */
  private static final int DATA_BLOCKS = 9;

  final SettableClock clock = new SettableClock(START);
  final TestConnectivity connectivity = new TestConnectivity();
  final CardHasher hasher = new CardHasher(tenantKey());
  final SqliteStore store;
  final TagField field = new TagField();
  final FeigReaderEmulator emulator;
  final FeigReader reader;
  final KioskSession session;
  final AtomicInteger commits = new AtomicInteger();

  private final MemoryPipe.Pair line;
  private final Map<String, VirtualTag> tags = new LinkedHashMap<>();
  private final AtomicInteger nextUid = new AtomicInteger(1);
  private long itemSequence;
  private long patronSequence;
  private long holdSequence;

  KioskRig(Path dir, int outboxCapacity, OfflineGuard.Limits limits) {
    this(
        dir,
        outboxCapacity,
        limits,
        KioskRig::defaultSession,
        ShippedPolicies.load("matsuyama", TOKYO),
        PinService.unavailable(),
        LoanQueries.unavailable());
  }

  /** The 2-minute idle timeout the older tests were written for, other timings as shipped. */
  private static KioskSession defaultSession(
      KioskIdentity identity,
      KioskSession.SessionParts parts,
      java.time.Clock clock,
      java.util.concurrent.Executor io) {
    return new KioskSession(identity, parts, clock, io, Duration.ofMinutes(2));
  }

  /** How a rig builds its session. */
  interface SessionFactory {
    KioskSession create(
        KioskIdentity identity,
        KioskSession.SessionParts parts,
        java.time.Clock clock,
        java.util.concurrent.Executor io);
  }

  /** A rig with the given session timings, rules and PIN service. */
  KioskRig(
      Path dir,
      org.shiori.config.SessionSettings timings,
      org.shiori.circulation.policy.CirculationRules rules,
      PinService pins) {
    this(
        dir,
        1_000,
        new OfflineGuard.Limits(5, Duration.ofHours(24), Duration.ofHours(48)),
        (identity, parts, clock, io) -> new KioskSession(identity, parts, clock, io, timings),
        rules,
        pins,
        LoanQueries.unavailable());
  }

  /** A rig whose patrons' loans and renewals come from {@code loans}. */
  KioskRig(Path dir, LoanQueries loans) {
    this(
        dir,
        1_000,
        new OfflineGuard.Limits(5, Duration.ofHours(24), Duration.ofHours(48)),
        KioskRig::defaultSession,
        ShippedPolicies.load("matsuyama", TOKYO),
        PinService.unavailable(),
        loans);
  }

  private KioskRig(
      Path dir,
      int outboxCapacity,
      OfflineGuard.Limits limits,
      SessionFactory factory,
      org.shiori.circulation.policy.CirculationRules rules,
      PinService pins,
      LoanQueries loans) {
    store = SqliteStore.open(dir.resolve("store.db"), outboxCapacity, clock);
    line = MemoryPipe.pair();
    emulator = new FeigReaderEmulator(line.device(), field, 0xFF);
    emulator.start();
    reader = new FeigReader(line.host(), 0xFF, Duration.ofMillis(1500));
    OfflineGuard offline =
        new OfflineGuard(limits, connectivity, () -> store.lastSyncAt(Dataset.ITEMS), clock);
    StaffCards staffCards = new StaffCards(Set.of(hasher.keyOf(STAFF_CARD)), STAFF_OPEN_FOR);
    session =
        factory.create(
            new KioskIdentity("matsuyama", "kiosk-test-1", BRANCH, TOKYO),
            new KioskSession.SessionParts(
                rules,
                store,
                store,
                store,
                new TagSecurity(reader, SECURITY),
                hasher,
                offline,
                commits::incrementAndGet,
                key -> store.exportPatron(key).holds(),
                pins,
                loans,
                staffCards),
            clock,
            Runnable::run);
  }

  KioskRig(Path dir) {
    this(dir, 1_000, new OfflineGuard.Limits(5, Duration.ofHours(24), Duration.ofHours(48)));
  }

  private static byte[] tenantKey() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0x5A);
    return key;
  }

  // ---- catalog and patrons, through the sync sink as central would send them ----

  static ItemRecord book(String id) {
    return item(id, "book", Set.of(), 1);
  }

  static ItemRecord item(String id, String material, Set<String> flags, int parts) {
    return new ItemRecord(
        id, "Title " + id, material, BRANCH, ItemStatus.AVAILABLE, flags, parts, Optional.empty());
  }

  static PatronSnapshot patron(PatronKey key) {
    return new PatronSnapshot(
        key,
        "individual",
        LocalDate.parse("2028-03-31"),
        false,
        false,
        Map.of(),
        0,
        0,
        0,
        Optional.empty(),
        BRANCH);
  }

  /** Adds items to the catalog and makes tags for them (secured, or released when on loan). */
  void items(ItemRecord... records) {
    store.applyItems(
        new SyncBatch<>(++itemSequence, false, 0, 1, List.of(records), List.<String>of()));
    for (ItemRecord record : records) {
      for (int part = 1; part <= record.parts(); part++) {
        TagUid uid = TagUid.fromHex(String.format("E004010000%06X", nextUid.getAndIncrement()));
        VirtualTag tag =
            VirtualTag.slix(
                uid,
                LibraryTagCodec.encodeIso28560_3(
                    record.itemId(), record.parts(), part, "JP", ISIL));
        tag.setAfi(
            OUT_OF_LIBRARY.contains(record.status())
                ? SECURITY.releasedAfi()
                : SECURITY.securedAfi());
        tags.put(record.itemId() + "/" + part, tag);
      }
    }
  }

  /** A tag whose item central never sent (a donated book, a tag from another library). */
  void uncatalogued(String itemId) {
    TagUid uid = TagUid.fromHex(String.format("E004010000%06X", nextUid.getAndIncrement()));
    VirtualTag tag =
        VirtualTag.slix(uid, LibraryTagCodec.encodeIso28560_3(itemId, 1, 1, "JP", ISIL));
    tag.setAfi(SECURITY.securedAfi());
    tags.put(itemId + "/1", tag);
  }

  void patrons(PatronSnapshot... snapshots) {
    store.applyPatrons(
        new SyncBatch<>(++patronSequence, false, 0, 1, List.of(snapshots), List.<String>of()));
  }

  void holds(HoldRecord... holds) {
    store.applyHolds(
        new SyncBatch<>(++holdSequence, false, 0, 1, List.of(holds), List.<String>of()));
  }

  /** Registers a card: the patron cache learns only the key, as on a real device. */
  PatronKey card(String cardNumber, PatronSnapshot... template) {
    PatronKey key = hasher.keyOf(cardNumber);
    PatronSnapshot base = template.length == 0 ? patron(key) : template[0];
    patrons(
        new PatronSnapshot(
            key,
            base.category(),
            base.expiry(),
            base.staffBlock(),
            base.overdue(),
            base.loansByMaterial(),
            base.illThisFiscalYear(),
            base.illOnLoan(),
            base.holdsAndRequests(),
            base.groupConfirmedOn(),
            base.homeBranch()));
    return key;
  }

  // ---- the pad ----

  VirtualTag tag(String itemId, int part) {
    return tags.get(itemId + "/" + part);
  }

  /** Every part of each item lies on the pad. */
  void place(String... itemIds) {
    List<String> keys = new ArrayList<>();
    for (String id : itemIds) {
      tags.keySet().stream().filter(k -> k.startsWith(id + "/")).forEach(keys::add);
    }
    placeParts(keys.toArray(String[]::new));
  }

  /** Exactly these tags ("item/part") lie on the pad; the session is told what the reader sees. */
  void placeParts(String... tagKeys) {
    field.clear();
    for (String key : tagKeys) {
      field.put(tags.get(key));
    }
    session.padChanged(readPad());
  }

  void clearPad() {
    placeParts();
  }

  /** One inventory round through the driver, as the pad scanner does it. */
  List<ItemTag> readPad() {
    try {
      List<ItemTag> seen = new ArrayList<>();
      for (InventoryEntry entry : reader.inventory(OptionalInt.empty())) {
        TagContent content = LibraryTagCodec.decode(reader.readBlocks(entry.uid(), 0, DATA_BLOCKS));
        seen.add(new ItemTag(entry.uid(), content.itemId(), content.part(), content.parts()));
      }
      return seen;
    } catch (ReaderException e) {
      throw new AssertionError("the emulated pad must be readable here", e);
    }
  }

  // ---- what the store holds ----

  List<OutboxEntry> outbox() {
    return store.unacknowledged(10_000);
  }

  @Override
  public void close() {
    reader.close();
    emulator.close();
    line.close();
    store.close();
  }

  /** A fixed-offset clock the test moves forward. */
  static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /** The link to central as the test sets it. */
  static final class TestConnectivity implements Connectivity {
    private final AtomicReference<Optional<Instant>> since =
        new AtomicReference<>(Optional.empty());

    void lostAt(Instant when) {
      since.set(Optional.of(when));
    }

    void restored() {
      since.set(Optional.empty());
    }

    @Override
    public Optional<Instant> offlineSince() {
      return since.get();
    }
  }
}
