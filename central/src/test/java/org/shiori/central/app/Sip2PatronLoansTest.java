package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.ils.sip2.FakeSip2Server;
import org.shiori.central.ils.sip2.Sip2Command;
import org.shiori.central.ils.sip2.Sip2Message;
import org.shiori.central.ils.sip2.Sip2Settings;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.PinAnswer;
import org.shiori.protocol.RenewalAnswer;
import org.shiori.protocol.Topics;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;
import org.slf4j.LoggerFactory;

/**
 * The patron at the kiosk with the SIP2 connector: my loans come from 63 Patron Information and a
 * renewal goes as 29 Renew, both with the proven card number (AA) and PIN (AD), to the fake SIP2
 * server through a real Mosquitto. No card number or PIN in any log line.
 */
class Sip2PatronLoansTest {
  static final String TENANT = CentralOverMqttTest.TENANT;
  static final byte[] TENANT_KEY = "sixteen-or-more-bytes-of-key".getBytes(StandardCharsets.UTF_8);
  static final String CARD = "A1000000001B";
  static final String PIN = "4826";
  static final PatronKey ALICE = new CardHasher(TENANT_KEY).keyOf(CARD);
  static final Duration WAIT = Duration.ofSeconds(20);
  static MosquittoBroker broker;

  @TempDir Path directory;
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
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
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    ils = FakeSip2Server.builder(Clock.systemUTC()).build().start();
    ils.addItem("1000123456", "吾輩は猫である").addItem("1000999999", "坊っちゃん");
    ils.addPatron(CARD, PIN, "x");
    ils.lend("1000123456", CARD, LocalDate.of(2026, 12, 9));
    Sip2Settings sip2 =
        Sip2Settings.builder()
            .host("127.0.0.1")
            .port(ils.port())
            .institutionId("SHIORI")
            .login("kiosk", "secret")
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2))
            .build();
    CentralConfig base =
        CentralOverMqttTest.config(
            broker,
            "central-sip2",
            TestDatabases.sqlite(directory),
            new CentralConfig.Ils(
                CentralConfig.Connector.SIP2, Optional.of(sip2), Duration.ofSeconds(1)));
    central =
        CentralService.open(
            new CentralConfig(
                base.tenant(),
                base.instanceId(),
                base.broker(),
                base.database(),
                base.ingest(),
                base.ils(),
                base.sync(),
                new CentralConfig.Loans(
                    Optional.of(TENANT_KEY), 20, "matsuyama", ZoneId.of("Asia/Tokyo"))),
            Clock.systemUTC());
    central.start();
    assertThat(central.awaitConnected(WAIT)).isTrue();
    kiosk = new SimulatedDevice(broker.url(), TENANT, "kiosk-1", Duration.ofSeconds(2)).connect();
    Conditions.await(
        WAIT, () -> central.devices().device("kiosk-1").isPresent(), () -> "no kiosk-1");
  }

  @AfterEach
  void stop() {
    kiosk.close();
    central.close();
    ils.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    for (ILoggingEvent e : log.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(CARD).doesNotContain(PIN);
    }
  }

  byte[] ask(CentralRequest request) throws Exception {
    int before = kiosk.otherMessages().size();
    kiosk.request(request.encode(), new Topics(TENANT).reply("kiosk-1"));
    Conditions.await(WAIT, () -> kiosk.otherMessages().size() > before, () -> "no answer");
    return kiosk.otherMessages().get(before);
  }

  @Test
  void myLoansComeFrom63WithTheProvenCardAndPin() throws Exception {
    LoanList loans =
        LoanList.decode(ask(CentralRequest.loans(ALICE, PatronProof.card(CARD).withPin(PIN))));
    assertThat(loans.error()).isEmpty();
    assertThat(loans.loans()).extracting(LoanList.Loan::itemId).containsExactly("1000123456");
    assertThat(loans.loans().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 12, 9));
    Sip2Message asked = ils.received(Sip2Command.PATRON_INFORMATION).get(0);
    assertThat(asked.field("AA")).contains(CARD);
    assertThat(asked.field("AD")).contains(PIN);

    assertThat(
            LoanList.decode(
                    ask(CentralRequest.loans(ALICE, PatronProof.card(CARD).withPin("1111"))))
                .error())
        .contains("PIN_WRONG");
  }

  @Test
  void aRenewalGoesAs29AndTheLibrarySystemsDueDateIsTheAnswer() throws Exception {
    RenewalAnswer renewed =
        RenewalAnswer.decode(
            ask(CentralRequest.renew(ALICE, PatronProof.card(CARD).withPin(PIN), "1000123456")));
    assertThat(renewed.status()).isEqualTo(RenewalAnswer.Status.RENEWED);
    assertThat(renewed.dueDate().orElseThrow()).isAfter(LocalDate.of(2026, 12, 9));
    Sip2Message sent = ils.received(Sip2Command.RENEW).get(0);
    assertThat(sent.field("AA")).contains(CARD);
    assertThat(sent.field("AB")).contains("1000123456");
    assertThat(sent.field("AD")).contains(PIN);

    // The ILS says no for an item not lent to the patron (its refusal diagnosed as not checked
    // out).
    assertThat(
            RenewalAnswer.decode(
                ask(CentralRequest.renew(ALICE, PatronProof.card(CARD), "1000999999"))))
        .isEqualTo(RenewalAnswer.refused("1000999999", "NOT_YOUR_LOAN"));
  }

  /** R-CARD-2 with a library system that knows the PINs: central asks it and keeps none. */
  @Test
  void aPinCheckGoesAs63WithTheCardAndThePinInAd_R_CARD_2() throws Exception {
    central.cards().put(ALICE, CARD);
    assertThat(PinAnswer.decode(ask(CentralRequest.pinCheck(ALICE, PIN))))
        .isEqualTo(PinAnswer.right());
    assertThat(PinAnswer.decode(ask(CentralRequest.pinCheck(ALICE, "1111"))))
        .isEqualTo(PinAnswer.wrong());
    List<Sip2Message> asked = ils.received(Sip2Command.PATRON_INFORMATION);
    assertThat(asked.get(asked.size() - 1).field("AA")).contains(CARD);
    assertThat(asked.get(asked.size() - 1).field("AD")).contains("1111");

    PatronKey stranger = new CardHasher(TENANT_KEY).keyOf("A9999999999B");
    assertThat(PinAnswer.decode(ask(CentralRequest.pinCheck(stranger, PIN))))
        .as("central has no card number for the key")
        .isEqualTo(PinAnswer.failed("UNKNOWN_PATRON"));
    ils.stop();
    assertThat(PinAnswer.decode(ask(CentralRequest.pinCheck(ALICE, PIN))))
        .isEqualTo(PinAnswer.failed("ILS_UNAVAILABLE"));
  }
}
