package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.ils.sip2.FakeSip2Server;
import org.shiori.central.ils.sip2.Sip2Command;
import org.shiori.central.ils.sip2.Sip2Message;
import org.shiori.central.ils.sip2.Sip2Settings;
import org.shiori.central.ingest.StaffLog;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.protocol.TransactionAck;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * Central on PostgreSQL with the SIP2 connector pointed at the fake SIP2 server: a kiosk checkout
 * arrives there as an 11 with the patron's card number, a return as a 09, the kiosk's outbox
 * drains; while the server is down the transactions wait at central and go in order afterwards (a 3
 * s outage here, to keep the suite fast); a refusal reaches staff and the device.
 */
class Sip2ForwardingTest {
  static final String TENANT = "example-city";
  static final PatronKey ALICE = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  static final PatronKey BLOCKED = new PatronKey("00112233445566778899aabbccddeeff");
  static final Duration WAIT = Duration.ofSeconds(30);
  static MosquittoBroker broker;

  CentralConfig.Database database;
  FakeSip2Server ils;
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

  @BeforeEach
  void start() throws Exception {
    database = TestDatabases.createPostgresql();
    ils = FakeSip2Server.builder(Clock.systemUTC()).build().start();
    ils.addItem("1000123456", "吾輩は猫である").addItem("1000999999", "坊っちゃん");
    ils.addPatron("A1000000001B", "1234", "x").addBlockedPatron("A1000000008B", "1234", "y");
    Sip2Settings sip2 =
        Sip2Settings.builder()
            .host("127.0.0.1")
            .port(ils.port())
            .institutionId("SHIORI")
            .locationCode("KIOSK1")
            .login("kiosk", "secret")
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2))
            .build();
    central =
        CentralService.open(
            CentralOverMqttTest.config(
                broker,
                "central-sip2",
                database,
                new CentralConfig.Ils(
                    CentralConfig.Connector.SIP2, Optional.of(sip2), Duration.ofSeconds(1))),
            Clock.systemUTC());
    central.cards().put(ALICE, "A1000000001B");
    central.cards().put(BLOCKED, "A1000000008B");
    central.start();
    assertThat(central.awaitConnected(WAIT)).isTrue();
    kiosk = new SimulatedDevice(broker.url(), TENANT, "kiosk-1", Duration.ofSeconds(2)).connect();
  }

  @AfterEach
  void stop() {
    kiosk.close();
    central.close();
    ils.close();
    TestDatabases.drop(database);
  }

  private long waiting() {
    return central.forwarder().orElseThrow().waiting();
  }

  @Test
  void aCheckoutArrivesAsAn11AndAReturnAsA09() {
    kiosk.checkout("1000123456", ALICE);
    Conditions.await(WAIT, () -> ils.received(Sip2Command.CHECKOUT).size() == 1, () -> "no 11");
    Sip2Message checkout = ils.received(Sip2Command.CHECKOUT).get(0);
    assertThat(checkout.field("AA")).contains("A1000000001B");
    assertThat(checkout.field("AB")).contains("1000123456");
    assertThat(checkout.field("AO")).contains("SHIORI");
    kiosk.giveBack("1000123456");
    Conditions.await(WAIT, () -> ils.received(Sip2Command.CHECKIN).size() == 1, () -> "no 09");
    assertThat(ils.received(Sip2Command.CHECKIN).get(0).field("AB")).contains("1000123456");
    Conditions.await(WAIT, () -> kiosk.pendingCount() == 0 && waiting() == 0, () -> "waiting");
    assertThat(ils.borrowerOf("1000123456")).isEmpty();
    assertThat(central.received()).allSatisfy(r -> assertThat(r.ilsState()).isEqualTo("done"));
  }

  @Test
  void whileTheIlsIsDownTransactionsWaitAndGoInOrderAfterwards() throws Exception {
    ils.stop();
    kiosk.checkout("1000123456", ALICE);
    kiosk.giveBack("1000123456");
    kiosk.checkout("1000999999", ALICE);
    // Central has them: the kiosk's outbox drains although the ILS is down.
    Conditions.await(WAIT, () -> kiosk.pendingCount() == 0, () -> "pending");
    assertThat(waiting()).isEqualTo(3);
    Thread.sleep(3000); // the outage: the forwarder keeps retrying the head of the queue
    assertThat(waiting()).isEqualTo(3);
    ils.start();
    Conditions.await(WAIT, () -> waiting() == 0, () -> "waiting " + waiting());
    List<String> order =
        ils.receivedText().stream()
            .filter(m -> m.startsWith("11") || m.startsWith("09"))
            .map(m -> m.substring(0, 2) + m.replaceAll(".*\\|AB([^|]*)\\|.*", "$1"))
            .toList();
    assertThat(order).containsExactly("111000123456", "091000123456", "111000999999");
    assertThat(ils.borrowerOf("1000999999")).contains("A1000000001B");
  }

  @Test
  void anIlsRefusalBecomesARejectionForStaffAndTheDevice() {
    Transaction t = kiosk.checkout("1000123456", BLOCKED);
    Conditions.await(WAIT, () -> waiting() == 0 && kiosk.pendingCount() == 0, () -> "waiting");
    Conditions.await(
        WAIT,
        () -> central.rejections().stream().anyMatch(r -> r.source() == StaffLog.Source.ILS),
        () -> "rejections " + central.rejections());
    assertThat(central.rejections().get(0).reason()).isEqualTo("PATRON_BLOCKED");
    assertThat(central.events(10)).anySatisfy(e -> assertThat(e.code()).contains("ILS_REFUSED"));
    Conditions.await(
        WAIT,
        () -> TransactionAck.reject(t.id(), "PATRON_BLOCKED").equals(kiosk.answers().get(t.id())),
        () -> "answers " + kiosk.answers());
  }
}
