package org.shiori.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.device.app.JsonMapping;
import org.shiori.device.store.OutboxEntry;

/** The kiosk state machine on real parts (see {@link KioskRig}). */
class KioskSessionTest {
  private static final String CARD = "A1234567890B";

  @TempDir Path dir;
  private KioskRig rig;
  private PatronKey key;

  @BeforeEach
  void open() {
    rig = new KioskRig(dir);
    key = rig.card(CARD);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private ItemOutcome outcome(String itemId) {
    return rig.session.view().outcomes().stream()
        .filter(o -> o.itemId().equals(itemId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + itemId));
  }

  private int afi(String itemId, int part) {
    return rig.tag(itemId, part).afi();
  }

  @Test
  void rLimit2_ordinaryBookIsLentForTwoWeeksAndItsTagReleased() {
    rig.items(KioskRig.book("B-1"));
    rig.session.cardScanned(CARD);
    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.CARD_ACCEPTED);

    rig.place("B-1");

    ItemOutcome lent = outcome("B-1");
    assertThat(lent.result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(lent.dueDate()).contains(LocalDate.parse("2026-12-04"));
    assertThat(afi("B-1", 1)).isEqualTo(0xC2);
    assertThat(rig.outbox())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.transaction().type()).isEqualTo(TransactionType.CHECKOUT);
              assertThat(e.transaction().itemId()).isEqualTo("B-1");
              assertThat(e.transaction().patron()).contains(key);
              assertThat(e.transaction().dueDate()).contains(LocalDate.parse("2026-12-04"));
              assertThat(e.transaction().offline()).isFalse();
            });
    assertThat(rig.store.find("B-1").orElseThrow().status()).isEqualTo(ItemStatus.ON_LOAN);
    assertThat(rig.commits).hasValue(1);
  }

  static Stream<Arguments> refusedItems() {
    return Stream.of(
        Arguments.of(
            "R-ITEM-1 reference material",
            KioskRig.item("R-1", "reference", Set.of(), 1),
            "NOT_FOR_LOAN"),
        Arguments.of(
            "R-ITEM-1 reference flag on a book",
            KioskRig.item("R-2", "book", Set.of("reference"), 1),
            "NOT_FOR_LOAN"),
        Arguments.of(
            "R-ITEM-1 newspaper", KioskRig.item("N-1", "newspaper", Set.of(), 1), "NOT_FOR_LOAN"),
        Arguments.of(
            "R-ILL-1 NDL loan",
            KioskRig.item("I-1", "book", Set.of("ill-ndl"), 1),
            "NOT_FOR_LOAN"));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("refusedItems")
  void itemsNotForLoanAreRefusedWithNothingInTheOutbox(
      String rule, ItemRecord record, String reason) {
    rig.items(record);
    rig.session.cardScanned(CARD);
    rig.place(record.itemId());

    ItemOutcome refused = outcome(record.itemId());
    assertThat(refused.result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(refused.reasonCode()).contains(reason);
    assertThat(rig.outbox()).isEmpty();
    assertThat(afi(record.itemId(), 1)).isEqualTo(0x07);
    assertThat(rig.store.find(record.itemId()).orElseThrow().status())
        .isEqualTo(ItemStatus.AVAILABLE);
  }

  @Test
  void rLimit1_rLimit7_eleventhBookIsRefusedAndTheTenBeforeItStayLent() {
    ItemRecord[] books =
        IntStream.rangeClosed(1, 11)
            .mapToObj(i -> KioskRig.book("B-" + i))
            .toArray(ItemRecord[]::new);
    rig.items(books);
    rig.session.cardScanned(CARD);
    for (int i = 1; i <= 11; i++) {
      rig.place(IntStream.rangeClosed(1, i).mapToObj(n -> "B-" + n).toArray(String[]::new));
    }

    for (int i = 1; i <= 10; i++) {
      assertThat(outcome("B-" + i).result()).as("B-" + i).isEqualTo(ItemOutcome.Result.LENT);
      assertThat(afi("B-" + i, 1)).isEqualTo(0xC2);
    }
    ItemOutcome eleventh = outcome("B-11");
    assertThat(eleventh.result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(eleventh.reasonCode()).contains("LIMIT_BOOKS");
    assertThat(eleventh.limit()).contains(10); // the screen names it in either language
    assertThat(afi("B-11", 1)).isEqualTo(0x07);
    assertThat(rig.outbox()).hasSize(10).noneMatch(e -> e.transaction().itemId().equals("B-11"));
  }

  @Test
  void rLimit7_loansElsewhereCountTowardsTheLimit() {
    PatronKey heavy = rig.card("A9999999999B", patronWith(p -> p.loans(Map.of("book", 10))));
    rig.items(KioskRig.book("B-1"));
    rig.session.cardScanned("A9999999999B");
    rig.place("B-1");

    assertThat(outcome("B-1").reasonCode()).contains("LIMIT_BOOKS");
    assertThat(rig.outbox()).isEmpty();
    assertThat(heavy).isNotEqualTo(key);
  }

  static Stream<Arguments> blockedPatrons() {
    return Stream.of(
        Arguments.of(
            "R-CARD-3 expired card",
            patronWith(p -> p.expiry(LocalDate.parse("2026-11-19"))),
            "CARD_EXPIRED"),
        Arguments.of("R-BLOCK-1 overdue patron", patronWith(p -> p.overdue(true)), "OVERDUE_BLOCK"),
        Arguments.of(
            "R-BLOCK-2 staff-blocked patron", patronWith(p -> p.staffBlock(true)), "STAFF_BLOCK"));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("blockedPatrons")
  void blockedPatronsBorrowNothing(String rule, PatronSnapshot template, String reason) {
    rig.card("A5555555555B", template);
    rig.items(KioskRig.book("B-1"));
    rig.session.cardScanned("A5555555555B");
    rig.place("B-1");

    ItemOutcome refused = outcome("B-1");
    assertThat(refused.result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(refused.reasonCode()).contains(reason);
    assertThat(rig.outbox()).isEmpty();
    assertThat(afi("B-1", 1)).isEqualTo(0x07);
  }

  @Test
  void rBlock2_staffBlockMessageIsNeutral() {
    rig.card("A5555555555B", patronWith(p -> p.staffBlock(true)));
    rig.items(KioskRig.book("B-1"));
    rig.session.cardScanned("A5555555555B");
    rig.place("B-1");

    String en = outcome("B-1").message().en().toLowerCase(java.util.Locale.ROOT);
    assertThat(en).contains("staff").doesNotContain("block", "overdue", "expired", "reason");
    assertThat(outcome("B-1").message().ja()).doesNotContain("延滞", "停止", "期限");
  }

  @Test
  void rCard1_unknownCardOpensNoSession() {
    rig.items(KioskRig.book("B-1"));
    rig.session.cardScanned("A0000000001B");

    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.CARD_UNKNOWN);
    rig.place("B-1");
    assertThat(outcome("B-1").reasonCode()).contains("NOT_ON_LOAN");
    assertThat(rig.outbox()).isEmpty();
  }

  @ParameterizedTest(name = "unreadable card \"{0}\"")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"", "   ", "12", "A12345678901234567890123456789012B", "ABCD-EFGH", "12 34 56"})
  void unreadableCardStringIsAskedAgain(String card) {
    rig.session.cardScanned(card);

    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.CARD_UNREADABLE);
  }

  @Test
  void nullCardIsUnreadable() {
    rig.session.cardScanned(null);
    assertThat(rig.session.view().banner()).isEqualTo(KioskMessages.CARD_UNREADABLE);
  }

  @Test
  void rPart1_setIsLentOnlyWhenAllPartsAreOnThePad() {
    rig.items(KioskRig.item("S-1", "audio", Set.of(), 3));
    rig.session.cardScanned(CARD);

    rig.placeParts("S-1/1", "S-1/3");
    assertThat(outcome("S-1").reasonCode()).contains("PART_MISSING");
    assertThat(rig.outbox()).isEmpty();

    rig.place("S-1");
    assertThat(outcome("S-1").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(rig.outbox()).hasSize(1);
    for (int part = 1; part <= 3; part++) {
      assertThat(afi("S-1", part)).as("part %d", part).isEqualTo(0xC2);
    }
  }

  @Test
  void returnOfALentItemCommitsSecuresAndErasesTheLocalLoan() {
    rig.items(KioskRig.book("B-1"));
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    rig.session.finish();
    rig.clearPad();
    assertThat(rig.store.exportPatron(key).localLoans()).containsExactly("B-1");

    rig.place("B-1");

    ItemOutcome returned = outcome("B-1");
    assertThat(returned.result()).isEqualTo(ItemOutcome.Result.RETURNED);
    assertThat(returned.bin()).isPresent();
    assertThat(afi("B-1", 1)).isEqualTo(0x07);
    assertThat(rig.outbox())
        .extracting(e -> e.transaction().type())
        .containsExactly(TransactionType.CHECKOUT, TransactionType.RETURN);
    OutboxEntry giveBack = rig.outbox().get(1);
    assertThat(giveBack.transaction().patron()).isEmpty();
    assertThat(rig.store.exportPatron(key).localLoans()).isEmpty();
    assertThat(rig.store.find("B-1").orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
  }

  static Stream<Arguments> returnsByStatus() {
    return Stream.of(
        Arguments.of(
            "R-RET-1 own item on loan", ItemStatus.ON_LOAN, "central", ReturnRoute.Bin.SHELF),
        Arguments.of(
            "R-RET-1 item of another branch",
            ItemStatus.ON_LOAN,
            "mitsuhama",
            ReturnRoute.Bin.OTHER_BRANCH),
        Arguments.of(
            "R-RET-4 item flagged lost", ItemStatus.LOST, "central", ReturnRoute.Bin.STAFF),
        Arguments.of(
            "R-RET-4 item flagged missing", ItemStatus.MISSING, "central", ReturnRoute.Bin.STAFF));
  }

  @ParameterizedTest(name = "{0} → {3}")
  @MethodSource("returnsByStatus")
  void returnedItemsAreCheckedInSecuredAndRouted(
      String rule, ItemStatus status, String homeBranch, ReturnRoute.Bin bin) {
    rig.items(
        new ItemRecord(
            "L-1", "Title L-1", "book", homeBranch, status, Set.of(), 1, Optional.empty()));
    assertThat(afi("L-1", 1)).isEqualTo(0xC2);

    rig.place("L-1");

    ItemOutcome returned = outcome("L-1");
    assertThat(returned.result()).isEqualTo(ItemOutcome.Result.RETURNED);
    assertThat(returned.bin()).contains(bin);
    assertThat(afi("L-1", 1)).isEqualTo(0x07);
    assertThat(rig.outbox())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.transaction().type()).isEqualTo(TransactionType.RETURN);
              assertThat(e.transaction().patron()).isEmpty();
            });
  }

  @ParameterizedTest(name = "item {0} is not on loan")
  @org.junit.jupiter.params.provider.EnumSource(
      value = ItemStatus.class,
      names = {"AVAILABLE", "ON_HOLD_SHELF", "IN_TRANSIT", "IN_REPAIR", "WITHDRAWN"})
  void itemsThatNeverLeftAreNotReturned(ItemStatus status) {
    rig.items(
        new ItemRecord(
            "X-1", "Title X-1", "book", "central", status, Set.of(), 1, Optional.empty()));
    rig.place("X-1");

    assertThat(outcome("X-1").reasonCode()).contains("NOT_ON_LOAN");
    assertThat(rig.outbox()).isEmpty();
    assertThat(afi("X-1", 1)).isEqualTo(0x07);
  }

  @Test
  void returnOfAnItemNotOnLoanIsRefusedWithoutTransaction() {
    rig.items(KioskRig.book("B-1"));
    rig.place("B-1");

    ItemOutcome refused = outcome("B-1");
    assertThat(refused.result()).isEqualTo(ItemOutcome.Result.REFUSED);
    assertThat(refused.reasonCode()).contains("NOT_ON_LOAN");
    assertThat(rig.outbox()).isEmpty();
    assertThat(afi("B-1", 1)).isEqualTo(0x07);
  }

  @Test
  void itemsLeftOnThePadWhenTheSessionEndsAreNotReturned() {
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"));
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    rig.session.finish();

    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    rig.place("B-1", "B-2"); // another item joins; the lent one still lies there
    rig.session.tick();

    assertThat(rig.session.view().outcomes())
        .extracting(ItemOutcome::itemId)
        .containsExactly("B-2");
    assertThat(rig.outbox())
        .singleElement()
        .satisfies(e -> assertThat(e.transaction().type()).isEqualTo(TransactionType.CHECKOUT));
    assertThat(afi("B-1", 1)).isEqualTo(0xC2);

    rig.clearPad(); // lifted, and put down again: now it is a return
    rig.place("B-1");
    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.RETURNED);
  }

  @Test
  void idleSessionEndsWithoutReturningItsItems() {
    rig.items(KioskRig.book("B-1"));
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    rig.clock.advance(Duration.ofMinutes(3));
    rig.session.tick();

    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.RETURN);
    rig.place("B-1");
    assertThat(rig.session.view().outcomes()).isEmpty();
    assertThat(rig.outbox()).hasSize(1);
  }

  @Test
  void viewNeverShowsCardNumberOrPatronKey_pScreen1() throws Exception {
    rig.items(KioskRig.book("B-1"), KioskRig.item("R-1", "reference", Set.of(), 1));
    rig.session.cardScanned(CARD);
    rig.place("B-1", "R-1");

    String json = JsonMapping.create().writeValueAsString(rig.session.view());
    assertThat(json).contains("B-1", "NOT_FOR_LOAN");
    assertThat(json.toUpperCase(java.util.Locale.ROOT)).doesNotContain(CARD, "1234567890");
    assertThat(json).doesNotContain(key.value(), key.shortForm());
  }

  @Test
  void sameCardScannedAgainKeepsTheSessionAndItsLoans() {
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"));
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    rig.session.cardScanned(CARD);
    rig.place("B-1", "B-2");

    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(outcome("B-2").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(rig.outbox())
        .extracting(e -> e.transaction().itemId())
        .containsExactly("B-1", "B-2");
  }

  @Test
  void rLimit7_itemsLeftByThePreviousPatronAreNotLentToTheNext() {
    rig.card("A3333333333B", patronWith(p -> p.loans(Map.of("book", 9))));
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"));
    rig.session.cardScanned("A3333333333B");
    rig.place("B-1");
    rig.place("B-1", "B-2");
    assertThat(outcome("B-2").reasonCode()).contains("LIMIT_BOOKS");
    rig.session.finish();

    rig.session.cardScanned(CARD);

    assertThat(rig.session.view().mode()).isEqualTo(SessionView.Mode.CHECKOUT);
    assertThat(rig.session.view().outcomes()).isEmpty();
    assertThat(rig.outbox()).extracting(e -> e.transaction().itemId()).containsExactly("B-1");
    assertThat(rig.store.exportPatron(key).localLoans()).isEmpty();
    assertThat(rig.tag("B-2", 1).afi()).isEqualTo(0x07);

    rig.place("B-1"); // B-2 lifted, then put down again by this patron: now it is decided
    rig.place("B-1", "B-2");
    assertThat(outcome("B-2").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(rig.session.view().outcomes())
        .extracting(ItemOutcome::itemId)
        .containsExactly("B-2");
  }

  @Test
  void cardOfAnotherPatronEndsTheOpenSession() {
    rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"));
    rig.session.cardScanned(CARD);
    rig.place("B-1");
    PatronKey next = rig.card("A7777777777B");

    rig.session.cardScanned("A7777777777B");
    rig.place("B-1", "B-2");

    assertThat(rig.session.view().outcomes())
        .extracting(ItemOutcome::itemId)
        .containsExactly("B-2");
    assertThat(rig.outbox())
        .extracting(e -> e.transaction().patron().orElseThrow())
        .containsExactly(key, next);
  }

  @Test
  void rItem2_itemHeldForAnotherPatronIsRefused() {
    PatronKey other = rig.card("A2222222222B");
    rig.items(held(KioskRig.book("H-1"), other));
    rig.holds(new org.shiori.circulation.domain.HoldRecord("H-1", other, KioskRig.BRANCH));
    rig.session.cardScanned(CARD);
    rig.place("H-1");

    assertThat(outcome("H-1").reasonCode()).contains("HOLD_FOR_OTHER");
    assertThat(rig.outbox()).isEmpty();
    assertThat(rig.store.exportPatron(other).holds()).hasSize(1);
  }

  @Test
  void rHold1_pErase2_itemHeldForThisPatronIsLentAndTheHoldErased() {
    rig.items(held(KioskRig.book("H-1"), key));
    rig.holds(new org.shiori.circulation.domain.HoldRecord("H-1", key, KioskRig.BRANCH));
    assertThat(rig.store.exportPatron(key).holds()).hasSize(1);
    rig.session.cardScanned(CARD);
    rig.place("H-1");

    assertThat(outcome("H-1").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(rig.store.exportPatron(key).holds()).isEmpty();
  }

  private static ItemRecord held(ItemRecord item, PatronKey forPatron) {
    return new ItemRecord(
        item.itemId(),
        item.title(),
        item.material(),
        item.homeBranch(),
        item.status(),
        item.flags(),
        item.parts(),
        Optional.of(forPatron));
  }

  @Test
  void itemNotInTheCatalogGoesToStaff() {
    rig.uncatalogued("U-1");
    rig.session.cardScanned(CARD);
    rig.place("U-1");

    assertThat(outcome("U-1").result()).isEqualTo(ItemOutcome.Result.NEEDS_STAFF);
    assertThat(outcome("U-1").message()).isEqualTo(KioskMessages.ITEM_UNKNOWN);
    assertThat(rig.outbox()).isEmpty();
    assertThat(afi("U-1", 1)).isEqualTo(0x07);
  }

  @Test
  void itemsPlacedBeforeTheCardAreLentOnceItIsScanned() {
    rig.items(KioskRig.book("B-1"));
    rig.place("B-1");
    assertThat(outcome("B-1").reasonCode()).contains("NOT_ON_LOAN");

    rig.session.cardScanned(CARD);

    assertThat(outcome("B-1").result()).isEqualTo(ItemOutcome.Result.LENT);
    assertThat(rig.outbox()).hasSize(1);
  }

  @Test
  void logsNeverHoldTheCardNumberOrThePatronKey_pMin1() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      rig.card("A5555555555B", patronWith(p -> p.staffBlock(true)));
      rig.items(KioskRig.book("B-1"), KioskRig.book("B-2"));
      rig.session.cardScanned("A0000000001B");
      rig.session.cardScanned("A5555555555B");
      rig.place("B-1");
      rig.session.cardScanned(CARD);
      rig.place("B-2");
      rig.session.finish();
      rig.clearPad();
      rig.place("B-2");
    } finally {
      root.detachAppender(logs);
    }
    assertThat(logs.list).isNotEmpty();
    for (var event : logs.list) {
      String line = event.getFormattedMessage();
      assertThat(line).doesNotContain("1234567890", "5555555555", "0000000001");
      assertThat(line).doesNotContain(key.value(), key.shortForm());
    }
  }

  private static PatronSnapshot patronWith(java.util.function.UnaryOperator<PatronBuilder> edit) {
    return edit.apply(new PatronBuilder()).build();
  }

  /** The fields the blocked-patron rows change, on an otherwise ordinary patron. */
  static final class PatronBuilder {
    private LocalDate expiry = LocalDate.parse("2028-03-31");
    private boolean staffBlock;
    private boolean overdue;
    private Map<String, Integer> loans = Map.of();

    PatronBuilder expiry(LocalDate value) {
      expiry = value;
      return this;
    }

    PatronBuilder staffBlock(boolean value) {
      staffBlock = value;
      return this;
    }

    PatronBuilder overdue(boolean value) {
      overdue = value;
      return this;
    }

    PatronBuilder loans(Map<String, Integer> value) {
      loans = value;
      return this;
    }

    PatronSnapshot build() {
      return new PatronSnapshot(
          new PatronKey("0".repeat(64)),
          "individual",
          expiry,
          staffBlock,
          overdue,
          loans,
          0,
          0,
          0,
          Optional.empty(),
          KioskRig.BRANCH);
    }
  }
}
