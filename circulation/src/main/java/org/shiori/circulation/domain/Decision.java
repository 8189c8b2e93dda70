package org.shiori.circulation.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the circulation rules for one item of a checkout.
 *
 * @param allowed whether the item may be lent
 * @param dueDate the due date when allowed
 * @param reasonCode a stable code when not lent ({@code NOT_FOR_LOAN}, {@code LIMIT_BOOKS}, ...)
 * @param ruleId the regulation rule id that decided ({@code R-ITEM-1}, ...), for staff and tests
 * @param message what the patron reads; for {@link Outcome#ASK_PATRON} the question to ask
 * @param outcome lent, refused, or a question for the patron before the item can be lent
 */
public record Decision(
    boolean allowed,
    Optional<LocalDate> dueDate,
    Optional<String> reasonCode,
    String ruleId,
    Message message,
    Outcome outcome) {

  /** What the kiosk does with the item. */
  public enum Outcome {
    /** Lend it, due on {@link #dueDate}. */
    LEND,
    /** Do not lend it; show {@link #message}. */
    REFUSE,
    /**
     * Ask the patron {@link #message} (a yes/no question); on yes decide again with the answer in
     * the context (for {@code PARTS_ON_REQUEST}: {@code CheckoutContext.withSplitRequested()}), on
     * no the item is not lent.
     */
    ASK_PATRON
  }

  public Decision {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(outcome, "outcome");
    if (allowed != dueDate.isPresent() || allowed == reasonCode.isPresent()) {
      throw new IllegalArgumentException("an allowed decision has a due date and no reason");
    }
    if (allowed != (outcome == Outcome.LEND)) {
      throw new IllegalArgumentException("only a lend outcome is allowed");
    }
  }

  /** A lent or refused decision. */
  public Decision(
      boolean allowed,
      Optional<LocalDate> dueDate,
      Optional<String> reasonCode,
      String ruleId,
      Message message) {
    this(allowed, dueDate, reasonCode, ruleId, message, allowed ? Outcome.LEND : Outcome.REFUSE);
  }

  public static Decision lend(LocalDate due, String ruleId, Message message) {
    return new Decision(true, Optional.of(due), Optional.empty(), ruleId, message, Outcome.LEND);
  }

  public static Decision refuse(String reasonCode, String ruleId, Message message) {
    return new Decision(
        false, Optional.empty(), Optional.of(reasonCode), ruleId, message, Outcome.REFUSE);
  }

  /** Not lent until the patron answers the question in {@code message}. */
  public static Decision askPatron(String reasonCode, String ruleId, Message question) {
    return new Decision(
        false, Optional.empty(), Optional.of(reasonCode), ruleId, question, Outcome.ASK_PATRON);
  }

  /** Whether the kiosk must ask the patron before the item can be lent. */
  public boolean asksPatron() {
    return outcome == Outcome.ASK_PATRON;
  }
}
