package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.testing.CentralSimulator;
import org.shiori.device.testing.MessagingRig;
import org.shiori.device.testing.Transactions;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.RenewalAnswer;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.SyncMessage;

/** Sync from the central simulator into the real SQLite store, through a real Mosquitto. */
class SyncSubscriberTest {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final PatronKey PATRON = new PatronKey("00112233445566778899aabbccddeeff");

  /** The card central knows for PATRON (the simulator keeps card numbers; devices never do). */
  static final String CARD_OF_PATRON = "A1000000001B";

  @TempDir Path dataDir;
  MessagingRig rig;
  SqliteStore store;
  MqttLink device;
  SyncSubscriber sync;

  static ItemRecord item(int n) {
    return new ItemRecord(
        "item-" + n,
        "書名 " + n,
        "book",
        "main",
        ItemStatus.AVAILABLE,
        Set.of("open"),
        1,
        Optional.empty());
  }

  static PatronSnapshot patron(PatronKey key) {
    return new PatronSnapshot(
        key,
        "individual",
        LocalDate.parse("2030-03-31"),
        false,
        false,
        Map.of("book", 1),
        0,
        0,
        0,
        Optional.empty(),
        "main");
  }

  static void seed(CentralSimulator central) {
    for (int i = 0; i < 450; i++) {
      central.putItem(item(i));
    }
    central.registerCard(CARD_OF_PATRON, patron(PATRON));
    central.putHold(new HoldRecord("item-7", PATRON, "main"));
    central.putDocument(Dataset.POLICY, "policy: v1\n");
    central.putDocument(Dataset.CALENDAR, "calendar: v1\n");
  }

  @BeforeEach
  void setUp() {
    rig = MessagingRig.plain("t1");
    seed(rig.central());
    store = SqliteStore.open(dataDir.resolve("kiosk.db"), 1000, rig.clock());
    device = rig.deviceLink("kiosk-1");
    sync = rig.track(new SyncSubscriber(device, store, rig.clock()));
    sync.start();
  }

  @AfterEach
  void tearDown() {
    rig.close();
    store.close();
  }

  void awaitInSync() {
    await(
        WAIT,
        () -> {
          for (Dataset d : Dataset.values()) {
            if (store.appliedSequence(d) != rig.central().version(d)) {
              return false;
            }
          }
          return true;
        },
        () ->
            "items "
                + store.appliedSequence(Dataset.ITEMS)
                + "/"
                + rig.central().version(Dataset.ITEMS));
  }

  @Test
  void aNewDeviceAsksForSnapshotsAndGetsEveryDataSetInChunks() {
    device.start();
    awaitInSync();
    assertThat(store.find("item-0")).contains(item(0));
    assertThat(store.find("item-449")).contains(item(449));
    assertThat(store.find(PATRON)).contains(patron(PATRON));
    assertThat(store.document(Dataset.POLICY).orElseThrow().content()).isEqualTo("policy: v1\n");
    assertThat(sync.rejectedCount()).isZero();
  }

  @Test
  void deltasApplyInOrderAsCentralChanges() {
    device.start();
    awaitInSync();
    rig.central().putItem(item(1000));
    rig.central().setStaffBlock(PATRON, true);
    rig.central().putDocument(Dataset.POLICY, "policy: v2\n");
    awaitInSync();
    assertThat(store.find("item-1000")).isPresent();
    assertThat(store.find(PATRON).orElseThrow().staffBlock()).isTrue();
    assertThat(store.document(Dataset.POLICY).orElseThrow().content()).isEqualTo("policy: v2\n");
  }

