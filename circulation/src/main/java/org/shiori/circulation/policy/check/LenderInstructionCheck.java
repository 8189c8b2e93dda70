package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * R-ILL-3: the lending library asked for in-library use of this item (set by central on the item,
 * {@code lenderInstructions.inLibraryOnly}); it is never lent, whatever the loan rules say.
 */
final class LenderInstructionCheck implements Check {
  private final Decision refusal;

  LenderInstructionCheck(Map<String, Message> messages) {
    refusal = Refusals.refuse(messages, ReasonCodes.IN_LIBRARY_ONLY, "R-ILL-3");
  }

  @Override
  public Stage stage() {
    return Stage.ITEM_STATE;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-ILL-3");
  }

  @Override
  public Decision decide(Loan loan) {
    return loan.item.lenderInstructions().inLibraryOnly() ? refusal : null;
  }
}
