package org.shiori.circulation.policy;

import java.util.List;
import java.util.Optional;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.policy.check.Explanation;

/**
 * The library's circulation rules, applied on the device. Implementations are pure functions of
 * their inputs: the time of day comes in the context, never from the wall clock. Scenario files run
 * against this interface.
 */
public interface CirculationRules {

  /** Decides one item of a checkout, counting the items lent earlier in the same session. */
  Decision checkout(CheckoutContext context);

  /** Decides where a returned item goes. */
  ReturnRoute route(ReturnContext context);

  /** The decision of {@link #checkout} with the checks that decided it. */
  default Explanation explainCheckout(CheckoutContext context) {
    return new Explanation(checkout(context), List.of());
  }

  /** Decides a renewal of an item on loan. */
  default Decision renew(RenewalContext context) {
    throw new UnsupportedOperationException("these rules do not decide renewals");
  }

  /** The decision of {@link #renew} with the checks that decided it. */
  default Explanation explainRenewal(RenewalContext context) {
    return new Explanation(renew(context), List.of());
  }

  /** The refusal of a new hold or purchase request, or empty when it may be placed (R-HOLD-2). */
  default Optional<Decision> holdRequestRefusal(PatronSnapshot patron) {
    return Optional.empty();
  }

  /** Whether the kiosk offers a receipt by default to this patron category (R-GROUP-2). */
  default boolean offersReceiptByDefault(String category) {
    return false;
  }

  /**
   * The most items a category may have on loan at once for a loan-limit refusal {@code
   * LIMIT_<GROUP>} (R-LIMIT-1, -3, -6), so that a screen can say the number in any language; empty
   * for another reason code or a category without that limit.
   */
  default java.util.OptionalInt loanLimit(String category, String reasonCode) {
    return java.util.OptionalInt.empty();
  }
}
