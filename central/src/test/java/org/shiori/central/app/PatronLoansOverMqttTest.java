package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.SimulatedDevice;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.PinAnswer;
import org.shiori.protocol.RenewalAnswer;
import org.shiori.protocol.Topics;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.MutableClock;
import org.shiori.testkit.Required;
import org.slf4j.LoggerFactory;

/**
 * Loans and renewals only for the patron at the kiosk (schema version 3), through a real Mosquitto
 * into central on an SQLite file with the standalone connector: the card proof, the device's own
 * reply topic, the rate limit per device, the renewal rules, and no card number in any log line.
 */
class PatronLoansOverMqttTest {
  static final String TENANT = CentralOverMqttTest.TENANT;
  static final byte[] TENANT_KEY = "sixteen-or-more-bytes-of-key".getBytes(StandardCharsets.UTF_8);
  static final CardHasher HASHER = new CardHasher(TENANT_KEY);
  static final String CARD = "A1000000001B";
  static final String OTHER_CARD = "A1000000002B";
  static final PatronKey ALICE = HASHER.keyOf(CARD);
  static final PatronKey BOB = HASHER.keyOf(OTHER_CARD);
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Topics TOPICS = new Topics(TENANT);
  static MosquittoBroker broker;

  @TempDir Path directory;
  final MutableClock clock = MutableClock.at("2026-12-01T01:00:00Z");
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
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

  void start(int perMinute, String policy) throws Exception {
    start(perMinute, policy, Optional.empty());
  }

