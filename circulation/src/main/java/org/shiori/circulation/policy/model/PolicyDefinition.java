package org.shiori.circulation.policy.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shiori.circulation.domain.Message;

/**
 * Everything a policy file says, validated, before indexes and calendars are built.
 *
 * @param name policy name
 * @param fiscalYearStart first day of the fiscal year (R-GROUP-1, R-ILL-4)
 * @param firstYear first calendar year precomputed
 * @param lastYear last calendar year precomputed
 * @param holidaysAdded single days added to the national holidays
 * @param holidaysRemoved single days removed from the national holidays
 * @param materials material types
 * @param flags item flags, in order of precedence
 * @param categories patron categories by id
 * @param rules loan rules in file order
 * @param illCaps interlibrary-loan caps
 * @param branches service points by id
 * @param messages patron messages by reason code
 * @param blocks which patron blocks apply
 * @param eligibility who may not borrow what, whatever loan rule applies (checked first)
 * @param notForLoan what is never lent, whatever loan rule applies
 */
public record PolicyDefinition(
    String name,
    MonthDay fiscalYearStart,
    int firstYear,
    int lastYear,
    Set<LocalDate> holidaysAdded,
    Set<LocalDate> holidaysRemoved,
    Set<String> materials,
    List<String> flags,
    Map<String, PatronCategory> categories,
    List<LoanRule> rules,
    List<IllCap> illCaps,
    Map<String, BranchDefinition> branches,
    Map<String, Message> messages,
    Blocks blocks,
    List<Restriction> eligibility,
    List<Restriction> notForLoan) {

  /**
   * Which patron states refuse borrowing at a kiosk. A staff block always does (R-BLOCK-2).
   *
   * @param overdue any overdue item refuses borrowing (R-BLOCK-1)
   * @param expiredCard an expired registration refuses borrowing (R-CARD-3)
   */
  public record Blocks(boolean overdue, boolean expiredCard) {
    public static final Blocks ALL = new Blocks(true, true);
  }

  public PolicyDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fiscalYearStart, "fiscalYearStart");
    holidaysAdded = Set.copyOf(holidaysAdded);
    holidaysRemoved = Set.copyOf(holidaysRemoved);
    materials = Set.copyOf(materials);
    flags = List.copyOf(flags);
    categories = Map.copyOf(categories);
    rules = List.copyOf(rules);
    illCaps = List.copyOf(illCaps);
    branches = Map.copyOf(branches);
    messages = Map.copyOf(messages);
    Objects.requireNonNull(blocks, "blocks");
    eligibility = List.copyOf(eligibility);
    notForLoan = List.copyOf(notForLoan);
  }

  /** A definition without eligibility or not-for-loan sections: loan rules decide everything. */
  public PolicyDefinition(
      String name,
      MonthDay fiscalYearStart,
      int firstYear,
      int lastYear,
      Set<LocalDate> holidaysAdded,
      Set<LocalDate> holidaysRemoved,
      Set<String> materials,
      List<String> flags,
      Map<String, PatronCategory> categories,
      List<LoanRule> rules,
      List<IllCap> illCaps,
      Map<String, BranchDefinition> branches,
      Map<String, Message> messages,
      Blocks blocks) {
    this(
        name,
        fiscalYearStart,
        firstYear,
        lastYear,
        holidaysAdded,
        holidaysRemoved,
        materials,
        flags,
        categories,
        rules,
        illCaps,
        branches,
        messages,
        blocks,
        List.of(),
        List.of());
  }
}
