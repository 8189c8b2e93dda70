package org.shiori.device.rules;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.policy.RenewalContext;
import org.shiori.circulation.policy.ReturnContext;
import org.shiori.circulation.policy.check.Explanation;

/**
 * The circulation rules as currently in use: every decision is taken with the policy and calendar
 * of that moment, and a checked update from central is swapped in whole, atomically, for the next
 * decision ({@link RulesUpdates}). A decision never sees half of an update.
 */
public final class LiveRules implements CirculationRules {
  private final AtomicReference<RulesInUse> current;

  public LiveRules(RulesInUse initial) {
    this.current = new AtomicReference<>(initial);
  }

  /** What decisions are taken with now. */
  public RulesInUse inUse() {
    return current.get();
  }

  /**
   * Puts {@code next} into use if the rules are still {@code expected}.
   *
   * @return false if another update came in between (nothing changed)
   */
  boolean replace(RulesInUse expected, RulesInUse next) {
    return current.compareAndSet(expected, next);
  }

  @Override
  public Decision checkout(CheckoutContext context) {
    return current.get().policy().checkout(context);
  }

  @Override
  public ReturnRoute route(ReturnContext context) {
    return current.get().policy().route(context);
  }

  @Override
  public Explanation explainCheckout(CheckoutContext context) {
    return current.get().policy().explainCheckout(context);
  }

  @Override
  public Decision renew(RenewalContext context) {
    return current.get().policy().renew(context);
  }

  @Override
  public Explanation explainRenewal(RenewalContext context) {
    return current.get().policy().explainRenewal(context);
  }

  @Override
  public Optional<Decision> holdRequestRefusal(PatronSnapshot patron) {
    return current.get().policy().holdRequestRefusal(patron);
  }

  @Override
  public boolean offersReceiptByDefault(String category) {
    return current.get().policy().offersReceiptByDefault(category);
  }

  @Override
  public java.util.OptionalInt loanLimit(String category, String reasonCode) {
    return current.get().policy().loanLimit(category, reasonCode);
  }
}
