package org.shiori.central.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.central.ingest.StaffLog.Source;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.sync.Datasets;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.SyncMessage;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionAck;
import org.shiori.protocol.TransactionCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes transaction messages into central's database, a batch of them in one database transaction,
 * and says what to answer to each. The rules (docs/mqtt.md, "Central side"):
 *
 * <ul>
 *   <li>A transaction id seen before is answered again with the stored answer and not recorded
 *       twice. A message reusing a stored id with other content is answered with what was stored
 *       (so the real one is not harmed) and recorded for staff as {@code TX_ID_REUSED}.
 *   <li>{@code deviceId} must equal the topic's device: otherwise {@code DEVICE_MISMATCH}, and
 *       nothing of it is taken (the device's sequence does not move).
 *   <li>Each device's sequence is contiguous: only {@code last + 1} is taken. A later one (a gap)
 *       gets no answer, so the device re-sends from its oldest unacknowledged entry and the missing
 *       ones come first; nothing is ever acknowledged past a gap. An earlier one with a new id,
 *       under a sequence already taken, is a conflict: both kept, both held from the ILS, the
 *       device answered accepted, staff told ({@code SEQUENCE_CONFLICT}, see {@link
 *       SequenceConflicts}). An earlier one under a sequence never stored is taken.
 *   <li>{@code pendingFrom - 1 > last}: the device holds answers for sequences central never
 *       stored. For a device never met that is its starting point. For a known device someone else
 *       answered them (a rogue member of the share group): central moves on, because the device
 *       deleted them, but records an {@code ANSWERED_ELSEWHERE} notice naming how many were lost.
 *   <li>The answer is decided and the row inserted in the same database transaction; the caller
 *       publishes the ack only after the commit.
 * </ul>
 *
 * Several central instances may run this at once for the same device: the conditional update of
 * {@code devices.last_sequence} and the unique keys make one of them win; the other's transaction
 * is retried and then sees the winner's row.
 */
public final class TransactionIngest {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionIngest.class);

  /**
   * What to do after the commit.
   *
   * @param duplicate a copy of a transaction already stored, answered again
   */
  public record Outcome(
      Optional<TransactionAck> ack,
      List<SyncMessage> deltas,
      Optional<ReceivedTransaction> taken,
      boolean gap,
      boolean duplicate) {
    static Outcome silent() {
      return new Outcome(Optional.empty(), List.of(), Optional.empty(), false, false);
    }

    static Outcome answer(TransactionAck ack) {
      return new Outcome(Optional.of(ack), List.of(), Optional.empty(), false, false);
    }

    static Outcome again(TransactionAck ack) {
      return new Outcome(Optional.of(ack), List.of(), Optional.empty(), false, true);
    }

    static Outcome waitingForGap() {
      return new Outcome(Optional.empty(), List.of(), Optional.empty(), true, false);
    }
  }

  /** One message as it arrived: the topic it came on and its bytes. */
  public record Arrival(String topic, byte[] payload) {}

  /** A message that decoded as a transaction on a device's tx topic. */
  private record Decoded(String device, SequencedTransaction transaction) {}

  private final CentralDatabase db;
  private final Datasets datasets;
  private final Topics topics;
  private final Clock clock;
  private final boolean forwardToIls;
  private final StaffLog staff = new StaffLog();
  private final TransactionCodec codec = new TransactionCodec();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();

  /**
   * @param forwardToIls true when an ILS connector takes the transactions after central (they are
   *     queued and keep the patron key until forwarded); false for the standalone connector
   */
  public TransactionIngest(
      CentralDatabase db, Datasets datasets, Topics topics, Clock clock, boolean forwardToIls) {
    this.db = db;
    this.datasets = datasets;
    this.topics = topics;
    this.clock = clock;
    this.forwardToIls = forwardToIls;
  }

  public long duplicates() {
    return duplicates.get();
  }

  public long invalidMessages() {
    return invalid.get();
  }

  /** Messages of a device that came after a gap and were left unanswered. */
  public long gapsHeld() {
    return gaps.get();
  }

  /** Counts a message left unanswered after a gap (the caller gave up waiting for the gap). */
  public void gapHeld() {
    gaps.incrementAndGet();
  }

  /** Takes one message received on {@code topic}, in a database transaction of its own. */
  public Outcome take(String topic, byte[] payload) {
    return takeAll(List.of(new Arrival(topic, payload))).get(0);
  }

  /**
   * Takes messages as they arrived, all in one database transaction, and says for each, in the same
   * order, what to answer after the commit. The rules are those of one message, applied in arrival
   * order: a duplicate inside the batch sees the copy taken before it; a message after a gap that a
   * later message of the batch fills is taken once the gap is filled, so arrival order within a
   * batch never matters for one device. Should the batch fail for anything but a conflict with
   * another instance (which is retried whole), each message is taken again in a transaction of its
   * own, so one bad message costs only itself.
   */
  public List<Outcome> takeAll(List<Arrival> arrivals) {
    Outcome[] outcomes = new Outcome[arrivals.size()];
    List<Integer> valid = new ArrayList<>();
    Decoded[] decoded = new Decoded[arrivals.size()];
    for (int i = 0; i < arrivals.size(); i++) {
      Optional<Decoded> d = decode(arrivals.get(i));
      if (d.isEmpty()) {
        outcomes[i] = Outcome.silent();
      } else {
        decoded[i] = d.get();
        valid.add(i);
      }
    }
    if (!valid.isEmpty()) {
      Map<Integer, Outcome> taken;
      try {
        taken = db.inTransaction(c -> decideInOrder(c, valid, decoded));
      } catch (RuntimeException e) {
        if (valid.size() == 1) {
          throw e;
        }
        LOG.warn("a batch of {} failed ({}); taking each alone", valid.size(), e.getMessage());
        taken = new HashMap<>();
        for (int i : valid) {
          try {
            taken.putAll(db.inTransaction(c -> decideInOrder(c, List.of(i), decoded)));
          } catch (RuntimeException alone) {
            // Not committed, not answered: the device re-sends it after its ack timeout.
            LOG.warn(
                "transaction on {} not taken: {}", arrivals.get(i).topic(), alone.getMessage());
            taken.put(i, Outcome.silent());
          }
        }
      }
      taken.forEach((i, o) -> outcomes[i] = o);
    }
    List<Outcome> out = List.of(outcomes);
    // Counted after the commit: a retried batch must not count twice.
    for (Outcome o : out) {
      if (o.duplicate()) {
        duplicates.incrementAndGet();
      }
    }
    return out;
  }

  private Optional<Decoded> decode(Arrival a) {
    Optional<String> device = topics.deviceOf(a.topic());
    if (device.isEmpty() || !a.topic().equals(topics.tx(device.get()))) {
      invalid.incrementAndGet();
      LOG.warn("message on {} is not on a device's tx topic; ignored", a.topic());
      return Optional.empty();
    }
    try {
      return Optional.of(new Decoded(device.get(), codec.decode(a.payload())));
    } catch (PayloadException e) {
      invalid.incrementAndGet();
      LOG.warn("invalid transaction on {} refused: {}", a.topic(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Decides each message in arrival order; the ones waiting for a gap are looked at again while a
   * pass takes anything, since a later message of the batch may have filled their gap.
   */
  private Map<Integer, Outcome> decideInOrder(Connection c, List<Integer> order, Decoded[] decoded)
      throws SQLException {
    Map<Integer, Outcome> out = new HashMap<>();
    List<UUID> ids = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<String> patrons = new ArrayList<>();
    for (int i : order) {
      Transaction t = decoded[i].transaction().transaction();
      ids.add(t.id());
      items.add(t.itemId());
      t.patron().ifPresent(p -> patrons.add(p.value()));
    }
    Batch batch = new Batch(storedAmong(c, ids));
    // Ingest never creates items, holds or patron blocks: what is not there now needs no look-up.
    batch.knownItems.addAll(
        presentAmong(
            c,
            "SELECT item_id FROM items WHERE item_id IN (%1$s)"
                + " UNION SELECT item_id FROM holds WHERE item_id IN (%1$s)",
            items));
    batch.patronsWithRecords.addAll(
        presentAmong(c, "SELECT patron_key FROM patrons WHERE patron_key IN (%s)", patrons));
    List<String> devices = new ArrayList<>();
    for (int i : order) {
      if (!devices.contains(decoded[i].device())) {
        devices.add(decoded[i].device());
      }
    }
    batch.readSequences(c, devices);
    List<Integer> waiting = new ArrayList<>(order);
    boolean progress = true;
    while (progress && !waiting.isEmpty()) {
      progress = false;
      List<Integer> stillWaiting = new ArrayList<>();
      for (int i : waiting) {
        Outcome o = decide(c, batch, decoded[i].device(), decoded[i].transaction());
        out.put(i, o);
        if (o.gap()) {
          stillWaiting.add(i);
        } else {
          progress = true;
        }
      }
      waiting = stillWaiting;
    }
    batch.moveSequences(c);
    return out;
  }

  /**
   * What one batch has read and changed: the stored transactions among its ids (read in one query,
   * then kept up to date with what the batch inserts) and each device's sequence (read once, moved
   * in memory, written once at the end by a conditional update from the value read, so a concurrent
   * instance that moved it makes the batch fail and be retried).
   */
  private static final class Batch {
    final Map<UUID, Stored> stored;
    final Map<String, Long> read = new HashMap<>();
    final Map<String, Long> current = new HashMap<>();

    Batch(Map<UUID, Stored> stored) {
      this.stored = stored;
    }

    long last(Connection c, String device) throws SQLException {
      Long known = current.get(device);
      if (known != null) {
        return known;
      }
      long value = lastSequence(c, device);
      read.put(device, value);
      current.put(device, value);
      return value;
    }

    /**
     * Reads the sequences of the batch's devices known to central in one query; a device never met
     * is left to {@link #last}, which registers it when one of its messages gets that far.
     */
    void readSequences(Connection c, List<String> devices) throws SQLException {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT device_id, last_sequence FROM devices WHERE device_id IN ("
                  + marks(devices.size())
                  + ")")) {
        for (int i = 0; i < devices.size(); i++) {
          s.setString(i + 1, devices.get(i));
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            read.put(r.getString(1), r.getLong(2));
            current.put(r.getString(1), r.getLong(2));
          }
        }
      }
    }

    void move(String device, long to) {
      current.put(device, to);
    }

    /** Items of the batch that have an item or a hold record; patrons that have a record. */
    final java.util.Set<String> knownItems = new java.util.HashSet<>();

    final java.util.Set<String> patronsWithRecords = new java.util.HashSet<>();

    /** Transaction rows, queue entries and loan changes not yet written. */
    final List<Object[]> rows = new ArrayList<>();

    final List<String> queued = new ArrayList<>();

    /** Per item, the loan it has after this batch ({@code null}: none): only the last counts. */
    final Map<String, Object[]> loans = new java.util.LinkedHashMap<>();

    void loan(String itemId, Object[] loan) {
      loans.remove(itemId);
      loans.put(itemId, loan);
    }

    /**
     * Writes what the batch deferred, each kind in one JDBC batch (one round trip on PostgreSQL).
     * Before anything that reads those rows back, and at the end.
     */
    void write(Connection c) throws SQLException {
      try {
        insertRows(c, rows);
        rows.clear();
        try (PreparedStatement s =
            c.prepareStatement("INSERT INTO ils_queue (tx_id, attempts) VALUES (?, 0)")) {
          for (String id : queued) {
            s.setString(1, id);
            s.addBatch();
          }
          if (!queued.isEmpty()) {
            s.executeBatch();
          }
        }
        queued.clear();
        writeLoans(c);
      } catch (java.sql.BatchUpdateException e) {
        // The cause carries the SQL state that tells a conflict with another instance (retried).
        throw e.getNextException() != null ? e.getNextException() : e;
      }
    }

    private void writeLoans(Connection c) throws SQLException {
      try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM current_loans WHERE item_id = ?");
          PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO current_loans (item_id, patron_key, due_date, tx_id, since)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET"
                      + " patron_key = excluded.patron_key, due_date = excluded.due_date,"
                      + " tx_id = excluded.tx_id, since = excluded.since")) {
        int deletes = 0;
        int upserts = 0;
        for (Map.Entry<String, Object[]> e : loans.entrySet()) {
          if (e.getValue() == null) {
            delete.setString(1, e.getKey());
            delete.addBatch();
            deletes++;
          } else {
            for (int i = 0; i < e.getValue().length; i++) {
              upsert.setObject(i + 1, e.getValue()[i]);
            }
            upsert.addBatch();
            upserts++;
          }
        }
        if (deletes > 0) {
          delete.executeBatch();
        }
        if (upserts > 0) {
          upsert.executeBatch();
        }
      }
      loans.clear();
    }

    /**
     * Writes what is deferred, then moves each device's sequence on, only from the value read
     * (another instance may have moved it), all in one JDBC batch.
     */
    void moveSequences(Connection c) throws SQLException {
      write(c);
      List<String> moved = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE devices SET last_sequence = ? WHERE device_id = ? AND last_sequence = ?")) {
        for (Map.Entry<String, Long> e : current.entrySet()) {
          long from = read.get(e.getKey());
          if (e.getValue() != from) {
            s.setLong(1, e.getValue());
            s.setString(2, e.getKey());
            s.setLong(3, from);
            s.addBatch();
            moved.add(e.getKey());
          }
        }
        if (moved.isEmpty()) {
          return;
        }
        int[] counts = s.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] != 1) {
            throw new SQLException("device " + moved.get(i) + " moved on concurrently", "40001");
          }
        }
      } catch (java.sql.BatchUpdateException e) {
        throw e.getNextException() != null ? e.getNextException() : e;
      }
    }
  }

  private record Stored(
      String deviceId, long sequence, String hash, boolean accepted, Optional<String> reason) {
    TransactionAck ack(UUID id) {
      return accepted ? TransactionAck.accept(id) : TransactionAck.reject(id, reason.orElseThrow());
    }
  }

  private Outcome decide(Connection c, Batch batch, String device, SequencedTransaction st)
      throws SQLException {
    Transaction t = st.transaction();
    Instant now = clock.instant();
    String hash = contentHash(st);
    Optional<Stored> known = Optional.ofNullable(batch.stored.get(t.id()));
    if (known.isPresent()) {
      Stored k = known.get();
      if (!k.deviceId().equals(device) || k.sequence() != st.sequence() || !k.hash().equals(hash)) {
        LOG.warn("{} sent another transaction under the stored id {}", device, t.id());
        staff.reject(c, t.id(), device, st.sequence(), "TX_ID_REUSED", Source.CENTRAL, now);
        staff.notice(
            c,
            device,
            "TX_ID_REUSED",
            Optional.of(t.id()),
            Optional.empty(),
            OptionalLong.empty(),
            Source.CENTRAL,
            now);
        return Outcome.answer(k.ack(t.id()));
      }
      return Outcome.again(k.ack(t.id()));
    }
    if (!t.deviceId().equals(device)) {
      LOG.warn("transaction {} on {}'s topic names another device", t.id(), device);
      staff.reject(c, t.id(), device, st.sequence(), "DEVICE_MISMATCH", Source.CENTRAL, now);
      return Outcome.answer(TransactionAck.reject(t.id(), "DEVICE_MISMATCH"));
    }
    long last = batch.last(c, device);
    long floor = last;
    if (st.pendingFrom() - 1 > last) {
      floor = st.pendingFrom() - 1;
      if (last > 0) {
        long lost = floor - last;
        LOG.warn(
            "{} holds answers for sequences {}..{} that central never stored: {} lost",
            device,
            last + 1,
            floor,
            lost);
        staff.notice(
            c,
            device,
            "ANSWERED_ELSEWHERE",
            Optional.empty(),
            Optional.empty(),
            OptionalLong.of(lost),
            Source.CENTRAL,
            now);
      } else {
        LOG.info("{} starts at sequence {}", device, floor + 1);
      }
      batch.move(device, floor);
      last = floor;
    }
    if (st.sequence() <= floor) {
      // Rare: the rows this batch took so far are written before they are looked for.
      batch.write(c);
      Optional<UUID> holder = holderOf(c, device, st.sequence());
      if (holder.isPresent()) {
        return heldAsConflict(c, batch, device, st, hash, holder.get(), now);
      }
      // A sequence central moved past (pendingFrom) but never stored: the device still had it,
      // so nobody else answered it. Taken at its own place; the device's sequence stays.
      LOG.info(
          "{} sent sequence {}, below {} but never stored: taken", device, st.sequence(), floor);
      return takeNew(c, batch, device, st, hash, now);
    }
    if (st.sequence() > floor + 1) {
      LOG.debug(
          "{} sequence {} after {}: waiting for the missing ones", device, st.sequence(), floor);
      return Outcome.waitingForGap();
    }
    batch.move(device, st.sequence());
    return takeNew(c, batch, device, st, hash, now);
  }

  /** The transaction of this device that holds this sequence (the first one taken). */
  private static Optional<UUID> holderOf(Connection c, String device, long sequence)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tx_id FROM transactions WHERE device_id = ? AND sequence = ?"
                + " AND sequence_conflict = 0")) {
      s.setString(1, device);
      s.setLong(2, sequence);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(UUID.fromString(r.getString(1))) : Optional.empty();
      }
    }
  }

  /**
   * A second transaction under a sequence already taken. Central cannot tell which of the two the
   * device really made (a forged one may have come first, and the patron at the kiosk was already
   * told 貸出しました): it keeps both, stops both on their way to the ILS ({@code held}), answers
   * accepted so the device's outbox drains, and tells staff ({@code SEQUENCE_CONFLICT}). Nothing of
   * the second is applied to the loans; staff decide with {@link SequenceConflicts}.
   */
  private Outcome heldAsConflict(
      Connection c,
      Batch batch,
      String device,
      SequencedTransaction st,
      String hash,
      UUID holder,
      Instant now)
      throws SQLException {
    Transaction t = st.transaction();
    LOG.warn(
        "{} sent {} under sequence {}, already taken by {}: both held for staff",
        device,
        t.id(),
        st.sequence(),
        holder);
    // The patron key is kept while held: the one staff keep may still have to go to the ILS.
    List<Object[]> conflicting = new ArrayList<>();
    conflicting.add(row(st, hash, now, true, Optional.empty(), true, "held", true));
    insertRows(c, conflicting);
    batch.stored.put(t.id(), new Stored(device, st.sequence(), hash, true, Optional.empty()));
    String holderState = SequenceConflicts.hold(c, holder);
    staff.notice(
        c,
        device,
        "SEQUENCE_CONFLICT",
        Optional.of(t.id()),
        Optional.of(t.itemId()),
        OptionalLong.of(st.sequence()),
        Source.CENTRAL,
        now);
    if (holderState.equals("done") || holderState.equals("refused")) {
      // Too late to stop the first one: the ILS already has it. Staff must look at the ILS too.
      staff.notice(
          c,
          device,
          "SEQUENCE_CONFLICT_FORWARDED",
          Optional.of(holder),
          Optional.empty(),
          OptionalLong.of(st.sequence()),
          Source.CENTRAL,
          now);
    }
    ReceivedTransaction taken =
        new ReceivedTransaction(
            t.id(),
            device,
            st.sequence(),
            t.type(),
            t.itemId(),
            t.dueDate(),
            t.offline(),
            t.at(),
            now,
            true,
            Optional.empty(),
            "held");
    return new Outcome(
        Optional.of(TransactionAck.accept(t.id())), List.of(), Optional.of(taken), false, false);
  }

  private Outcome takeNew(
      Connection c, Batch batch, String device, SequencedTransaction st, String hash, Instant now)
      throws SQLException {
    Transaction t = st.transaction();
    Optional<String> reason = centralRefusal(c, batch, t);
    boolean accepted = reason.isEmpty();
    boolean queued = accepted && forwardToIls;
    batch.rows.add(
        row(st, hash, now, accepted, reason, queued, queued ? "pending" : "none", false));
    batch.stored.put(t.id(), new Stored(device, st.sequence(), hash, accepted, reason));
    List<SyncMessage> deltas = new ArrayList<>();
    if (accepted) {
      deltas.addAll(applyToLoans(c, batch, t, now));
      if (queued) {
        batch.queued.add(t.id().toString());
      }
    } else {
      staff.reject(c, t.id(), device, st.sequence(), reason.get(), Source.CENTRAL, now);
    }
    TransactionAck ack =
        accepted ? TransactionAck.accept(t.id()) : TransactionAck.reject(t.id(), reason.get());
    ReceivedTransaction taken =
        new ReceivedTransaction(
            t.id(),
            device,
            st.sequence(),
            t.type(),
            t.itemId(),
            t.dueDate(),
            t.offline(),
            t.at(),
            now,
            accepted,
            reason,
            queued ? "pending" : "none");
    return new Outcome(Optional.of(ack), deltas, Optional.of(taken), false, false);
  }

  /** The refusals central itself decides: a checkout for a patron blocked meanwhile (R-BLOCK-2). */
  private Optional<String> centralRefusal(Connection c, Batch batch, Transaction t)
      throws SQLException {
    if (t.type() == TransactionType.CHECKOUT
        && batch.patronsWithRecords.contains(t.patron().orElseThrow().value())) {
      Optional<PatronSnapshot> p = datasets.patron(c, t.patron().orElseThrow());
      if (p.isPresent() && p.get().staffBlock()) {
        return Optional.of("PATRON_BLOCKED");
      }
    }
    return Optional.empty();
  }

  private List<SyncMessage> applyToLoans(Connection c, Batch batch, Transaction t, Instant now)
      throws SQLException {
    List<SyncMessage> deltas = new ArrayList<>();
    ItemStatus status = ItemStatus.AVAILABLE;
    boolean known = batch.knownItems.contains(t.itemId());
    if (t.type() != TransactionType.CHECKOUT) {
      batch.loan(t.itemId(), null);
    } else {
      PatronKey patron = t.patron().orElseThrow();
      // A loan of the item not returned first is replaced by this one.
      batch.loan(
          t.itemId(),
          new Object[] {
            t.itemId(),
            patron.value(),
            t.dueDate().orElseThrow().toString(),
            t.id().toString(),
            now.toEpochMilli()
          });
      status = ItemStatus.ON_LOAN;
      if (!known) {
        return deltas;
      }
      // A hold picked up by its patron is fulfilled: erased, never sent again (P-ERASE-2).
      Optional<HoldRecord> hold = datasets.hold(c, t.itemId());
      Optional<ItemRecord> lent = datasets.item(c, t.itemId());
      boolean heldForBorrower =
          hold.map(h -> h.patron().equals(patron)).orElse(false)
              || lent.flatMap(ItemRecord::holdFor).map(patron::equals).orElse(false);
      if (!heldForBorrower) {
        return withStatus(c, lent, status, deltas);
      }
      deltas.addAll(datasets.removeHold(c, t.itemId()));
    }
    if (!known) {
      return deltas;
    }
    return withStatus(c, datasets.item(c, t.itemId()), status, deltas);
  }

  private List<SyncMessage> withStatus(
      Connection c, Optional<ItemRecord> item, ItemStatus status, List<SyncMessage> deltas)
      throws SQLException {
    if (item.isPresent() && item.get().status() != status) {
      deltas.add(datasets.putItem(c, item.get().withStatus(status)));
    }
    return deltas;
  }

  private static long lastSequence(Connection c, String device) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT last_sequence FROM devices WHERE device_id = ?")) {
      s.setString(1, device);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return r.getLong(1);
        }
      }
    }
    // First transaction of a device never registered: another instance may insert it too.
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO devices (device_id) VALUES (?) ON CONFLICT (device_id) DO NOTHING")) {
      s.setString(1, device);
      s.executeUpdate();
    }
    return 0;
  }

  /**
   * One row of the transactions table, in the column order of {@link #insertRows}.
   *
   * @param keepPatron whether the patron key stays on the row (only while the ILS may need it)
   * @param conflict a later transaction under a sequence already taken (kept beside the first)
   */
  private static Object[] row(
      SequencedTransaction st,
      String hash,
      Instant now,
      boolean accepted,
      Optional<String> reason,
      boolean keepPatron,
      String ilsState,
      boolean conflict) {
    Transaction t = st.transaction();
    return new Object[] {
      t.id().toString(),
      t.deviceId(),
      st.sequence(),
      t.type().name(),
      t.branch(),
      t.itemId(),
      // The patron key stays only while the ILS still needs it; the loan is in current_loans.
      keepPatron ? t.patron().map(PatronKey::value).orElse(null) : null,
      t.at().toEpochMilli(),
      t.dueDate().map(LocalDate::toString).orElse(null),
      t.offline() ? 1 : 0,
      now.toEpochMilli(),
      accepted ? "accepted" : "rejected",
      reason.orElse(null),
      hash,
      ilsState,
      conflict ? 1 : 0
    };
  }

  private static void insertRows(Connection c, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO transactions (tx_id, device_id, sequence, type, branch, item_id,"
                + " patron_key, happened_at, due_date, offline, received_at, status, reason,"
                + " content_hash, ils_state, sequence_conflict)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] == null) {
            s.setNull(i + 1, java.sql.Types.VARCHAR);
          } else {
            s.setObject(i + 1, row[i]);
          }
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * One mark per key. Lists filled up to a few fixed sizes (so that PostgreSQL would keep fewer
   * prepared statements) made its CPU time per transaction twenty times what it is, most likely by
   * the generic plans it then switches to.
   */
  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /**
   * Which of {@code keys} the query finds, in one query: each {@code %1$s} or {@code %s} of the
   * query is one IN list of all keys.
   */
  private static List<String> presentAmong(Connection c, String query, List<String> keys)
      throws SQLException {
    List<String> out = new ArrayList<>();
    if (keys.isEmpty()) {
      return out;
    }
    String sql = String.format(query, marks(keys.size()));
    int lists = (sql.length() - sql.replace("?", "").length()) / keys.size();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int l = 0; l < lists; l++) {
        for (int i = 0; i < keys.size(); i++) {
          s.setString(l * keys.size() + i + 1, keys.get(i));
        }
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  /** The stored transactions among {@code ids}, in one query. */
  private static Map<UUID, Stored> storedAmong(Connection c, List<UUID> ids) throws SQLException {
    Map<UUID, Stored> out = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tx_id, device_id, sequence, content_hash, status, reason FROM transactions"
                + " WHERE tx_id IN ("
                + marks(ids.size())
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        s.setString(i + 1, ids.get(i).toString());
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(
              UUID.fromString(r.getString(1)),
              new Stored(
                  r.getString(2),
                  r.getLong(3),
                  r.getString(4),
                  r.getString(5).equals("accepted"),
                  Optional.ofNullable(r.getString(6))));
        }
      }
    }
    return out;
  }

  /** What makes two messages the same transaction: everything but {@code pendingFrom}. */
  static String contentHash(SequencedTransaction st) {
    Transaction t = st.transaction();
    String canonical =
        String.join(
            "\n",
            t.id().toString(),
            Long.toString(st.sequence()),
            t.type().name(),
            t.deviceId(),
            t.branch(),
            t.itemId(),
            t.patron().map(PatronKey::value).orElse(""),
            t.at().toString(),
            t.dueDate().map(Object::toString).orElse(""),
            Boolean.toString(t.offline()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Every transaction taken, in the order taken. */
  public List<ReceivedTransaction> received() {
    return db.inTransaction(TransactionIngest::received);
  }

  static List<ReceivedTransaction> received(Connection c) throws SQLException {
    List<ReceivedTransaction> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT tx_id, device_id, sequence, type, item_id, due_date, offline, happened_at,"
                    + " received_at, status, reason, ils_state FROM transactions"
                    + " ORDER BY received_at, device_id, sequence");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(
            new ReceivedTransaction(
                UUID.fromString(r.getString(1)),
                r.getString(2),
                r.getLong(3),
                TransactionType.valueOf(r.getString(4)),
                r.getString(5),
                Optional.ofNullable(r.getString(6)).map(LocalDate::parse),
                r.getInt(7) != 0,
                Instant.ofEpochMilli(r.getLong(8)),
                Instant.ofEpochMilli(r.getLong(9)),
                r.getString(10).equals("accepted"),
                Optional.ofNullable(r.getString(11)),
                r.getString(12)));
      }
    }
    return out;
  }
}
