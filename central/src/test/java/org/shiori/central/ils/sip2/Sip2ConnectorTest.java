package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.central.ils.IlsCheckin;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsItem;
import org.shiori.central.ils.IlsItemStatus;
import org.shiori.central.ils.IlsLoan;
import org.shiori.central.ils.IlsRejectionReason;
import org.shiori.central.ils.IlsRenewal;
import org.shiori.central.ils.IlsResult;
import org.shiori.central.ils.IlsReturn;
import org.shiori.central.ils.IlsReturnAlert;
import org.shiori.central.ils.IlsStatus;
import org.shiori.central.ils.IlsUnavailableException;

/** {@link Sip2Connector} against {@link FakeSip2Server} over real loopback TCP. */
class Sip2ConnectorTest {
  static final String CARD = "2100012345678";
  static final String PIN = "975310";
  static final String BLOCKED_CARD = "2100099999999";
  static final String BOOK = "3010000000011";
  static final String OTHER_BOOK = "3010000000022";
  static final String HELD_BOOK = "3010000000033";
  static final LocalDate DUE = LocalDate.of(2026, 12, 15);

  private final Clock clock = Sip2TestSettings.clock();
  private FakeSip2Server server;
  private Sip2Connector connector;

  @BeforeEach
  void startServer() throws Exception {
    server = library(FakeSip2Server.builder(clock).build()).start();
    connector = new Sip2Connector(settings().build(), clock);
  }

  @AfterEach
  void stopServer() {
    connector.close();
    server.close();
  }

  static FakeSip2Server library(FakeSip2Server server) {
    return server
        .addItem(BOOK, "坊っちゃん")
        .addItem(OTHER_BOOK, "ポケット図鑑")
        .addItemWithHoldWaiting(HELD_BOOK, "吾輩は猫である")
        .addPatron(CARD, PIN, "Yamada Taro")
        .addBlockedPatron(BLOCKED_CARD, "0000", "Suzuki Hanako");
  }

  private Sip2Settings.Builder settings() {
    return Sip2TestSettings.builder().port(server.port());
  }

  @Test
  void firstUseLogsInWith93ThenAsksStatusWith99() throws Exception {
    IlsStatus status = connector.heartbeat();

    assertThat(status).isEqualTo(new IlsStatus(true, true, true, true));
    assertThat(server.receivedText())
        .containsExactly(
            "9300CNkiosk|COsecret|CPKIOSK1|AY0AZF44C",
            "9900402.00AY1AZFCA4",
            "9900402.00AY2AZFCA3");
  }

  @Test
  void refusedLoginIsUnavailableNotARejection() throws Exception {
    Sip2Connector wrongPassword =
        new Sip2Connector(settings().login("kiosk", "wrong").build(), clock);
    assertThatThrownBy(wrongPassword::heartbeat)
        .isInstanceOf(IlsUnavailableException.class)
        .hasMessageContaining("refused the SIP2 login")
        .hasMessageNotContaining("wrong");
    wrongPassword.close();
  }

  @Test
  void checkoutAcceptedWithDueDateArrivesAsAn11WithTheseFields() throws Exception {
    IlsResult<IlsLoan> result = connector.checkout(IlsCheckout.now(CARD, BOOK));

    assertThat(result).isInstanceOf(IlsResult.Accepted.class);
    IlsResult.Accepted<IlsLoan> accepted = (IlsResult.Accepted<IlsLoan>) result;
    assertThat(accepted.dueDate()).contains(DUE);
    assertThat(accepted.value())
        .isEqualTo(new IlsLoan(BOOK, Optional.of("坊っちゃん"), Optional.of(DUE)));
    assertThat(server.borrowerOf(BOOK)).contains(CARD);
    Sip2Message checkout = server.received(Sip2Command.CHECKOUT).get(0);
    assertThat(checkout.fixedFields()).isEqualTo("NN" + Sip2TestSettings.NOW_SIP2 + " ".repeat(18));
    assertThat(checkout.fields())
        .containsExactly(
            new Sip2Field("AO", "SHIORI"),
            new Sip2Field("AA", CARD),
            new Sip2Field("AB", BOOK),
            new Sip2Field("AC", "tpw"));
  }

  @Test
  void checkoutOfBlockedPatronIsRejectedPatronBlockedWithTheScreenMessage() throws Exception {
    IlsResult<IlsLoan> result = connector.checkout(IlsCheckout.now(BLOCKED_CARD, BOOK));

    assertThat(result)
        .isEqualTo(
            IlsResult.rejected(
                IlsRejectionReason.PATRON_BLOCKED, "Patron blocked: please see staff"));
    assertThat(server.borrowerOf(BOOK)).isEmpty();
  }

