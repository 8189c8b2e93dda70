package org.shiori.circulation.policy;

import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ReturnRoute;

/**
 * The library's circulation rules, applied on the device. Implementations are pure functions of
 * their inputs: the time of day comes in the context, never from the wall clock.
 */
public interface CirculationRules {

  /** Decides one item of a checkout, counting the items lent earlier in the same session. */
  Decision checkout(CheckoutContext context);

  /** Decides where a returned item goes. */
  ReturnRoute route(ReturnContext context);

  /** Whether the kiosk offers a receipt by default to this patron category (R-GROUP-2). */
  default boolean offersReceiptByDefault(String category) {
    return false;
  }
}
