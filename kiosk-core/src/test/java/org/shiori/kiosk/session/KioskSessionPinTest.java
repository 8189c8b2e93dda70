package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.config.CardSettings;
import org.shiori.config.SessionSettings;
import org.shiori.kiosk.pin.PinGuard;
import org.shiori.kiosk.pin.PinLockouts;
import org.shiori.kiosk.pin.PinPolicy;
import org.shiori.protocol.PinAnswer;
import org.slf4j.LoggerFactory;

/**
 * PIN entry (R-CARD-2) on the real session, store, rules and lockout file; central's answer comes
 * from a stand-in here (the round trip through the broker is in {@code ProductionCardTest}).
 */
class KioskSessionPinTest {
  private static final String CARD = "A1234567890B";
  private static final String PIN = "4711";

  @TempDir Path dir;
  private final AtomicBoolean online = new AtomicBoolean(true);
  private final AtomicBoolean centralAnswers = new AtomicBoolean(true);
  private final AtomicInteger centralAsked = new AtomicInteger();
  private CirculationRules rules;
  private PinLockouts lockouts;
  private KioskRig rig;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void open() throws Exception {
    rules = ShippedPolicies.load(PinPolicy.write(dir).toString(), KioskRig.TOKYO);
    logs.start();
    root().addAppender(logs);
    start();
  }

  private void start() {
    lockouts = PinLockouts.open(dir.resolve(PinLockouts.FILE));
    rig =
        new KioskRig(
            Files.isDirectory(dir.resolve("run")) ? dir.resolve("run") : mk(),
            SessionSettings.DEFAULT,
            rules,
            guard());
    rig.card(CARD);
    rig.items(KioskRig.book("B-1"));
  }