  @Test
  void offlineCheckoutOfBlockedPatronIsSentWithNoBlockAndItsOwnTime() throws Exception {
    Instant happened = Instant.parse("2026-11-30T23:00:00Z");
    IlsResult<IlsLoan> result =
        connector.checkout(IlsCheckout.offline(BLOCKED_CARD, BOOK, happened));

    assertThat(result.isAccepted()).isTrue();
    assertThat(server.received(Sip2Command.CHECKOUT).get(0).fixedFields())
        .startsWith("NY20261201    080000");
  }

  @Test
  void checkoutRejectionReasonsAreNamed() throws Exception {
    server.lend(OTHER_BOOK, BLOCKED_CARD, DUE);
    assertThat(reason(connector.checkout(IlsCheckout.now("2100000000000", BOOK))))
        .isEqualTo(IlsRejectionReason.PATRON_NOT_FOUND);
    assertThat(reason(connector.checkout(IlsCheckout.now(CARD, BOOK).withPatronPin("9999"))))
        .isEqualTo(IlsRejectionReason.INVALID_PIN);
    assertThat(reason(connector.checkout(IlsCheckout.now(CARD, "3019999999999"))))
        .isEqualTo(IlsRejectionReason.ITEM_NOT_FOUND);
    assertThat(reason(connector.checkout(IlsCheckout.now(CARD, OTHER_BOOK))))
        .isEqualTo(IlsRejectionReason.ALREADY_ON_LOAN);
  }

