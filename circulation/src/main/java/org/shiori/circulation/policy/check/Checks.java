package org.shiori.circulation.policy.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.calendar.BranchCalendar;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.PolicyDefinition;

/**
 * The checks of a policy in their documented order (docs/policy.md, "Order of the checks"):
 * eligibility, patron blocks, item state, rule selection, limits, due date. A new refusal is one
 * more {@link Check} added here in its stage.
 */
public final class Checks {
  private Checks() {}

  /** The checks of a checkout. */
  public static CheckChain checkout(
      PolicyDefinition def, RuleIndex index, Map<String, BranchCalendar> calendars) {
    Map<String, Message> messages = def.messages();
    List<Check> checks = new ArrayList<>();
    eligibility(checks, def, index);
    patronBlocks(checks, def);
    checks.add(new ItemStatusCheck(messages));
    checks.add(new HoldCheck(messages, false));
    checks.add(new RestrictionCheck(RestrictionCheck.Kind.NOT_FOR_LOAN, index, def.notForLoan()));
    checks.add(new LenderInstructionCheck(messages));
    checks.add(new LoanRuleCheck(index, messages, ruleIds(def)));
    checks.add(new PartsCheck(messages));
    checks.add(new IllCapCheck(def.illCaps(), messages));
    checks.add(new LoanLimitCheck(index));
    checks.add(new DueDateCheck(calendars));
    return new CheckChain(checks);
  }

  /** The checks of a renewal: no pad, no item status (the item is on loan), no loan limits. */
  public static CheckChain renewal(
      PolicyDefinition def, RuleIndex index, Map<String, BranchCalendar> calendars) {
    Map<String, Message> messages = def.messages();
    List<Check> checks = new ArrayList<>();
    eligibility(checks, def, index);
    patronBlocks(checks, def);
    checks.add(new HoldCheck(messages, true));
    checks.add(new RestrictionCheck(RestrictionCheck.Kind.NOT_FOR_LOAN, index, def.notForLoan()));
    checks.add(new LenderInstructionCheck(messages));
    checks.add(new LoanRuleCheck(index, messages, ruleIds(def)));
    checks.add(new RenewalLimitCheck(messages));
    checks.add(new DueDateCheck(calendars));
    return new CheckChain(checks);
  }

  private static void eligibility(List<Check> checks, PolicyDefinition def, RuleIndex index) {
    checks.add(new CategoryCheck(index, def.messages()));
    checks.add(new RestrictionCheck(RestrictionCheck.Kind.ELIGIBILITY, index, def.eligibility()));
  }

  private static void patronBlocks(List<Check> checks, PolicyDefinition def) {
    Map<String, Message> messages = def.messages();
    checks.add(new StaffBlockCheck(messages));
    if (def.blocks().expiredCard()) {
      checks.add(new ExpiredCardCheck(messages));
    }
    checks.add(new PinCheck(messages));
    checks.add(new GroupConfirmationCheck(def.fiscalYearStart(), messages));
    if (def.blocks().overdue()) {
      checks.add(new OverdueCheck(messages));
    }
  }

  private static List<String> ruleIds(PolicyDefinition def) {
    return def.rules().stream().map(LoanRule::ruleId).distinct().toList();
  }
}
