package org.shiori.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.central.app.RetentionJob;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.sync.Datasets;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.DeviceState;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.SyncMessage;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionAck;
import org.shiori.protocol.TransactionCodec;

/**
 * The ingest rules of docs/mqtt.md against central's real database: the same test class runs on
 * SQLite ({@link SqliteIngestTest}) and PostgreSQL ({@link PostgresqlIngestTest}).
 */
abstract class IngestContractTest {
  static final String TENANT = "example-city";
  static final PatronKey ALICE = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  static final PatronKey BOB = new PatronKey("00112233445566778899aabbccddeeff");
  static final Instant NOW = Instant.parse("2026-11-21T01:02:03Z");

  final Topics topics = new Topics(TENANT);
  final TransactionCodec codec = new TransactionCodec();
  CentralConfig.Database settings;
  CentralDatabase db;
  Datasets datasets;
  TransactionIngest ingest;

  abstract CentralConfig.Database database() throws Exception;

  abstract void dropDatabase(CentralConfig.Database settings);

  @BeforeEach
  void open() throws Exception {
    settings = database();
    db = CentralDatabase.open(settings);
    datasets = new Datasets(TENANT);
    ingest = new TransactionIngest(db, datasets, topics, Clock.fixed(NOW, ZoneOffset.UTC), false);
  }

  @AfterEach
  void close() {
    db.close();
    dropDatabase(settings);
  }