  @Test
  void refusingIlsIsRejectedIlsRefusedWithItsScreenMessage() throws Exception {
    server.refusing(true);
    assertThat(connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isEqualTo(
            IlsResult.rejected(IlsRejectionReason.ILS_REFUSED, "Refused by the library system"));
  }

  @Test
  void checkinAcceptedArrivesAsA09AndEndsTheLoan() throws Exception {
    server.lend(BOOK, CARD, DUE);

    IlsResult<IlsReturn> result = connector.checkin(IlsCheckin.now(BOOK));

    assertThat(result.isAccepted()).isTrue();
    IlsReturn taken = ((IlsResult.Accepted<IlsReturn>) result).value();
    assertThat(taken.title()).contains("坊っちゃん");
    assertThat(taken.permanentLocation()).contains("2F-913");
    assertThat(taken.alert()).isEmpty();
    assertThat(server.borrowerOf(BOOK)).isEmpty();
    assertThat(server.received(Sip2Command.CHECKIN).get(0).field("AP")).contains("KIOSK1");
  }

  @Test
  void checkinOfItemWithHoldWaitingIsAcceptedWithAnAlert() throws Exception {
    server.lend(HELD_BOOK, CARD, DUE);
    IlsResult<IlsReturn> result = connector.checkin(IlsCheckin.now(HELD_BOOK));
    IlsResult.Accepted<IlsReturn> accepted = (IlsResult.Accepted<IlsReturn>) result;
    assertThat(accepted.value().alert()).contains(IlsReturnAlert.HOLD_FOR_LOCAL_PATRON);
    assertThat(accepted.screenMessage()).contains("please see staff");
  }

  @Test
  void checkinRejectionReasonsAreNamed() throws Exception {
    assertThat(reason(connector.checkin(IlsCheckin.now(BOOK))))
        .isEqualTo(IlsRejectionReason.NOT_CHECKED_OUT);
    assertThat(reason(connector.checkin(IlsCheckin.now("3019999999999"))))
        .isEqualTo(IlsRejectionReason.ITEM_NOT_FOUND);
  }

  @Test
  void renewAcceptedWithNewDueDate() throws Exception {
    server.lend(BOOK, CARD, LocalDate.of(2026, 12, 2));
    IlsResult<IlsLoan> result = connector.renew(IlsRenewal.now(CARD, BOOK));
    assertThat(((IlsResult.Accepted<IlsLoan>) result).dueDate()).contains(DUE);
    assertThat(server.received(Sip2Command.RENEW).get(0).fixedFields()).startsWith("NN");
  }

  @Test
  void renewRejectionReasonsAreNamed() throws Exception {
    server.lend(OTHER_BOOK, BLOCKED_CARD, DUE);
    assertThat(reason(connector.renew(IlsRenewal.now(CARD, BOOK))))
        .isEqualTo(IlsRejectionReason.NOT_CHECKED_OUT);
    assertThat(reason(connector.renew(IlsRenewal.now(BLOCKED_CARD, OTHER_BOOK))))
        .isEqualTo(IlsRejectionReason.PATRON_BLOCKED);
  }

  @Test
  void patronLoansListsTheChargedItemsWithTitlesAndDueDates() throws Exception {
    server.lend(BOOK, CARD, DUE).lend(OTHER_BOOK, CARD, LocalDate.of(2026, 12, 20));

    IlsResult<List<IlsLoan>> result = connector.patronLoans(CARD, Optional.of(PIN));

    assertThat(((IlsResult.Accepted<List<IlsLoan>>) result).value())
        .containsExactly(
            new IlsLoan(BOOK, Optional.of("坊っちゃん"), Optional.of(DUE)),
            new IlsLoan(
                OTHER_BOOK, Optional.of("ポケット図鑑"), Optional.of(LocalDate.of(2026, 12, 20))));
    Sip2Message request = server.received(Sip2Command.PATRON_INFORMATION).get(0);
    assertThat(request.fixedFields()).endsWith("  Y       ");
    assertThat(server.received(Sip2Command.ITEM_INFORMATION)).hasSize(2);
    assertThat(server.received(Sip2Command.END_PATRON_SESSION)).hasSize(1);
  }

  @Test
  void patronLoansOfUnknownPatronOrWrongPinIsRejected() throws Exception {
    assertThat(reason(connector.patronLoans("2100000000000", Optional.empty())))
        .isEqualTo(IlsRejectionReason.PATRON_NOT_FOUND);
    assertThat(reason(connector.patronLoans(CARD, Optional.of("1111"))))
        .isEqualTo(IlsRejectionReason.INVALID_PIN);
  }

  @Test
  void itemInfoGivesStatusTitleAndDueDate() throws Exception {
    server.lend(OTHER_BOOK, CARD, DUE);

    IlsItem available = ((IlsResult.Accepted<IlsItem>) connector.itemInfo(BOOK)).value();
    IlsItem onLoan = ((IlsResult.Accepted<IlsItem>) connector.itemInfo(OTHER_BOOK)).value();

    assertThat(available.status()).isEqualTo(IlsItemStatus.AVAILABLE);
    assertThat(available.dueDate()).isEmpty();
    assertThat(onLoan.status()).isEqualTo(IlsItemStatus.ON_LOAN);
    assertThat(onLoan.dueDate()).contains(DUE);
    assertThat(onLoan.title()).contains("ポケット図鑑");
    assertThat(reason(connector.itemInfo("3019999999999")))
        .isEqualTo(IlsRejectionReason.ITEM_NOT_FOUND);
  }

  @Test
  void stoppedServerIsUnavailableAndARestartedOneIsReconnected() throws Exception {
    connector.heartbeat();
    server.stop();

    assertThatThrownBy(() -> connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isInstanceOf(IlsUnavailableException.class);

    server.start();
    assertThat(connector.checkout(IlsCheckout.now(CARD, BOOK)).isAccepted()).isTrue();
    assertThat(server.connectionsAccepted()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void idleConnectionClosedByARestartIsReplacedAndTheCheckoutGoesThrough() throws Exception {
    connector.heartbeat();
    int before = server.connectionsAccepted();
    server.stop();
    server.start();

    assertThat(connector.checkout(IlsCheckout.now(CARD, BOOK)).isAccepted()).isTrue();
    assertThat(server.borrowerOf(BOOK)).contains(CARD);
    assertThat(server.connectionsAccepted()).isEqualTo(before + 1);
  }

  @Test
  void slowedServerTimesOutAsUnavailableAndTheNextCallWorks() throws Exception {
    connector.close();
    connector = new Sip2Connector(settings().readTimeout(Duration.ofMillis(300)).build(), clock);
    connector.heartbeat();
    server.slowReplies(Duration.ofMillis(1500));

    long start = System.nanoTime();
    assertThatThrownBy(() -> connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isInstanceOf(IlsUnavailableException.class)
        .hasMessageContaining("no SIP2 answer in time");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));

    server.slowReplies(Duration.ZERO);
    assertThat(connector.heartbeat().online()).isTrue();
  }

  @Test
  void badChecksumIsAnsweredWith97AndTheResentAnswerIsUsed() throws Exception {
    connector.heartbeat();
    server.corruptNextChecksum();

    assertThat(connector.checkout(IlsCheckout.now(CARD, BOOK)).isAccepted()).isTrue();
    assertThat(server.receivedText()).contains("97AZFEF5");
    assertThat(server.received(Sip2Command.CHECKOUT)).hasSize(1);
  }

  @Test
  void checksumStillBadAfterTheResendsIsUnavailable() throws Exception {
    connector.heartbeat();
    server.clearReceived();
    server.corruptChecksums(10);

    assertThatThrownBy(() -> connector.itemInfo(BOOK))
        .isInstanceOf(IlsUnavailableException.class)
        .hasMessageContaining("checksum");
    // 17, three 97s; then once more on a new connection, whose 94 is already corrupted
    assertThat(server.receivedText().stream().filter("97AZFEF5"::equals).count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void ilsThatSaysItIsOfflineRejectsWithIlsUnavailableAndHeartbeatSaysSo() throws Exception {
    server.offline(true);

    assertThat(connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isEqualTo(
            IlsResult.rejected(IlsRejectionReason.ILS_UNAVAILABLE, "Library system off line"));
    assertThat(connector.heartbeat().online()).isFalse();
  }

  @Test
  void requestScResend96IsAnsweredBySendingTheRequestAgain() throws Exception {
    connector.heartbeat();
    server.clearReceived();
    server.askForResendOnce();

    assertThat(connector.checkin(IlsCheckin.now(BOOK))).isNotNull();
    List<byte[]> raw = server.receivedRaw();
    assertThat(raw.get(0)).isEqualTo(raw.get(1));
  }

  @Test
  void checkoutDroppedMidReplyIsUnavailableAndNotRepeated() throws Exception {
    connector.heartbeat();
    server.dropNextReplyMidway();

    assertThatThrownBy(() -> connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isInstanceOf(IlsUnavailableException.class)
        .hasMessageContaining("middle of an answer");
    assertThat(server.received(Sip2Command.CHECKOUT)).hasSize(1);
    assertThat(connector.heartbeat().online()).isTrue();
  }

  @Test
  void itemInfoDroppedMidReplyIsAskedAgainOnANewConnection() throws Exception {
    connector.heartbeat();
    server.dropNextReplyMidway();

    assertThat(connector.itemInfo(BOOK).isAccepted()).isTrue();
    assertThat(server.received(Sip2Command.ITEM_INFORMATION)).hasSize(2);
  }

  @Test
  void garbageAnswerIsUnavailableAndTheClientGoesOn() throws Exception {
    connector.heartbeat();
    server.replyOnceWith(
        (Sip2ResponseDecodingTest.checksummed("XX garbageAY2AZ") + "\r")
            .getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isInstanceOf(IlsUnavailableException.class)
        .hasMessageContaining("Unknown SIP2 command identifier 'XX'");
    assertThat(connector.heartbeat().online()).isTrue();
  }

  @Test
  void answerLongerThanTheBoundIsRefused() throws Exception {
    connector.heartbeat();
    server.replyOnceWith(("12" + "9".repeat(70_000) + "\r").getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isInstanceOf(IlsUnavailableException.class)
        .hasMessageContaining("longer than 65536 bytes");
  }

  @Test
  void answerWithWrongSequenceNumberIsRefused() throws Exception {
    connector.heartbeat();
    server.replyOnceWith(
        (Sip2ResponseDecodingTest.checksummed(
                    "98YYYYNN030003" + Sip2TestSettings.NOW_SIP2 + "2.00AOSHIORI|AY9AZ")
                + "\r")
            .getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> connector.checkout(IlsCheckout.now(CARD, BOOK)))
        .isInstanceOf(IlsUnavailableException.class)
        .hasMessageContaining("got 98 instead of 12");
  }

  @Test
  void poolNeverOpensMoreConnectionsThanItsSize() throws Exception {
    server.slowReplies(Duration.ofMillis(50));
    List<Thread> threads = new java.util.ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 6; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  connector.itemInfo(BOOK);
                } catch (Exception | AssertionError e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    assertThat(failures).isEmpty();
    assertThat(server.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void crlfTerminatorOnBothSidesWorks() throws Exception {
    try (FakeSip2Server crlf =
            library(FakeSip2Server.builder(clock).terminator(Sip2Terminator.CRLF).build()).start();
        Sip2Connector connector =
            new Sip2Connector(
                settings().port(crlf.port()).messageTerminator(Sip2Terminator.CRLF).build(),
                clock)) {
      assertThat(connector.checkout(IlsCheckout.now(CARD, BOOK)).isAccepted()).isTrue();
      assertThat(connector.heartbeat().online()).isTrue();
    }
  }

  static IlsRejectionReason reason(IlsResult<?> result) {
    assertThat(result).isInstanceOf(IlsResult.Rejected.class);
    return ((IlsResult.Rejected<?>) result).reason();
  }
}