  /** With {@code keyFile}, the tenant key comes from {@code privacy.tenantKeyFile}. */
  void start(int perMinute, String policy, Optional<Path> keyFile) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    CentralConfig base =
        CentralOverMqttTest.config(
            broker, "central-1", TestDatabases.sqlite(directory), CentralConfig.Ils.standalone());
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
            keyFile,
            new CentralConfig.Loans(
                keyFile.isPresent() ? Optional.empty() : Optional.of(TENANT_KEY),
                perMinute,
                policy,
                ZoneId.of("Asia/Tokyo")));
    central = CentralService.open(config, clock);
    central.start();
    assertThat(central.awaitConnected(WAIT)).isTrue();
    kiosk = born("kiosk-1");
    central.library().putPatron(patron(ALICE, "individual"));
    central.library().putPatron(patron(BOB, "individual"));
    central.library().putItem(book("1000123456"));
    central.library().putItem(book("1000123457"));
  }

  SimulatedDevice born(String id) throws Exception {
    SimulatedDevice d =
        new SimulatedDevice(broker.url(), TENANT, id, Duration.ofSeconds(2)).connect();
    Conditions.await(WAIT, () -> central.devices().device(id).isPresent(), () -> "no " + id);
    return d;
  }

  @AfterEach
  void stopAndCheckTheLog() {
    if (kiosk != null) {
      kiosk.close();
    }
    if (central != null) {
      central.close();
    }
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    assertThat(log.list).isNotEmpty();
    for (ILoggingEvent e : log.list) {
      StringBuilder line = new StringBuilder(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(' ').append(t.getMessage());
      }
      assertThat(line.toString()).doesNotContain(CARD).doesNotContain(OTHER_CARD);
    }
  }

  static PatronSnapshot patron(PatronKey key, String category) {
    return new PatronSnapshot(
        key,
        category,
        LocalDate.of(2030, 3, 31),
        false,
        false,
        Map.of(),
        0,
        0,
        0,
        Optional.empty(),
        "central");
  }

  static ItemRecord book(String id) {
    return new ItemRecord(
        id, "坊っちゃん " + id, "book", "central", ItemStatus.AVAILABLE, Set.of(), 1, Optional.empty());
  }

  /** Sends a request with the device's own reply topic and waits for the one answer. */
  static byte[] ask(SimulatedDevice device, CentralRequest request) throws Exception {
    int before = device.otherMessages().size();
    device.request(request.encode(), TOPICS.reply(device.deviceId()));
    Conditions.await(WAIT, () -> device.otherMessages().size() > before, () -> "no answer");
    return device.otherMessages().get(before);
  }

  static CentralRequest loans(PatronKey patron, String card) {
    return CentralRequest.loans(patron, PatronProof.card(card));
  }

  void lend(String itemId, PatronKey patron) {
    int before = central.received().size();
    kiosk.checkout(itemId, patron);
    Conditions.await(WAIT, () -> central.received().size() > before, () -> "not taken");
  }

  @Test
  void theLoansOfThePatronWhoseCardIsAtTheKioskAreAnsweredOnItsOwnReplyTopicOnly()
      throws Exception {
    start(20, "matsuyama");
    lend("1000123456", ALICE);
    try (SimulatedDevice neighbour = born("kiosk-2")) {
      // Asking for the answer on the neighbour's reply topic: nothing goes there, or anywhere.
      kiosk.request(loans(ALICE, CARD).encode(), TOPICS.reply("kiosk-2"));
      LoanList answer = LoanList.decode(ask(kiosk, loans(ALICE, CARD)));
      assertThat(answer.error()).isEmpty();
      assertThat(answer.loans()).extracting(LoanList.Loan::itemId).containsExactly("1000123456");
      assertThat(answer.loans().get(0).title()).isEqualTo("坊っちゃん 1000123456");
      assertThat(kiosk.otherMessages()).hasSize(1);
      assertThat(neighbour.otherMessages()).isEmpty();
    }
  }

  @Test
  void theProofIsCheckedWithThePrivacyTenantKeyFile() throws Exception {
    Path key = directory.resolve("tenant.key");
    Files.write(key, TENANT_KEY);
    Files.setPosixFilePermissions(
        key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    start(20, "matsuyama", Optional.of(key));
    lend("1000123456", ALICE);
    assertThat(LoanList.decode(ask(kiosk, loans(ALICE, CARD))).loans()).hasSize(1);
    assertThat(LoanList.decode(ask(kiosk, loans(ALICE, OTHER_CARD))).error())
        .contains("PROOF_INVALID");
  }

  @Test
  void aRequestNamingAPatronWithoutAValidCardIsRefused() throws Exception {
    start(20, "matsuyama");
    lend("1000123456", ALICE);
    // Bob's card naming Alice's key; a card nobody has; the key-only request of version 1.
    assertThat(LoanList.decode(ask(kiosk, loans(ALICE, OTHER_CARD))).error())
        .contains("PROOF_INVALID");
    assertThat(LoanList.decode(ask(kiosk, loans(HASHER.keyOf("B9999"), "B9999"))).error())
        .contains("UNKNOWN_PATRON");
    LoanList old = LoanList.decode(ask(kiosk, CentralRequest.loansWithoutProof(ALICE)));
    assertThat(old.error()).contains("PROOF_REQUIRED");
    assertThat(old.loans()).isEmpty();
    assertThat(
            RenewalAnswer.decode(
                    ask(
                        kiosk,
                        CentralRequest.renew(ALICE, PatronProof.card(OTHER_CARD), "1000123456")))
                .reason())
        .contains("PROOF_INVALID");
    assertThat(log.list)
        .anyMatch(
            e -> e.getFormattedMessage().contains("schema version 1) refused: PROOF_REQUIRED"));
  }

  @Test
  void aDeviceOverItsRateIsRefusedAndOthersAreStillAnswered() throws Exception {
    start(3, "matsuyama");
    for (int i = 0; i < 3; i++) {
      assertThat(LoanList.decode(ask(kiosk, loans(ALICE, CARD))).error()).isEmpty();
    }
    assertThat(LoanList.decode(ask(kiosk, loans(ALICE, CARD))).error()).contains("RATE_LIMITED");
    // Failed proofs count too: a device cannot walk through card numbers faster.
    assertThat(LoanList.decode(ask(kiosk, loans(BOB, CARD))).error()).contains("RATE_LIMITED");
    try (SimulatedDevice other = born("kiosk-2")) {
      assertThat(LoanList.decode(ask(other, loans(ALICE, CARD))).error()).isEmpty();
    }
    clock.advance(Duration.ofSeconds(20)); // one request back (3 a minute)
    assertThat(LoanList.decode(ask(kiosk, loans(ALICE, CARD))).error()).isEmpty();
    assertThat(LoanList.decode(ask(kiosk, loans(ALICE, CARD))).error()).contains("RATE_LIMITED");
  }

  @Test
  void aDeviceNeverBornGetsNothing() throws Exception {
    start(20, "matsuyama");
    try (SimulatedDevice stranger =
        new SimulatedDevice(broker.url(), TENANT, "stranger", Duration.ofSeconds(2))) {
      stranger.connectWithoutBirth();
      assertThat(LoanList.decode(ask(stranger, loans(ALICE, CARD))).error())
          .contains("UNKNOWN_DEVICE");
    }
  }

  @Test
  void aRenewalIsDecidedByTheRulesAndRecorded() throws Exception {
    start(20, "matsuyama");
    lend("1000123456", ALICE);
    lend("1000123457", BOB);
    RenewalAnswer renewed =
        RenewalAnswer.decode(
            ask(kiosk, CentralRequest.renew(ALICE, PatronProof.card(CARD), "1000123456")));
    // 14 days from today (R-LIMIT-2), Tuesday 15 December 2026: an open day.
    assertThat(renewed).isEqualTo(RenewalAnswer.renewed("1000123456", LocalDate.of(2026, 12, 15)));
    LoanList after = LoanList.decode(ask(kiosk, loans(ALICE, CARD)));
    assertThat(after.loans().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
    // Matsuyama allows one renewal of a book.
    assertThat(
            RenewalAnswer.decode(
                ask(kiosk, CentralRequest.renew(ALICE, PatronProof.card(CARD), "1000123456"))))
        .isEqualTo(RenewalAnswer.refused("1000123456", "RENEWAL_LIMIT"));
    // Bob's loan is not Alice's to renew.
    assertThat(
            RenewalAnswer.decode(
                ask(kiosk, CentralRequest.renew(ALICE, PatronProof.card(CARD), "1000123457"))))
        .isEqualTo(RenewalAnswer.refused("1000123457", "NOT_YOUR_LOAN"));
  }

  @Test
  void anItemHeldForAnotherPatronIsNotRenewed() throws Exception {
    start(20, "matsuyama");
    lend("1000123456", ALICE);
    central.library().putHold(new HoldRecord("1000123456", BOB, "central"));
    central.library().putItem(withHold(book("1000123456"), BOB));
    assertThat(
            RenewalAnswer.decode(
                ask(kiosk, CentralRequest.renew(ALICE, PatronProof.card(CARD), "1000123456"))))
        .isEqualTo(RenewalAnswer.refused("1000123456", "HOLD_FOR_OTHER"));
  }

  static ItemRecord withHold(ItemRecord i, PatronKey patron) {
    return new ItemRecord(
        i.itemId(),
        i.title(),
        i.material(),
        i.homeBranch(),
        ItemStatus.ON_LOAN,
        i.flags(),
        i.parts(),
        Optional.of(patron));
  }

  @Test
  void aCategoryThatNeedsAPinIsRefusedWithoutOneAndStandaloneCannotCheckIt() throws Exception {
    Path policy = directory.resolve("pin-policy.yaml");
    String shipped =
        new String(
            getClass().getResourceAsStream("/policies/matsuyama.yaml").readAllBytes(),
            StandardCharsets.UTF_8);
    Files.writeString(
        policy, shipped.replaceFirst("pin: false", "pin: true"), StandardCharsets.UTF_8);
    start(20, policy.toString());
    assertThat(LoanList.decode(ask(kiosk, loans(ALICE, CARD))).error()).contains("PIN_REQUIRED");
    assertThat(
            LoanList.decode(
                    ask(kiosk, CentralRequest.loans(ALICE, PatronProof.card(CARD).withPin("1234"))))
                .error())
        .contains("PIN_UNVERIFIABLE");
  }

  /** Central keeps no PINs: without a library system to ask, the kiosk is told so at once. */
  @Test
  void aPinCheckWithoutALibrarySystemIsAnsweredNotAvailable_R_CARD_2() throws Exception {
    start(20, "matsuyama");
    assertThat(PinAnswer.decode(ask(kiosk, CentralRequest.pinCheck(ALICE, "4826"))))
        .isEqualTo(PinAnswer.failed("NOT_AVAILABLE"));
  }
}
