package org.shiori.circulation.policy.check;

import java.time.LocalDate;
import java.util.List;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.LoanChannel;
import org.shiori.circulation.policy.RenewalContext;
import org.shiori.circulation.policy.model.PatronCategory;

/**
 * One checkout or renewal being decided: the inputs and what earlier checks found (the category,
 * the material, the loan rule). Made per decision and never shared between threads.
 */
public final class Loan {
  final PatronSnapshot patron;
  final ItemRecord item;
  final String branch;
  final LocalDate today;
  final boolean pinVerified;
  final int partsOnPad;
  final List<ItemRecord> lentThisSession;
  final LoanChannel channel;
  final boolean splitRequested;
  final int renewalsSoFar;

  int categoryIndex = -1;
  PatronCategory category;
  int materialIndex = -1;
  final int branchIndex;
  RuleIndex.RuleEntry rule;

  private Loan(
      PatronSnapshot patron,
      ItemRecord item,
      String branch,
      LocalDate today,
      boolean pinVerified,
      int partsOnPad,
      List<ItemRecord> lentThisSession,
      LoanChannel channel,
      boolean splitRequested,
      int renewalsSoFar,
      int branchIndex) {
    this.branchIndex = branchIndex;
    this.patron = patron;
    this.item = item;
    this.branch = branch;
    this.today = today;
    this.pinVerified = pinVerified;
    this.partsOnPad = partsOnPad;
    this.lentThisSession = lentThisSession;
    this.channel = channel;
    this.splitRequested = splitRequested;
    this.renewalsSoFar = renewalsSoFar;
  }

  /** A checkout on {@code today} (the day in the library's zone) at a branch of the index. */
  public static Loan of(CheckoutContext c, LocalDate today, int branchIndex) {
    return new Loan(
        c.patron(),
        c.item(),
        c.branch(),
        today,
        c.pinVerified(),
        c.partsOnPad(),
        c.lentThisSession(),
        c.channel(),
        c.splitRequested(),
        0,
        branchIndex);
  }

  /** A renewal on {@code today}: the item is on the patron's loan, so no pad and no session. */
  public static Loan of(RenewalContext c, LocalDate today, int branchIndex) {
    return new Loan(
        c.patron(),
        c.item(),
        c.branch(),
        today,
        c.pinVerified(),
        c.item().parts(),
        List.of(),
        LoanChannel.KIOSK,
        false,
        c.renewalsSoFar(),
        branchIndex);
  }
}
