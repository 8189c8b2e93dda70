package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.config.SessionSettings;

/**
 * A staff card opens the staff status screen at an idle kiosk and nothing else: no patron look-up,
 * no session, no transaction; it closes untouched after its time, when staff close it, and when a
 * patron uses the kiosk. During a patron's session it is ignored.
 */
class KioskSessionStaffCardTest {
  private static final String CARD = "A1234567890B";

  @TempDir Path dir;
  private KioskRig rig;

  @BeforeEach
  void open() {
    rig =
        new KioskRig(
            dir,
            SessionSettings.DEFAULT,
            ShippedPolicies.load("matsuyama", KioskRig.TOKYO),
            PinService.unavailable());
    rig.card(CARD);
    rig.items(KioskRig.book("B-1"));
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private void after(Duration time) {
    rig.clock.advance(time);
    rig.session.tick();
  }

  @Test
  void aStaffCardAtTheWelcomeScreenOpensTheStatusScreenAndNoSession() {
    rig.session.cardScanned(KioskRig.STAFF_CARD);

    SessionView view = rig.session.view();
    assertThat(view.staffOpen()).isTrue();
    assertThat(view.mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(view.banner()).isEqualTo(KioskMessages.WELCOME);
    assertThat(view.idleDeadline()).isEmpty();
    assertThat(rig.outbox()).isEmpty();
    assertThat(rig.commits).hasValue(0);
  }

  @Test
  void theStatusScreenClosesUntouchedAfterItsTimeAndATouchKeepsItOpen() {
    rig.session.cardScanned(KioskRig.STAFF_CARD);
    after(KioskRig.STAFF_OPEN_FOR.minusSeconds(5));
    rig.session.staffTouched();
    after(KioskRig.STAFF_OPEN_FOR.minusSeconds(1));
    assertThat(rig.session.view().staffOpen()).as("touched 29 s ago").isTrue();

    after(Duration.ofSeconds(1));
    assertThat(rig.session.view().staffOpen()).isFalse();
    rig.session.staffTouched();
    assertThat(rig.session.view().staffOpen()).as("a touch never reopens it").isFalse();
  }

  @Test
  void staffCloseTheStatusScreen() {
    rig.session.cardScanned(KioskRig.STAFF_CARD);
    rig.session.closeStaff();

    assertThat(rig.session.view().staffOpen()).isFalse();
  }

  @Test
  void aPatronCardOrItemsOnThePadCloseTheStatusScreen() {
    rig.session.cardScanned(KioskRig.STAFF_CARD);
    rig.place("B-1");
    assertThat(rig.session.view().staffOpen()).as("a return is under way").isFalse();
    rig.clearPad();

    rig.session.cardScanned(KioskRig.STAFF_CARD);
    rig.session.cardScanned(CARD);
    assertThat(rig.session.view().staffOpen()).isFalse();
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
  }

  @Test
  void aStaffCardDuringAPatronSessionIsIgnoredAndTheSessionGoesOn() {
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    SessionView before = rig.session.view();
    rig.clock.advance(Duration.ofSeconds(10));

    rig.session.cardScanned(KioskRig.STAFF_CARD);

    SessionView after = rig.session.view();
    assertThat(after.staffOpen()).isFalse();
    assertThat(after.mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    assertThat(after.outcomes()).isEqualTo(before.outcomes());
    assertThat(after.idleDeadline())
        .as("no activity of the patron's")
        .isEqualTo(before.idleDeadline());
    assertThat(rig.outbox()).hasSize(1); // the one loan, nothing for the staff card
  }

  @Test
  void aStaffCardThatIsAlsoInThePatronDataStillStartsNoSession() {
    rig.card(KioskRig.STAFF_CARD);

    rig.session.cardScanned(KioskRig.STAFF_CARD);

    assertThat(rig.session.view().staffOpen()).isTrue();
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(rig.session.view().idleDeadline()).isEmpty();
  }
}
