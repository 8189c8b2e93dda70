package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;

/**
 * R-PART-1: a multi-part item is lent only with all parts on the pad, unless its loan rule allows
 * split lending (R-LIMIT-5): {@code split: true} lends the parts present, {@code split: on-request}
 * asks the patron first (大活字本要領 Art. 5(2)) and lends once they asked.
 */
final class PartsCheck implements Check {
  private final Decision partMissing;
  private final Decision askForParts;

  PartsCheck(Map<String, Message> messages) {
    partMissing = Refusals.refuse(messages, ReasonCodes.PART_MISSING, "R-PART-1");
    Message question = messages.get(ReasonCodes.PARTS_ON_REQUEST);
    askForParts = Decision.askPatron(ReasonCodes.PARTS_ON_REQUEST, "R-LIMIT-5", question);
  }

  @Override
  public Stage stage() {
    return Stage.RULE_SELECTION;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-PART-1", "R-LIMIT-5");
  }

  @Override
  public Decision decide(Loan loan) {
    if (loan.item.parts() <= 1 || loan.partsOnPad >= loan.item.parts()) {
      return null;
    }
    return switch (loan.rule.rule.split()) {
      case ALWAYS -> null;
      case ON_REQUEST -> loan.splitRequested ? null : askForParts;
      case NEVER -> partMissing;
    };
  }

  @Override
  public String passed(Loan loan) {
    return loan.item.parts() <= 1
        ? "pass"
        : loan.partsOnPad + " of " + loan.item.parts() + " parts, split " + loan.rule.rule.split();
  }
}
