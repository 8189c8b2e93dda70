package org.shiori.circulation.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the circulation rules for one item of a checkout.
 *
 * @param allowed whether the item may be lent
 * @param dueDate the due date when allowed
 * @param reasonCode a stable code when refused ({@code NOT_FOR_LOAN}, {@code LIMIT_BOOKS}, ...)
 * @param ruleId the regulation rule id that decided ({@code R-ITEM-1}, ...), for staff and tests
 * @param message what the patron reads
 */
public record Decision(
    boolean allowed,
    Optional<LocalDate> dueDate,
    Optional<String> reasonCode,
    String ruleId,
    Message message) {
  public Decision {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(message, "message");
    if (allowed != dueDate.isPresent() || allowed == reasonCode.isPresent()) {
      throw new IllegalArgumentException("an allowed decision has a due date and no reason");
    }
  }

  public static Decision lend(LocalDate due, String ruleId, Message message) {
    return new Decision(true, Optional.of(due), Optional.empty(), ruleId, message);
  }

  public static Decision refuse(String reasonCode, String ruleId, Message message) {
    return new Decision(false, Optional.empty(), Optional.of(reasonCode), ruleId, message);
  }
}
