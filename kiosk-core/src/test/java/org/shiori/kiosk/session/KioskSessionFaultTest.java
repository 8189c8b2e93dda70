package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.emulator.FaultInjection;

/** The session when the link, the outbox or the reader lets it down. */
class KioskSessionFaultTest {
  private static final String CARD = "A1234567890B";
  private static final OfflineGuard.Limits OFFLINE_LIMITS =
      new OfflineGuard.Limits(2, Duration.ofHours(24), Duration.ofHours(48));

  @TempDir Path dir;
  private KioskRig rig;

  @AfterEach
  void close() {
    if (rig != null) {
      rig.close();
    }
  }

  private KioskRig open(int outboxCapacity) {
    rig = new KioskRig(dir, outboxCapacity, OFFLINE_LIMITS);
    rig.card(CARD);
    return rig;
  }

  /** The patron borrows the item, finishes, and lifts it off the pad. */
  private void borrowAndLeave(String itemId) {
    rig.session.cardScanned(CARD);
    rig.place(itemId);
    rig.session.finish();
    rig.clearPad();
  }

  private ItemOutcome outcome(String itemId) {
    return rig.session.view().outcomes().stream()
        .filter(o -> o.itemId().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + itemId));
  }

  @Test
  void offlineLendingIsCappedAtMaxItemsPerSession() {
    open(100);
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"), KioskRig.book("B-3"));
    rig.connectivity.lostAt(KioskRig.START);
    rig.clock.advance(Duration.ofHours(1));
    rig.session.cardScanned(CARD);
    assertThat(rig.session.view().offline()).isTrue();

    rig.place("B-1");
    rig.place("B-1", "B-2");
    rig.place("B-1", "B-2", "B-3");

    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(outcome("B-2").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(outcome("B-3").reasonCode()).contains("OFFLINE_LIMIT");
    assertThat(outcome("B-3").message()).isEqualTo(KioskMessages.OFFLINE_LIMIT);
    assertThat(rig.tag("B-3", 1).afi()).isEqualTo(0x07);
    assertThat(rig.outbox()).hasSize(2).allMatch(e -> e.transaction().offline());
  }

  static Stream<Arguments> offlineTooLong() {
    return Stream.of(
        // offline for 25 h (limit 24 h), cache 25 h old (limit 48 h)
        Arguments.of("offline longer than maxOffline", Duration.ZERO, Duration.ofHours(25)),
        // offline for 1 h, cache 49 h old
        Arguments.of("cache older than maxCacheAge", Duration.ofHours(48), Duration.ofHours(49)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offlineTooLong")
  void offlineLendingStopsWhenOfflineTooLongOrCacheTooOld(
      String why, Duration linkLostAfterSync, Duration now) {
    open(100);
    rig.items(KioskRig.book("B-1"));
    rig.connectivity.lostAt(KioskRig.START.plus(linkLostAfterSync));
    rig.clock.advance(now);
    rig.session.cardScanned(CARD);
    rig.place("B-1");

    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(outcome("B-1").reasonCode()).contains("OFFLINE_LIMIT");
    assertThat(outcome("B-1").message()).isEqualTo(KioskMessages.OFFLINE_UNAVAILABLE);
    assertThat(rig.outbox()).isEmpty();
    assertThat(rig.tag("B-1", 1).afi()).isEqualTo(0x07);
  }

  @Test
  void returnsStillWorkWhenOfflineLendingHasStopped() {
    open(100);
    rig.items(KioskRig.book("B-1"));
    borrowAndLeave("B-1");
    rig.connectivity.lostAt(KioskRig.START);
    rig.clock.advance(Duration.ofHours(72));

    rig.place("B-1");

    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.RETURNED);
    assertThat(rig.outbox().get(1).transaction().offline()).isTrue();
  }

  @Test
  void fullOutboxRefusesCheckoutAndDropsNothing() {
    open(2);
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"), KioskRig.book("B-3"));
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    rig.place("B-1", "B-2");
    rig.place("B-1", "B-2", "B-3");

    assertThat(outcome("B-3").result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(outcome("B-3").reasonCode()).contains("OUTBOX_FULL");
    assertThat(rig.tag("B-3", 1).afi()).isEqualTo(0x07);
    assertThat(rig.store.find("B-3").orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
    assertThat(rig.outbox())
        .extracting(e -> e.transaction().itemId())
        .containsExactly("B-1", "B-2");
    assertThat(rig.store.pendingCount()).isEqualTo(2);
  }

  @Test
  void fullOutboxSendsAReturnToStaffAndDropsNothing() {
    open(1);
    rig.items(KioskRig.book("B-1"));
    borrowAndLeave("B-1");

    rig.place("B-1");

    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.NEEDS_STAFF);
    assertThat(rig.tag("B-1", 1).afi()).isEqualTo(0xC2);
    assertThat(rig.outbox())
        .singleElement()
        .satisfies(e -> assertThat(e.transaction().type()).isEqualTo(TransactionType.CHECKOUT));
  }

  static Stream<Arguments> securityFaults() {
    return Stream.of(
        // the tag does not answer: the write never happens
        Arguments.of(FaultInjection.Fault.NO_TAG, 0x07),
        // the reader executes the write but its answers are lost: the tag's state is unconfirmed
        Arguments.of(FaultInjection.Fault.SILENT, 0xC2));
  }

  @ParameterizedTest(name = "standing {0} fault during the release")
  @MethodSource("securityFaults")
  void failedSecurityWriteNeedsStaffButTheCheckoutIsCommitted(
      FaultInjection.Fault fault, int afiAfterFault) {
    open(100);
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"));
    rig.session.cardScanned(CARD);
    rig.field.put(rig.tag("B-1", 1));
    var seen = rig.readPad();
    rig.emulator.faults().always(fault);

    rig.session.padChanged(seen);

    ItemOutcome failed = outcome("B-1");
    assertThat(failed.result()).isEqualTo(ItemOutcome.Result.NEEDS_STAFF);
    assertThat(failed.message()).isEqualTo(KioskMessages.SECURITY_FAILED);
    assertThat(rig.tag("B-1", 1).afi()).isEqualTo(afiAfterFault);
    // commit first: the loan is recorded although the tag could not be released
    assertThat(rig.outbox())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.transaction().type()).isEqualTo(TransactionType.CHECKOUT);
              assertThat(e.transaction().itemId()).isEqualTo("B-1");
            });
    assertThat(rig.commits).hasValue(1);

    rig.emulator.faults().clear();
    rig.place("B-1", "B-2");

    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.NEEDS_STAFF);
    assertThat(outcome("B-2").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(rig.tag("B-2", 1).afi()).isEqualTo(0xC2);
    assertThat(rig.outbox()).hasSize(2);
  }

  @Test
  void failedSecurityWriteOnReturnNeedsStaffButTheReturnIsCommitted() {
    open(100);
    rig.items(KioskRig.book("B-1"));
    borrowAndLeave("B-1");
    rig.field.put(rig.tag("B-1", 1));
    var seen = rig.readPad();
    rig.emulator.faults().always(FaultInjection.Fault.NO_TAG);

    rig.session.padChanged(seen);

    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.NEEDS_STAFF);
    assertThat(rig.tag("B-1", 1).afi()).isEqualTo(0xC2);
    assertThat(rig.outbox())
        .extracting(e -> e.transaction().type())
        .containsExactly(TransactionType.CHECKOUT, TransactionType.RETURN);
    assertThat(rig.store.find("B-1").orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
  }
}
