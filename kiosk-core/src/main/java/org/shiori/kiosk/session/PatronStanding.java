package org.shiori.kiosk.session;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * The patron's standing when the card is read: the rules decide the patron before any item, so a
 * checkout of a plain available book tells whether the patron as such may borrow, and why not.
 */
final class PatronStanding {
  private static final ItemRecord ANY_BOOK =
      new ItemRecord(
          "standing-probe", "", "book", "", ItemStatus.AVAILABLE, Set.of(), 1, Optional.empty());

  /** Refusals about the patron, in neutral words with what to do next (never a block reason). */
  private static final Map<String, Message> NOTICES =
      Map.of(
          ReasonCodes.STAFF_BLOCK, KioskMessages.STANDING_STAFF_BLOCK,
          ReasonCodes.CARD_EXPIRED, KioskMessages.STANDING_EXPIRED,
          ReasonCodes.OVERDUE_BLOCK, KioskMessages.STANDING_OVERDUE,
          ReasonCodes.GROUP_NOT_CONFIRMED, KioskMessages.STANDING_GROUP,
          ReasonCodes.CATEGORY_UNKNOWN, KioskMessages.STANDING_CATEGORY,
          ReasonCodes.PIN_REQUIRED, KioskMessages.PIN_NEEDED);

  private PatronStanding() {}

  /** The patron-level refusal code, if any. */
  static Optional<String> refusal(
      CirculationRules rules,
      PatronSnapshot patron,
      String branch,
      ZonedDateTime now,
      boolean pinVerified) {
    Decision d =
        rules.checkout(
            new CheckoutContext(
                patron,
                new ItemRecord(
                    ANY_BOOK.itemId(),
                    ANY_BOOK.title(),
                    ANY_BOOK.material(),
                    branch,
                    ItemStatus.AVAILABLE,
                    Set.of(),
                    1,
                    Optional.empty()),
                1,
                List.of(),
                branch,
                now,
                pinVerified));
    return d.reasonCode().filter(NOTICES::containsKey);
  }

  static SessionView.PatronNotice notice(String code) {
    return new SessionView.PatronNotice(code, NOTICES.get(code));
  }
}
