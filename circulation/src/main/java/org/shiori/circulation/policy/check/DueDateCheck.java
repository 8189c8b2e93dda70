package org.shiori.circulation.policy.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.LenderInstructions;
import org.shiori.circulation.policy.LoanChannel;
import org.shiori.circulation.policy.calendar.BranchCalendar;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.Period;

/**
 * The last step: lends the item with its due date. The period is the loan rule's ({@code
 * deliveryPeriod} for home delivery, R-LIMIT-6), or the lending library's own period (R-ILL-3); a
 * due date on a closed day of the lending branch moves as the rule says (R-CAL-1). A due date set
 * by the lending library is kept, or moved to the open day before it: never after it.
 */
final class DueDateCheck implements Check {
  private final Map<String, BranchCalendar> calendars;

  DueDateCheck(Map<String, BranchCalendar> calendars) {
    this.calendars = calendars;
  }

  @Override
  public Stage stage() {
    return Stage.DUE_DATE;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-CAL-1", "R-ILL-3", "R-LIMIT-6");
  }

  @Override
  public Decision decide(Loan loan) {
    LoanRule rule = loan.rule.rule;
    LenderInstructions lender = loan.item.lenderInstructions();
    BranchCalendar calendar = calendars.get(loan.branch);
    if (lender.dueDate().isPresent()) {
      LocalDate set = lender.dueDate().get();
      LocalDate due = calendar.previousOpenDay(set);
      return Decision.lend(due.isAfter(loan.today) ? due : set, "R-ILL-3", loan.rule.lent);
    }
    LocalDate due;
    String ruleId = rule.ruleId();
    if (lender.period().isPresent()) {
      due = loan.today.plus(lender.period().get());
      ruleId = "R-ILL-3";
    } else {
      Period period =
          loan.channel == LoanChannel.HOME_DELIVERY
              ? rule.deliveryPeriod().orElse(rule.period().orElseThrow())
              : rule.period().orElseThrow();
      due = period.after(loan.today);
    }
    LocalDate moved =
        switch (rule.onClosedDay()) {
          case NEXT_OPEN -> calendar.nextOpenDay(due);
          case PREVIOUS_OPEN -> calendar.previousOpenDay(due);
          case KEEP -> due;
        };
    return Decision.lend(moved, ruleId, loan.rule.lent);
  }

  @Override
  public String passed(Loan loan) {
    return "lend";
  }
}
