package org.shiori.circulation.policy.check;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * R-GROUP-1 (団体貸出要領 Art. 2): a category with {@code confirmEachFiscalYear} borrows only when staff
 * confirmed the registration in the current fiscal year.
 */
final class GroupConfirmationCheck implements Check {
  private final MonthDay fiscalYearStart;
  private final Decision refusal;

  GroupConfirmationCheck(MonthDay fiscalYearStart, Map<String, Message> messages) {
    this.fiscalYearStart = fiscalYearStart;
    refusal = Refusals.refuse(messages, ReasonCodes.GROUP_NOT_CONFIRMED, "R-GROUP-1");
  }

  @Override
  public Stage stage() {
    return Stage.PATRON_BLOCKS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-GROUP-1");
  }

  @Override
  public Decision decide(Loan loan) {
    if (!loan.category.confirmEachFiscalYear()) {
      return null;
    }
    LocalDate start = fiscalYearStartOf(loan.today);
    boolean confirmed = loan.patron.groupConfirmedOn().map(d -> !d.isBefore(start)).orElse(false);
    return confirmed ? null : refusal;
  }

  private LocalDate fiscalYearStartOf(LocalDate day) {
    LocalDate start = fiscalYearStart.atYear(day.getYear());
    return day.isBefore(start) ? start.minusYears(1) : start;
  }
}
