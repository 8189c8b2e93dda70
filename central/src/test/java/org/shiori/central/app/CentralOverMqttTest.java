package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.SyncMessage;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionAck;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/** Central with a real Mosquitto and an SQLite file: devices' transactions, requests and sync. */
class CentralOverMqttTest {
  static final String TENANT = "example-city";
  static final PatronKey ALICE = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  static final Duration WAIT = Duration.ofSeconds(20);
  static MosquittoBroker broker;

  @TempDir Path directory;
  CentralService central;
  SimulatedDevice kiosk;

  @BeforeAll
  static void startBroker() {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    broker = MosquittoBroker.plain(TENANT).start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  static CentralConfig config(String instance, CentralConfig.Database db, CentralConfig.Ils ils) {
    return config(broker, instance, db, ils);
  }

  static CentralConfig config(
      MosquittoBroker broker, String instance, CentralConfig.Database db, CentralConfig.Ils ils) {
    return new CentralConfig(
        TENANT,
        instance,
        new CentralConfig.Broker(broker.url(), Optional.empty(), Duration.ofSeconds(30)),
        db,
        new CentralConfig.Ingest(2),
        ils,
        new CentralConfig.Sync(200));
  }

  @BeforeEach
  void start() throws Exception {
    central =
        CentralService.open(
            config("central-1", TestDatabases.sqlite(directory), CentralConfig.Ils.standalone()),
            Clock.systemUTC());
    central.start();
    assertThat(central.awaitConnected(WAIT)).isTrue();
    kiosk = new SimulatedDevice(broker.url(), TENANT, "kiosk-1", Duration.ofSeconds(2)).connect();
  }

  @AfterEach
  void stop() {
    kiosk.close();
    central.close();
  }

  @Test
  void aCheckoutIsTakenOnceAndAcknowledgedAndTheOutboxDrains() {
    Transaction t = kiosk.checkout("1000123456", ALICE);
    Conditions.await(
        WAIT, () -> kiosk.pendingCount() == 0, () -> "pending " + kiosk.pendingCount());
    assertThat(kiosk.answers().get(t.id())).isEqualTo(TransactionAck.accept(t.id()));
    assertThat(central.received()).hasSize(1);
    assertThat(central.received().get(0).txId()).isEqualTo(t.id());
  }

  @Test
  void aForgedTransactionWithTheNextSequenceDoesNotHarmTheRealCheckout() throws Exception {
    Topics topics = new Topics(TENANT);
    Transaction forged =
        new Transaction(
            java.util.UUID.randomUUID(),
            org.shiori.circulation.domain.TransactionType.RETURN,
            "kiosk-1",
            "main",
            "1000123456",
            Optional.empty(),
            java.time.Instant.now(),
            Optional.empty(),
            false);
    // A stolen certificate, another client id, the kiosk's topic and its next sequence.
    org.eclipse.paho.mqttv5.client.MqttClient rogue =
        new org.eclipse.paho.mqttv5.client.MqttClient(
            broker.url().toString(),
            "rogue",
            new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
    try {
      rogue.connect();
      rogue.publish(
          topics.tx("kiosk-1"),
          new org.shiori.protocol.TransactionCodec()
              .encode(new org.shiori.protocol.SequencedTransaction(1, 1, forged)),
          1,
          false);
      rogue.disconnect();
    } finally {
      rogue.close();
    }
    Conditions.await(WAIT, () -> central.received().size() == 1, () -> "forged not taken yet");
    Transaction real = kiosk.checkout("1000123456", ALICE);
    Conditions.await(
        WAIT, () -> kiosk.pendingCount() == 0, () -> "pending " + kiosk.pendingCount());
    assertThat(kiosk.answers().get(real.id())).isEqualTo(TransactionAck.accept(real.id()));
    assertThat(central.received()).extracting(r -> r.ilsState()).containsExactly("held", "held");
    assertThat(central.rejections()).isEmpty();
    assertThat(central.events(10))
        .extracting(e -> e.code().orElse(""))
        .contains("SEQUENCE_CONFLICT");
    assertThat(central.conflicts().open()).hasSize(1);
  }

  @Test
  void theRegistryFollowsBirthMessages() {
    Conditions.await(
        WAIT, () -> central.devices().device("kiosk-1").isPresent(), () -> "no kiosk-1 yet");
    assertThat(central.devices().device("kiosk-1").orElseThrow().online()).isTrue();
  }

  @Test
  void loansAreAnsweredOnlyOnTheAskingDevicesOwnReplyTopic() throws Exception {
    Topics topics = new Topics(TENANT);
    Conditions.await(
        WAIT, () -> central.devices().device("kiosk-1").isPresent(), () -> "no kiosk-1 yet");
    central
        .library()
        .putPatron(
            new org.shiori.circulation.domain.PatronSnapshot(
                ALICE,
                "individual",
                java.time.LocalDate.of(2030, 3, 31),
                false,
                false,
                java.util.Map.of(),
                0,
                0,
                0,
                Optional.empty(),
                "main"));
    kiosk.checkout("1000123456", ALICE);
    Conditions.await(WAIT, () -> kiosk.pendingCount() == 0, () -> "pending");
    kiosk.request(CentralRequest.loans(ALICE).encode(), topics.reply("kiosk-2"));
    kiosk.request(CentralRequest.loans(ALICE).encode(), topics.reply("kiosk-1"));
    Conditions.await(WAIT, () -> !kiosk.otherMessages().isEmpty(), () -> "no answer");
    LoanList answer = LoanList.decode(kiosk.otherMessages().get(0));
    assertThat(answer.loans()).extracting(LoanList.Loan::itemId).containsExactly("1000123456");
    assertThat(kiosk.otherMessages()).hasSize(1);
  }

  @Test
  void aDeviceNeverBornGetsNoLoans() throws Exception {
    Topics topics = new Topics(TENANT);
    try (SimulatedDevice stranger =
        new SimulatedDevice(broker.url(), TENANT, "stranger", Duration.ofSeconds(2))) {
      // Connects without a birth message: subscribe only.
      stranger.connectWithoutBirth();
      stranger.request(CentralRequest.loans(ALICE).encode(), topics.reply("stranger"));
      Conditions.await(WAIT, () -> !stranger.otherMessages().isEmpty(), () -> "no answer");
      assertThat(LoanList.decode(stranger.otherMessages().get(0)).error())
          .contains("UNKNOWN_DEVICE");
    }
  }

  @Test
  void aResyncIsAnsweredWithASnapshotOnTheDevicesOwnTopic() throws Exception {
    Topics topics = new Topics(TENANT);
    kiosk.request(CentralRequest.resync(Dataset.ITEMS, 0).encode(), topics.reply("kiosk-1"));
    Conditions.await(WAIT, () -> !kiosk.otherMessages().isEmpty(), () -> "no snapshot");
    SyncMessage m = new SyncCodec(TENANT).decode(kiosk.otherMessages().get(0), Dataset.ITEMS);
    assertThat(m.snapshot()).isTrue();
    assertThat(m.sequence()).isEqualTo(1);
  }

  @Test
  void twoInstancesShareTheLoadWithoutDuplicatesOrGaps() throws Exception {
    central.close();
    CentralConfig.Database shared = TestDatabases.createPostgresql();
    try (CentralService a =
            CentralService.open(
                config("central-a", shared, CentralConfig.Ils.standalone()), Clock.systemUTC());
        CentralService b =
            CentralService.open(
                config("central-b", shared, CentralConfig.Ils.standalone()), Clock.systemUTC())) {
      a.start();
      b.start();
      assertThat(a.awaitConnected(WAIT) && b.awaitConnected(WAIT)).isTrue();
      for (int i = 0; i < 200; i++) {
        kiosk.checkout("item-" + i, ALICE);
      }
      Conditions.await(
          Duration.ofSeconds(60),
          () -> kiosk.pendingCount() == 0,
          () -> "pending " + kiosk.pendingCount());
      List<Long> sequences = a.received().stream().map(r -> r.sequence()).sorted().toList();
      assertThat(sequences).hasSize(200);
      assertThat(sequences.get(0)).isEqualTo(1);
      assertThat(sequences.get(199)).isEqualTo(200);
    } finally {
      TestDatabases.drop(shared);
    }
  }
}
