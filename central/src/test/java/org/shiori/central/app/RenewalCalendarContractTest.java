package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.central.app.PatronLoansOverMqttTest.ALICE;
import static org.shiori.central.app.PatronLoansOverMqttTest.CARD;
import static org.shiori.central.app.PatronLoansOverMqttTest.TENANT_KEY;
import static org.shiori.central.app.PatronLoansOverMqttTest.WAIT;
import static org.shiori.central.app.PatronLoansOverMqttTest.ask;
import static org.shiori.central.app.PatronLoansOverMqttTest.book;
import static org.shiori.central.app.PatronLoansOverMqttTest.loans;
import static org.shiori.central.app.PatronLoansOverMqttTest.patron;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.loans.RenewalRules;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.RenewalAnswer;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.MutableClock;
import org.shiori.testkit.Required;
import org.slf4j.LoggerFactory;

/**
 * A renewal central decides (standalone connector) counts the calendar document central serves the
 * devices: a due date on a day it closes moves to the next open day (the matsuyama loan rule's
 * closed-day strategy, R-CAL-1), a newer version is used from the next renewal on, and a version
 * that does not fit the policy leaves the one in use. The same on each database central runs on.
 */
abstract class RenewalCalendarContractTest {
  static MosquittoBroker broker;

  @TempDir Path directory;
  // Tuesday 1 December 2026, 10:00 in Matsuyama: 14 days on is Tuesday 15 December, an open day.
  final MutableClock clock = MutableClock.at("2026-12-01T01:00:00Z");
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  CentralConfig.Database database;
  CentralService central;
  SimulatedDevice kiosk;

  abstract CentralConfig.Database database(Path directory);

  abstract void dropDatabase(CentralConfig.Database database);

  @BeforeAll
  static void startBroker() {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    broker = MosquittoBroker.plain(PatronLoansOverMqttTest.TENANT).start();
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
    ((Logger) LoggerFactory.getLogger(RenewalRules.class)).addAppender(log);
    database = database(directory);
    CentralConfig base =
        CentralOverMqttTest.config(broker, "central-1", database, CentralConfig.Ils.standalone());
    CentralConfig config =
        new CentralConfig(
            base.tenant(),
            base.instanceId(),
            base.broker(),
            base.database(),
            base.ingest(),
            base.ils(),
            base.sync(),
            base.retention(),
            Optional.empty(),
            new CentralConfig.Loans(
                Optional.of(TENANT_KEY), 100, "matsuyama", ZoneId.of("Asia/Tokyo")));
    central = CentralService.open(config, clock);
    central.start();
    assertThat(central.awaitConnected(WAIT)).isTrue();
    kiosk =
        new SimulatedDevice(broker.url(), base.tenant(), "kiosk-1", Duration.ofSeconds(2))
            .connect();
    Conditions.await(
        WAIT, () -> central.devices().device("kiosk-1").isPresent(), () -> "no kiosk-1");
    central.library().putPatron(patron(ALICE, "individual"));
    for (String item : new String[] {"1000123456", "1000123457", "1000123458", "1000123459"}) {
      central.library().putItem(book(item));
      int before = central.received().size();
      kiosk.checkout(item, ALICE);
      Conditions.await(WAIT, () -> central.received().size() > before, () -> "not taken");
    }
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(RenewalRules.class)).detachAppender(log);
    if (kiosk != null) {
      kiosk.close();
    }
    if (central != null) {
      central.close();
    }
    if (database != null) {
      dropDatabase(database);
    }
  }

  RenewalAnswer renew(String itemId) throws Exception {
    return RenewalAnswer.decode(
        ask(kiosk, CentralRequest.renew(ALICE, PatronProof.card(CARD), itemId)));
  }

  @Test
  void aRenewalAcrossADayTheCalendarClosesGetsTheNextOpenDayOfTheVersionServedNow()
      throws Exception {
    // No calendar document yet: the policy's own calendar.
    assertThat(renew("1000123456"))
        .isEqualTo(RenewalAnswer.renewed("1000123456", LocalDate.of(2026, 12, 15)));

    central
        .library()
        .putDocument(
            Dataset.CALENDAR, "branches:\n  central:\n    closed: [2026-12-15, 2026-12-16]\n");
    // Tuesday and Wednesday closed by central: Thursday 17 December.
    assertThat(renew("1000123457"))
        .isEqualTo(RenewalAnswer.renewed("1000123457", LocalDate.of(2026, 12, 17)));
    LoanList loans = LoanList.decode(ask(kiosk, loans(ALICE, CARD)));
    assertThat(loans.loans())
        .filteredOn(l -> l.itemId().equals("1000123457"))
        .extracting(LoanList.Loan::dueDate)
        .containsExactly(LocalDate.of(2026, 12, 17));

    // Version 2 replaces version 1: only the Tuesday is closed now.
    central
        .library()
        .putDocument(Dataset.CALENDAR, "branches:\n  central:\n    closed: [2026-12-15]\n");
    assertThat(renew("1000123458"))
        .isEqualTo(RenewalAnswer.renewed("1000123458", LocalDate.of(2026, 12, 16)));
  }

  @Test
  void aCalendarVersionThatDoesNotFitThePolicyLeavesTheOneInUse() throws Exception {
    central
        .library()
        .putDocument(Dataset.CALENDAR, "branches:\n  central:\n    closed: [2026-12-15]\n");
    assertThat(renew("1000123456"))
        .isEqualTo(RenewalAnswer.renewed("1000123456", LocalDate.of(2026, 12, 16)));

    // A branch the policy does not define, as a device would refuse it.
    central
        .library()
        .putDocument(Dataset.CALENDAR, "branches:\n  atlantis:\n    closed: [2026-12-16]\n");
    assertThat(renew("1000123457"))
        .isEqualTo(RenewalAnswer.renewed("1000123457", LocalDate.of(2026, 12, 16)));
    assertThat(log.list)
        .anyMatch(
            e ->
                e.getFormattedMessage().contains("central calendar version 2 not used for renewals")
                    && e.getFormattedMessage().contains("'atlantis'"));

    // Not YAML central can read: the same.
    central.library().putDocument(Dataset.CALENDAR, "branches: [\n");
    assertThat(renew("1000123458"))
        .isEqualTo(RenewalAnswer.renewed("1000123458", LocalDate.of(2026, 12, 16)));

    // A later version that fits is used again, and the clock decides what today is.
    clock.advance(Duration.ofDays(1));
    central
        .library()
        .putDocument(Dataset.CALENDAR, "branches:\n  central:\n    closed: [2026-12-16]\n");
    assertThat(renew("1000123459"))
        .isEqualTo(RenewalAnswer.renewed("1000123459", LocalDate.of(2026, 12, 17)));
  }
}