  private Path mk() {
    try {
      return Files.createDirectories(dir.resolve("run"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private PinGuard guard() {
    return new PinGuard(
        lockouts,
        this::central,
        online::get,
        new CardSettings.Pin(3, 30, CardSettings.OfflinePin.REFUSE),
        new java.time.Clock() {
          // the rig's clock, which the test moves; the rig is made after its PIN service
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return java.time.Clock.fixed(instant(), zone);
          }

          @Override
          public java.time.Instant instant() {
            return rig.clock.instant();
          }
        });
  }

  private CompletableFuture<PinAnswer> central(PatronKey patron, String digits) {
    centralAsked.incrementAndGet();
    if (!centralAnswers.get()) {
      return CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException());
    }
    return CompletableFuture.completedFuture(
        digits.equals(PIN) ? PinAnswer.right() : PinAnswer.wrong());
  }

  @AfterEach
  void close() {
    rig.close();
    lockouts.close();
    root().detachAppender(logs);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private SessionView.PinState pinState() {
    return rig.session.view().pin().orElseThrow().state();
  }

  @Test
  void theCardAsksForThePinAndItemsWaitUntilItIsRight() {
    rig.session.cardScanned(CARD);
    assertThat(pinState()).isEqualTo(SessionView.PinState.REQUIRED);
    assertThat(rig.session.view().notice())
        .map(SessionView.PatronNotice::key)
        .contains("PIN_REQUIRED");
    assertThat(rig.session.view().pin().orElseThrow().attemptsLeft()).isEqualTo(3);

    rig.place("B-1");
    assertThat(rig.session.view().outcomes()).as("nothing decided before the PIN").isEmpty();
    assertThat(rig.outbox()).isEmpty();

    rig.session.pinEntered(PIN);
    assertThat(pinState()).isEqualTo(SessionView.PinState.VERIFIED);
    assertThat(rig.session.view().notice()).isEmpty();
    assertThat(rig.session.view().outcomes())
        .singleElement()
        .satisfies(o -> assertThat(o.result()).isEqualTo(ItemOutcome.Result.LENT));
    assertThat(rig.tag("B-1", 1).afi()).isEqualTo(KioskRig.SECURITY.releasedAfi());
  }

  @Test
  void aWrongPinCountsDownAndTheThirdLocksTheCard() {
    rig.session.cardScanned(CARD);
    rig.session.pinEntered("0000");
    assertThat(pinState()).isEqualTo(SessionView.PinState.WRONG);
    assertThat(rig.session.view().pin().orElseThrow().attemptsLeft()).isEqualTo(2);
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.PIN_WRONG);
    rig.session.pinEntered("0001");
    rig.session.pinEntered("0002");
    assertThat(pinState()).isEqualTo(SessionView.PinState.LOCKED);
    assertThat(rig.session.view().notice())
        .map(SessionView.PatronNotice::key)
        .contains("PIN_LOCKED");

    int asked = centralAsked.get();
    rig.session.pinEntered(PIN);
    assertThat(pinState()).as("locked: no more entries").isEqualTo(SessionView.PinState.LOCKED);
    assertThat(centralAsked.get()).isEqualTo(asked);
    rig.place("B-1");
    assertThat(rig.outbox()).isEmpty();
  }

  @Test
  void aLockoutSurvivesARestartAndEndsAfterItsTime() {
    rig.session.cardScanned(CARD);
    for (String wrong : new String[] {"1111", "2222", "3333"}) {
      rig.session.pinEntered(wrong);
    }
    assertThat(pinState()).isEqualTo(SessionView.PinState.LOCKED);
    rig.close();
    lockouts.close();

    start(); // the kiosk restarts on the same files
    rig.session.cardScanned(CARD);
    assertThat(pinState()).isEqualTo(SessionView.PinState.LOCKED);

    rig.session.finish();
    rig.clock.advance(Duration.ofMinutes(30));
    rig.session.cardScanned(CARD);
    assertThat(pinState()).isEqualTo(SessionView.PinState.REQUIRED);
    assertThat(rig.session.view().pin().orElseThrow().attemptsLeft()).isEqualTo(3);
    rig.session.pinEntered(PIN);
    assertThat(pinState()).isEqualTo(SessionView.PinState.VERIFIED);
  }

  @Test
  void aRightPinClearsEarlierFailures() {
    rig.session.cardScanned(CARD);
    rig.session.pinEntered("1111");
    rig.session.pinEntered(PIN);
    rig.session.finish();
    rig.session.cardScanned(CARD);
    assertThat(rig.session.view().pin().orElseThrow().attemptsLeft()).isEqualTo(3);
  }

  @Test
  void offlineThePolicyRefusesAndNoAttemptIsCounted() {
    online.set(false);
    rig.session.cardScanned(CARD);
    assertThat(pinState()).isEqualTo(SessionView.PinState.UNAVAILABLE);
    assertThat(rig.session.view().notice())
        .map(SessionView.PatronNotice::key)
        .contains("PIN_UNAVAILABLE");
    rig.session.pinEntered(PIN);
    assertThat(centralAsked.get()).isZero();
    rig.place("B-1");
    assertThat(rig.outbox()).isEmpty();
  }

  @Test
  void centralNotAnsweringIsNoWrongPin() {
    centralAnswers.set(false);
    rig.session.cardScanned(CARD);
    rig.session.pinEntered(PIN);
    assertThat(pinState()).isEqualTo(SessionView.PinState.UNAVAILABLE);
    assertThat(lockouts.entry(rig.hasher.keyOf(CARD)).failures()).isZero();
  }

  @Test
  void malformedEntriesAreNotSentToCentral() {
    rig.session.cardScanned(CARD);
    for (String bad : new String[] {"", "12", "123456789", "12a4", null}) {
      rig.session.pinEntered(bad);
    }
    assertThat(centralAsked.get()).isZero();
    assertThat(pinState()).isEqualTo(SessionView.PinState.REQUIRED);
  }

  @Test
  void thePinIsNeverLoggedNorStored() throws Exception {
    rig.session.cardScanned(CARD);
    rig.session.pinEntered("9876");
    rig.session.pinEntered(PIN);
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list)
        .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("9876", PIN));
    lockouts.close();
    for (Path file : Files.list(dir).toList()) {
      if (Files.isRegularFile(file) && file.getFileName().toString().startsWith("pin-lockouts")) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(file.toString()).doesNotContain("9876", PIN);
      }
    }
    lockouts = PinLockouts.open(dir.resolve(PinLockouts.FILE));
  }
}
