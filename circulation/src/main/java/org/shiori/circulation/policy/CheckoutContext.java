package org.shiori.circulation.policy;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;

/**
 * Everything the rules need to decide one item of a checkout.
 *
 * @param patron the borrower
 * @param item the item to decide
 * @param partsOnPad how many distinct parts of the item are on the pad (R-PART-1)
 * @param lentThisSession items already lent earlier in this session, in order (R-LIMIT-7)
 * @param branch the service point of the kiosk
 * @param now the moment of the decision, in the branch's zone
 * @param pinVerified the patron entered the right PIN in this session (R-CARD-2)
 * @param channel how the item reaches the patron; kiosks always use {@link LoanChannel#KIOSK}
 * @param splitRequested the patron asked for the parts on the pad of a set whose rule lends parts
 *     on request (R-LIMIT-5, {@code split: on-request})
 */
public record CheckoutContext(
    PatronSnapshot patron,
    ItemRecord item,
    int partsOnPad,
    List<ItemRecord> lentThisSession,
    String branch,
    ZonedDateTime now,
    boolean pinVerified,
    LoanChannel channel,
    boolean splitRequested) {
  public CheckoutContext {
    Objects.requireNonNull(patron, "patron");
    Objects.requireNonNull(item, "item");
    lentThisSession = List.copyOf(lentThisSession);
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(channel, "channel");
  }

  /** A kiosk checkout; no split requested. */
  public CheckoutContext(
      PatronSnapshot patron,
      ItemRecord item,
      int partsOnPad,
      List<ItemRecord> lentThisSession,
      String branch,
      ZonedDateTime now,
      boolean pinVerified) {
    this(
        patron,
        item,
        partsOnPad,
        lentThisSession,
        branch,
        now,
        pinVerified,
        LoanChannel.KIOSK,
        false);
  }

  /** The same checkout after the patron asked for the parts on the pad (R-LIMIT-5). */
  public CheckoutContext withSplitRequested() {
    return new CheckoutContext(
        patron, item, partsOnPad, lentThisSession, branch, now, pinVerified, channel, true);
  }

  /** The same checkout through another channel. */
  public CheckoutContext withChannel(LoanChannel newChannel) {
    return new CheckoutContext(
        patron,
        item,
        partsOnPad,
        lentThisSession,
        branch,
        now,
        pinVerified,
        newChannel,
        splitRequested);
  }

  /** A context without a PIN entered: categories that require one are refused (R-CARD-2). */
  public CheckoutContext(
      PatronSnapshot patron,
      ItemRecord item,
      int partsOnPad,
      List<ItemRecord> lentThisSession,
      String branch,
      ZonedDateTime now) {
    this(patron, item, partsOnPad, lentThisSession, branch, now, false);
  }
}