  static Transaction checkout(String device, String item, PatronKey patron) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.CHECKOUT,
        device,
        "main",
        item,
        Optional.of(patron),
        NOW,
        Optional.of(LocalDate.of(2026, 12, 5)),
        false);
  }

  static Transaction giveBack(String device, String item) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.RETURN,
        device,
        "main",
        item,
        Optional.empty(),
        NOW,
        Optional.empty(),
        false);
  }

  TransactionIngest.Outcome send(String topicDevice, long seq, long pendingFrom, Transaction t) {
    return ingest.take(
        topics.tx(topicDevice), codec.encode(new SequencedTransaction(seq, pendingFrom, t)));
  }

  static TransactionAck accepted(Transaction t) {
    return TransactionAck.accept(t.id());
  }

  void addItem(String itemId, Optional<PatronKey> holdFor) {
    db.inTransaction(
        c ->
            datasets.putItem(
                c,
                new ItemRecord(
                    itemId,
                    "吾輩は猫である",
                    "book",
                    "main",
                    holdFor.isPresent() ? ItemStatus.ON_HOLD_SHELF : ItemStatus.AVAILABLE,
                    Set.of("open"),
                    1,
                    holdFor)));
  }

  void addPatron(PatronKey key, boolean blocked) {
    db.inTransaction(
        c ->
            datasets.putPatron(
                c,
                new PatronSnapshot(
                    key,
                    "individual",
                    LocalDate.of(2030, 3, 31),
                    blocked,
                    false,
                    Map.of("book", 1),
                    0,
                    0,
                    0,
                    Optional.empty(),
                    "main")));
  }

  @Test
  void eachTransactionIsTakenOnceAndADuplicateIsAnsweredAgain() {
    Transaction t = checkout("kiosk-1", "1000123456", ALICE);
    assertThat(send("kiosk-1", 1, 1, t).ack()).contains(accepted(t));
    TransactionIngest.Outcome again = send("kiosk-1", 1, 1, t);
    assertThat(again.ack()).contains(accepted(t));
    assertThat(again.taken()).isEmpty();
    assertThat(ingest.received()).hasSize(1);
    assertThat(ingest.duplicates()).isEqualTo(1);
  }

  @Test
  void aGapIsNeverAcknowledged() {
    Transaction first = checkout("kiosk-1", "1", ALICE);
    Transaction third = checkout("kiosk-1", "3", ALICE);
    Transaction second = checkout("kiosk-1", "2", ALICE);
    assertThat(send("kiosk-1", 1, 1, first).ack()).isPresent();
    assertThat(send("kiosk-1", 3, 2, third).ack()).as("3 after 1: silent").isEmpty();
    assertThat(send("kiosk-1", 2, 2, second).ack()).contains(accepted(second));
    assertThat(send("kiosk-1", 3, 3, third).ack()).contains(accepted(third));
    assertThat(ingest.received())
        .extracting(ReceivedTransaction::sequence)
        .containsExactly(1L, 2L, 3L);
    assertThat(send("kiosk-1", 5, 4, checkout("kiosk-1", "5", ALICE)).gap()).isTrue();
  }

  TransactionIngest.Arrival arrival(long seq, long pendingFrom, Transaction t) {
    return new TransactionIngest.Arrival(
        topics.tx(t.deviceId()), codec.encode(new SequencedTransaction(seq, pendingFrom, t)));
  }

  @Test
  void aBatchWithADuplicateInsideTakesItOnceAndAnswersBoth() {
    Transaction first = checkout("kiosk-1", "1", ALICE);
    Transaction second = checkout("kiosk-1", "2", ALICE);
    Transaction other = checkout("kiosk-2", "9", BOB);
    List<TransactionIngest.Outcome> out =
        ingest.takeAll(
            List.of(
                arrival(1, 1, first),
                arrival(1, 1, other),
                arrival(1, 1, first),
                arrival(2, 1, second)));
    assertThat(out)
        .extracting(o -> o.ack().orElseThrow())
        .containsExactly(accepted(first), accepted(other), accepted(first), accepted(second));
    assertThat(out).extracting(o -> o.taken().isPresent()).containsExactly(true, true, false, true);
    assertThat(ingest.received())
        .extracting(ReceivedTransaction::txId)
        .containsExactlyInAnyOrder(first.id(), other.id(), second.id());
    assertThat(ingest.duplicates()).isEqualTo(1);
  }

  @Test
  void aBatchWithAGapAnswersNothingPastIt() {
    Transaction first = checkout("kiosk-1", "1", ALICE);
    Transaction second = checkout("kiosk-1", "2", ALICE);
    Transaction third = checkout("kiosk-1", "3", ALICE);
    Transaction fourth = checkout("kiosk-1", "4", ALICE);
    assertThat(send("kiosk-1", 1, 1, first).ack()).isPresent();
    // 2 is missing: 3 and 4 wait, unanswered, and nothing of them is stored.
    List<TransactionIngest.Outcome> out =
        ingest.takeAll(List.of(arrival(3, 2, third), arrival(4, 2, fourth)));
    assertThat(out).allSatisfy(o -> assertThat(o.gap()).isTrue());
    assertThat(out).allSatisfy(o -> assertThat(o.ack()).isEmpty());
    assertThat(ingest.received()).hasSize(1);
    // The re-send brings 2 after 3 and 4 in the same batch: all three are taken, in order.
    out =
        ingest.takeAll(List.of(arrival(3, 2, third), arrival(4, 2, fourth), arrival(2, 2, second)));
    assertThat(out)
        .extracting(o -> o.ack().orElseThrow())
        .containsExactly(accepted(third), accepted(fourth), accepted(second));
    assertThat(ingest.received())
        .extracting(ReceivedTransaction::sequence)
        .containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aCrashBetweenCommitAndAckIsHealedByTheRedelivery() {
    Transaction first = checkout("kiosk-1", "1", ALICE);
    Transaction second = giveBack("kiosk-1", "1");
    List<TransactionIngest.Arrival> batch = List.of(arrival(1, 1, first), arrival(2, 1, second));
    // Committed, then the instance died before any ack left it.
    ingest.takeAll(batch);
    db.close();
    db = CentralDatabase.open(settings);
    TransactionIngest restarted =
        new TransactionIngest(db, datasets, topics, Clock.fixed(NOW, ZoneOffset.UTC), false);
    // The broker redelivers both (never PUBACKed); the device would re-send them the same way.
    List<TransactionIngest.Outcome> again = restarted.takeAll(batch);
    assertThat(again)
        .extracting(o -> o.ack().orElseThrow())
        .containsExactly(accepted(first), accepted(second));
    assertThat(again).allSatisfy(o -> assertThat(o.taken()).isEmpty());
    assertThat(restarted.duplicates()).isEqualTo(2);
    assertThat(restarted.received()).hasSize(2);
    assertThat(loans(ALICE)).isEmpty();
  }

  @Test
  void anInvalidMessageInABatchCostsOnlyItself() {
    Transaction t = checkout("kiosk-1", "1", ALICE);
    List<TransactionIngest.Outcome> out =
        ingest.takeAll(
            List.of(
                new TransactionIngest.Arrival(topics.tx("kiosk-1"), "{]".getBytes()),
                arrival(1, 1, t)));
    assertThat(out.get(0).ack()).isEmpty();
    assertThat(out.get(1).ack()).contains(accepted(t));
    assertThat(ingest.invalidMessages()).isEqualTo(1);
  }

  @Test
  void aDeviceNeverMetStartsWhereItsOutboxStands() {
    Transaction t = checkout("kiosk-9", "1", ALICE);
    assertThat(send("kiosk-9", 7, 7, t).ack()).contains(accepted(t));
    assertThat(new DeviceRegistry(db).device("kiosk-9").orElseThrow().lastSequence()).isEqualTo(7);
    List<StaffLog.Event> events = events();
    assertThat(events).isEmpty();
  }

  @Test
  void answersGivenByAnotherConsumerAreRecordedForStaff() {
    send("kiosk-1", 1, 1, checkout("kiosk-1", "1", ALICE));
    // Sequences 2..6 were acknowledged by someone else; the device deleted them.
    Transaction seventh = checkout("kiosk-1", "7", ALICE);
    assertThat(send("kiosk-1", 7, 7, seventh).ack()).contains(accepted(seventh));
    List<StaffLog.Event> events = events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).code()).contains("ANSWERED_ELSEWHERE");
    assertThat(events.get(0).count().getAsLong()).isEqualTo(5);
  }

  @Test
  void aForgedTransactionBeforeTheRealOneHoldsBothAndTheDeviceIsAnswered() {
    TransactionIngest forwarding =
        new TransactionIngest(db, datasets, topics, Clock.fixed(NOW, ZoneOffset.UTC), true);
    Transaction forged = checkout("kiosk-1", "2", BOB);
    Transaction real = checkout("kiosk-1", "1", ALICE);
    assertThat(forward(forwarding, 1, forged).ack()).contains(accepted(forged));
    // The patron was told 貸出しました: the real one must not be rejected.
    assertThat(forward(forwarding, 1, real).ack()).contains(accepted(real));
    assertThat(forward(forwarding, 1, real).ack()).as("redelivered").contains(accepted(real));
    assertThat(forwarding.received())
        .extracting(ReceivedTransaction::txId, ReceivedTransaction::ilsState)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(forged.id(), "held"),
            org.assertj.core.groups.Tuple.tuple(real.id(), "held"));
    assertThat(queued()).as("neither goes to the ILS").isZero();
    assertThat(rejections()).isEmpty();
    assertThat(events())
        .extracting(e -> e.code().orElseThrow())
        .containsExactly("SEQUENCE_CONFLICT");
    List<SequenceConflicts.Conflict> open = conflicts(true).open();
    assertThat(open).hasSize(1);
    assertThat(open.get(0).candidates())
        .extracting(SequenceConflicts.Candidate::txId)
        .containsExactly(forged.id(), real.id());
    // The device goes on with its next sequence.
    Transaction next = checkout("kiosk-1", "3", ALICE);
    assertThat(forward(forwarding, 2, next).ack()).contains(accepted(next));
  }

  @Test
  void staffKeepTheRealOneAndItGoesOnToTheIls() {
    TransactionIngest forwarding =
        new TransactionIngest(db, datasets, topics, Clock.fixed(NOW, ZoneOffset.UTC), true);
    Transaction forged = checkout("kiosk-1", "2", BOB);
    Transaction real = checkout("kiosk-1", "1", ALICE);
    forward(forwarding, 1, forged);
    forward(forwarding, 1, real);
    assertThat(loans(BOB)).as("the first one's loan stands until staff decide").hasSize(1);
    conflicts(true).resolve("kiosk-1", 1, real.id());
    assertThat(conflicts(true).open()).isEmpty();
    assertThat(loans(BOB)).isEmpty();
    assertThat(loans(ALICE)).containsExactly("1");
    assertThat(queued()).isEqualTo(1);
    assertThat(forwarding.received())
        .filteredOn(r -> r.txId().equals(forged.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("SEQUENCE_CONFLICT"));
    assertThat(rejections())
        .extracting(StaffLog.Rejection::txId)
        .containsExactly(Optional.of(forged.id().toString()));
    // The forged one lost its patron key; the real one keeps it until the ILS has it.
    assertThat(patronKeysInTransactions()).isEqualTo(1);
    // Redelivered after the resolution: the stored answer, nothing taken again.
    assertThat(forward(forwarding, 1, real).ack()).contains(accepted(real));
    assertThat(forwarding.received()).hasSize(2);
  }

  @Test
  void aResolutionNamingNoCandidateChangesNothing() {
    Transaction forged = checkout("kiosk-1", "2", BOB);
    Transaction real = checkout("kiosk-1", "1", ALICE);
    send("kiosk-1", 1, 1, forged);
    send("kiosk-1", 1, 1, real);
    SequenceConflicts conflicts = conflicts(false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> conflicts.resolve("kiosk-1", 1, UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kiosk-1 sequence 1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> conflicts.resolve("kiosk-1", 2, real.id()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a conflict");
    assertThat(conflicts.open()).hasSize(1);
    assertThat(loans(BOB)).hasSize(1);
    conflicts.resolve("kiosk-1", 1, forged.id());
    assertThat(loans(BOB)).hasSize(1);
    assertThat(loans(ALICE)).isEmpty();
    assertThat(patronKeysInTransactions()).isZero();
  }

  @Test
  void aSequenceMovedPastButNeverStoredIsTakenWhenItComes() {
    send("kiosk-1", 1, 1, checkout("kiosk-1", "1", ALICE));
    // A forged message claims the device's outbox starts at 10: central moves past 2..9.
    send("kiosk-1", 10, 10, checkout("kiosk-1", "10", BOB));
    Transaction late = checkout("kiosk-1", "2", ALICE);
    assertThat(send("kiosk-1", 2, 2, late).ack()).contains(accepted(late));
    assertThat(ingest.received()).extracting(ReceivedTransaction::sequence).contains(2L);
  }

  @Test
  void pruningDeletesOnlyWhatIsPastItsRetention() {
    addPatron(BOB, true);
    Transaction lent = checkout("kiosk-1", "1", ALICE);
    send("kiosk-1", 1, 1, lent);
    send("kiosk-1", 2, 2, checkout("kiosk-1", "2", BOB)); // PATRON_BLOCKED: a rejection
    TransactionIngest forwarding =
        new TransactionIngest(db, datasets, topics, Clock.fixed(NOW, ZoneOffset.UTC), true);
    Transaction waiting = checkout("kiosk-2", "3", ALICE);
    forwarding.take(topics.tx("kiosk-2"), codec.encode(new SequencedTransaction(1, 1, waiting)));
    send("kiosk-3", 1, 1, checkout("kiosk-3", "4", ALICE));
    send("kiosk-3", 1, 1, checkout("kiosk-3", "5", BOB)); // a conflict: both held, an event
    assertThat(prune(Duration.ofDays(89))).isEqualTo(new RetentionJob.Pruned(0, 0, 0));
    RetentionJob.Pruned p = prune(Duration.ofDays(91));
    assertThat(p.transactions()).as("the answered ones, not pending, not held").isEqualTo(2);
    assertThat(ingest.received())
        .extracting(ReceivedTransaction::ilsState)
        .containsExactlyInAnyOrder("pending", "held", "held");
    assertThat(loans(ALICE)).as("a loan lasts until its return, not its retention").contains("1");
    assertThat(rejections()).hasSize(1);
    assertThat(events()).hasSize(1);
    RetentionJob.Pruned later = prune(Duration.ofDays(366));
    assertThat(later.events()).isEqualTo(1);
    assertThat(later.rejections()).isEqualTo(1);
    assertThat(rejections()).isEmpty();
    assertThat(events()).isEmpty();
    // The device's sequence is not pruned with its rows: the next one still follows on.
    Transaction next = checkout("kiosk-1", "6", ALICE);
    assertThat(send("kiosk-1", 3, 3, next).ack()).contains(accepted(next));
  }

  RetentionJob.Pruned prune(Duration after) {
    return new RetentionJob(
            db, CentralConfig.Retention.DEFAULT, Clock.fixed(NOW.plus(after), ZoneOffset.UTC))
        .prune();
  }

  TransactionIngest.Outcome forward(TransactionIngest forwarding, long seq, Transaction t) {
    return forwarding.take(
        topics.tx("kiosk-1"), codec.encode(new SequencedTransaction(seq, seq, t)));
  }

  SequenceConflicts conflicts(boolean forwardToIls) {
    return new SequenceConflicts(db, Clock.fixed(NOW, ZoneOffset.UTC), forwardToIls);
  }

  List<StaffLog.Rejection> rejections() {
    return db.inTransaction(c -> new StaffLog().rejections(c));
  }

  List<StaffLog.Event> events() {
    return db.inTransaction(c -> new StaffLog().events(c, 10));
  }

  long queued() {
    return db.inTransaction(
        c -> {
          try (var s = c.prepareStatement("SELECT COUNT(*) FROM ils_queue");
              var r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  @Test
  void aForgedCopyUnderAStoredIdGetsTheStoredAnswer() {
    Transaction real = checkout("kiosk-1", "1", ALICE);
    send("kiosk-1", 1, 1, real);
    Transaction forged =
        new Transaction(
            real.id(),
            TransactionType.RETURN,
            "kiosk-1",
            "main",
            "1",
            Optional.empty(),
            NOW,
            Optional.empty(),
            false);
    assertThat(send("kiosk-1", 2, 2, forged).ack()).contains(accepted(real));
    assertThat(ingest.received()).hasSize(1);
    List<StaffLog.Rejection> rejections = rejections();
    assertThat(rejections).extracting(StaffLog.Rejection::reason).containsExactly("TX_ID_REUSED");
    Transaction next = checkout("kiosk-1", "2", ALICE);
    assertThat(send("kiosk-1", 2, 2, next).ack()).contains(accepted(next));
  }

  @Test
  void anotherDevicesTransactionOnThisTopicIsRejectedAndTakesNoSequence() {
    Transaction foreign = checkout("kiosk-2", "1", ALICE);
    assertThat(send("kiosk-1", 1, 1, foreign).ack())
        .contains(TransactionAck.reject(foreign.id(), "DEVICE_MISMATCH"));
    Transaction own = checkout("kiosk-1", "1", ALICE);
    assertThat(send("kiosk-1", 1, 1, own).ack()).contains(accepted(own));
  }

  @Test
  void invalidPayloadsAreRefusedUnanswered() {
    assertThat(ingest.take(topics.tx("kiosk-1"), "{\"schemaVersion\":1}".getBytes()).ack())
        .isEmpty();
    assertThat(ingest.take(topics.tx("kiosk-1"), new byte[5000]).ack()).isEmpty();
    assertThat(ingest.take("lib/other/dev/kiosk-1/tx", new byte[3]).ack()).isEmpty();
    assertThat(ingest.invalidMessages()).isEqualTo(3);
    assertThat(ingest.received()).isEmpty();
  }

  @Test
  void aCheckoutForAPatronBlockedMeanwhileIsRejected_R_BLOCK_2() {
    addPatron(ALICE, true);
    Transaction t = checkout("kiosk-1", "1", ALICE);
    assertThat(send("kiosk-1", 1, 1, t).ack())
        .contains(TransactionAck.reject(t.id(), "PATRON_BLOCKED"));
    assertThat(ingest.received().get(0).accepted()).isFalse();
    Transaction next = giveBack("kiosk-1", "2");
    assertThat(send("kiosk-1", 2, 2, next).ack()).contains(accepted(next));
  }

  @Test
  void theLoanLinkLastsUntilTheReturn_P_ERASE_1() {
    addItem("1000123456", Optional.empty());
    TransactionIngest.Outcome out = send("kiosk-1", 1, 1, checkout("kiosk-1", "1000123456", ALICE));
    assertThat(out.deltas()).hasSize(1);
    assertThat(loans(ALICE)).containsExactly("1000123456");
    assertThat(patronKeysInTransactions()).isZero();
    send("kiosk-1", 2, 2, giveBack("kiosk-1", "1000123456"));
    assertThat(loans(ALICE)).isEmpty();
    ItemRecord item = db.inTransaction(c -> datasets.item(c, "1000123456")).orElseThrow();
    assertThat(item.status()).isEqualTo(ItemStatus.AVAILABLE);
  }

  @Test
  void aFulfilledHoldIsNeverSentAgain_P_ERASE_2() {
    addItem("1000123456", Optional.of(ALICE));
    db.inTransaction(c -> datasets.putHold(c, new HoldRecord("1000123456", ALICE, "main")));
    TransactionIngest.Outcome out = send("kiosk-1", 1, 1, checkout("kiosk-1", "1000123456", ALICE));
    assertThat(out.deltas())
        .anySatisfy(
            m -> {
              assertThat(m.dataset()).isEqualTo(Dataset.HOLDS);
              assertThat(m.deletes()).containsExactly("1000123456");
            });
    for (SyncMessage m : out.deltas()) {
      if (m.dataset() == Dataset.ITEMS) {
        assertThat(((ItemRecord) m.upserts().get(0)).holdFor()).isEmpty();
      }
    }
    send("kiosk-1", 2, 2, giveBack("kiosk-1", "1000123456"));
    List<SyncMessage> items = db.inTransaction(c -> datasets.snapshot(c, Dataset.ITEMS, 200));
    assertThat(items.get(0).upserts())
        .allSatisfy(i -> assertThat(((ItemRecord) i).holdFor()).isEmpty());
    List<SyncMessage> holds = db.inTransaction(c -> datasets.snapshot(c, Dataset.HOLDS, 200));
    assertThat(holds.get(0).upserts()).isEmpty();
  }

  @Test
  void aHoldForSomeoneElseStaysWhenTheItemIsLent() {
    addItem("1", Optional.of(BOB));
    db.inTransaction(c -> datasets.putHold(c, new HoldRecord("1", BOB, "main")));
    send("kiosk-1", 1, 1, checkout("kiosk-1", "1", ALICE));
    Optional<HoldRecord> hold = db.inTransaction(c -> datasets.hold(c, "1"));
    assertThat(hold).isPresent();
  }

  @Test
  void deltasAreNumberedAndSnapshotsChunked() {
    for (int i = 0; i < 5; i++) {
      addItem("item-" + i, Optional.empty());
    }
    List<SyncMessage> snapshot = db.inTransaction(c -> datasets.snapshot(c, Dataset.ITEMS, 2));
    assertThat(snapshot).hasSize(3);
    assertThat(snapshot).allSatisfy(m -> assertThat(m.sequence()).isEqualTo(6));
    SyncMessage doc = db.inTransaction(c -> datasets.putDocument(c, Dataset.POLICY, "a: 1\n"));
    assertThat(doc.sequence()).isEqualTo(1);
    List<SyncMessage> calendar = db.inTransaction(c -> datasets.snapshot(c, Dataset.CALENDAR, 2));
    assertThat(calendar).isEmpty();
  }

  @Test
  void theRegistryKeepsTheNewestConnectionsState() {
    DeviceRegistry registry = new DeviceRegistry(db);
    assertThat(registry.record(new DeviceState("kiosk-1", true, 2000, 1), NOW)).isTrue();
    assertThat(registry.record(new DeviceState("kiosk-1", false, 1000, 5), NOW))
        .as("a late will of an older boot")
        .isFalse();
    assertThat(registry.device("kiosk-1").orElseThrow().online()).isTrue();
    assertThat(registry.record(new DeviceState("kiosk-1", false, 2000, 1), NOW)).isTrue();
    assertThat(registry.device("kiosk-1").orElseThrow().online()).isFalse();
  }

  @Test
  void queuedTransactionsKeepThePatronUntilForwarded() {
    TransactionIngest forwarding =
        new TransactionIngest(db, datasets, topics, Clock.fixed(NOW, ZoneOffset.UTC), true);
    forwarding.take(
        topics.tx("kiosk-1"),
        codec.encode(new SequencedTransaction(1, 1, checkout("kiosk-1", "1", ALICE))));
    assertThat(patronKeysInTransactions()).isEqualTo(1);
    assertThat(forwarding.received().get(0).ilsState()).isEqualTo("pending");
  }

  List<String> loans(PatronKey patron) {
    return db.inTransaction(
        c -> {
          List<String> out = new java.util.ArrayList<>();
          try (var s =
              c.prepareStatement("SELECT item_id FROM current_loans WHERE patron_key = ?")) {
            s.setString(1, patron.value());
            try (var r = s.executeQuery()) {
              while (r.next()) {
                out.add(r.getString(1));
              }
            }
          }
          return out;
        });
  }

  long patronKeysInTransactions() {
    return db.inTransaction(
        c -> {
          try (var s =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM transactions WHERE patron_key IS NOT NULL");
              var r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }
}