  @Test
  void aGapMakesTheDeviceAskForAResyncAndHoldTheEarlyDelta() throws Exception {
    device.start();
    awaitInSync();
    long v = store.appliedSequence(Dataset.ITEMS);
    // Delta v+2 arrives before v+1: a gap.
    SyncMessage early =
        new SyncMessage(
            "t1",
            Dataset.ITEMS,
            false,
            v + 2,
            0,
            1,
            List.of(item(2002)),
            List.of(),
            Optional.empty());
    List<String> requests = publishAndAwaitResyncRequest("lib/t1/sync/items", early);
    assertThat(requests.get(0))
        .isEqualTo(
            "{\"schemaVersion\":1,\"request\":\"resync\",\"dataset\":\"items\",\"have\":"
                + v
                + ",\"patron\":null}");
    assertThat(store.appliedSequence(Dataset.ITEMS)).isEqualTo(v);
    // The missing v+1 arrives: both apply, in order.
    rig.central().putItem(item(2001));
    await(WAIT, () -> store.appliedSequence(Dataset.ITEMS) == v + 2, () -> "not applied");
    assertThat(store.find("item-2001")).isPresent();
    assertThat(store.find("item-2002")).isPresent();
  }

  @Test
  void aSnapshotChunkOutOfOrderIsDroppedAndAResyncRequested() throws Exception {
    device.start();
    awaitInSync();
    long v = store.appliedSequence(Dataset.HOLDS);
    // Chunk 1 of a newer snapshot without its chunk 0 (lost): it must not be applied.
    SyncMessage orphan =
        new SyncMessage(
            "t1",
            Dataset.HOLDS,
            true,
            v + 5,
            1,
            2,
            List.of(new HoldRecord("item-9", PATRON, "east")),
            List.of(),
            Optional.empty());
    List<String> requests = publishAndAwaitResyncRequest("lib/t1/dev/kiosk-1/sync/holds", orphan);
    assertThat(requests.get(0)).contains("\"request\":\"resync\",\"dataset\":\"holds\"");
    // Central's answer is its current snapshot (version v): nothing newer, nothing changed.
    assertThat(store.appliedSequence(Dataset.HOLDS)).isEqualTo(v);
    assertThat(sync.rejectedCount()).isZero();
  }

  /**
   * Publishes {@code message} on {@code topic} as another client and waits until the device asks
   * central for a resync on its {@code cmd} topic; returns the requests seen.
   */
  private List<String> publishAndAwaitResyncRequest(String topic, SyncMessage message)
      throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    try (MqttLink spy = rig.deviceLink("spy")) {
      spy.subscribe(
          "lib/t1/dev/kiosk-1/cmd",
          1,
          m -> requests.add(new String(m.payload(), StandardCharsets.UTF_8)));
      spy.start();
      assertThat(spy.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
      spy.publish(topic, new SyncCodec("t1").encode(message), 1, false).get(10, TimeUnit.SECONDS);
      await(WAIT, () -> !requests.isEmpty(), () -> "no resync request");
    }
    return requests;
  }

  @Test
  void loansOfAPatronAreAskedOnlineWithRequestResponse() throws Exception {
    device.start();
    awaitInSync();
    InMemoryOutboxFlow flow = new InMemoryOutboxFlow(rig, device);
    flow.send(Transactions.checkout("kiosk-1", "item-3", PATRON));
    OnlineQueries queries = new OnlineQueries(device, Duration.ofSeconds(20));
    queries.start().get(10, TimeUnit.SECONDS);
    LoanList loans =
        queries.loansOf(PATRON, PatronProof.card(CARD_OF_PATRON)).get(30, TimeUnit.SECONDS);
    assertThat(loans.error()).isEmpty();
    assertThat(loans.loans())
        .containsExactly(new LoanList.Loan("item-3", "書名 3", LocalDate.parse("2026-12-05")));
    LoanList otherCard =
        queries.loansOf(PATRON, PatronProof.card("B9999999999C")).get(30, TimeUnit.SECONDS);
    assertThat(otherCard.error()).contains("PROOF_INVALID");
    RenewalAnswer renewed =
        queries.renew(PATRON, PatronProof.card(CARD_OF_PATRON), "item-3").get(30, TimeUnit.SECONDS);
    assertThat(renewed.status()).isEqualTo(RenewalAnswer.Status.RENEWED);
  }
}
