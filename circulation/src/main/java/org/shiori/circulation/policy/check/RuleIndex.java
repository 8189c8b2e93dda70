package org.shiori.circulation.policy.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;
import org.shiori.circulation.policy.model.LimitGroup;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.PatronCategory;
import org.shiori.circulation.policy.model.PolicyDefinition;
import org.shiori.circulation.policy.model.Restriction;

/**
 * The loan rules and limits of a policy, indexed by patron category and material type once at load
 * time, with the refusal decisions built in advance: the hot path of a checkout does array reads
 * and a few set lookups and allocates only the decision of a lent item.
 */
public final class RuleIndex {

  /** A loan rule with what it answers, prepared once. */
  public static final class RuleEntry {
    public final LoanRule rule;
    final String[] flags;
    public final Decision refusal;
    final Message lent;

    RuleEntry(LoanRule rule, Decision refusal, Message lent) {
      this.rule = rule;
      this.flags = rule.flags().toArray(String[]::new);
      this.refusal = refusal;
      this.lent = lent;
    }
  }

  /** A restriction with its refusal, prepared once. */
  static final class RestrictionEntry {
    final Restriction restriction;
    final String[] flags;
    final Decision refusal;

    RestrictionEntry(Restriction restriction, Decision refusal) {
      this.restriction = restriction;
      this.flags = restriction.flags().toArray(String[]::new);
      this.refusal = refusal;
    }

    boolean matches(java.util.Set<String> itemFlags, String branch) {
      return hasAll(itemFlags, flags)
          && (restriction.branches().isEmpty() || restriction.branches().contains(branch));
    }
  }

  /** A limit group with its refusal, prepared once. */
  static final class LimitEntry {
    final LimitGroup group;
    final Set<String> materials;
    final String[] materialList;
    final Decision refusal;

    LimitEntry(LimitGroup group, Decision refusal) {
      this.group = group;
      this.materials = group.materials();
      this.materialList = materials.toArray(String[]::new);
      this.refusal = refusal;
    }
  }

  private static final RuleEntry[] NO_RULES = {};
  private static final LimitEntry[] NO_LIMITS = {};
  private static final RestrictionEntry[] NO_RESTRICTIONS = {};

  private final Map<String, Integer> categoryIndex = new HashMap<>();
  private final Map<String, Integer> materialIndex = new HashMap<>();
  private final Map<String, Integer> branchIndex = new HashMap<>();
  private final PatronCategory[] categories;

  /** [branch][category][material] → rules that can apply, most specific first. */
  private final RuleEntry[][][][] candidates;

  /** [category][material] → limit groups that count the material. */
  private final LimitEntry[][][] limits;

  /** [category][material] → eligibility restrictions that can apply. */
  private final RestrictionEntry[][][] eligibility;

  /** [category][material] → not-for-loan restrictions that can apply. */
  private final RestrictionEntry[][][] notForLoan;

  public RuleIndex(PolicyDefinition def, Map<String, Message> messages) {
    List<String> categoryIds = new ArrayList<>(def.categories().keySet());
    List<String> materialIds = new ArrayList<>(def.materials());
    List<String> branchIds = new ArrayList<>(def.branches().keySet());
    for (int b = 0; b < branchIds.size(); b++) {
      branchIndex.put(branchIds.get(b), b);
    }
    categories = new PatronCategory[categoryIds.size()];
    candidates = new RuleEntry[branchIds.size()][categoryIds.size()][materialIds.size()][];
    limits = new LimitEntry[categoryIds.size()][materialIds.size()][];
    eligibility = new RestrictionEntry[categoryIds.size()][materialIds.size()][];
    notForLoan = new RestrictionEntry[categoryIds.size()][materialIds.size()][];
    List<RestrictionEntry> eligibilityEntries = restrictionEntries(def.eligibility(), messages);
    List<RestrictionEntry> notForLoanEntries = restrictionEntries(def.notForLoan(), messages);
    for (int m = 0; m < materialIds.size(); m++) {
      materialIndex.put(materialIds.get(m), m);
    }
    Map<LoanRule, RuleEntry> ruleEntries = new IdentityHashMap<>();
    Message lent = messages.get(ReasonCodes.LENT);
    for (LoanRule rule : def.rules()) {
      Decision refusal =
          rule.refusal()
              .map(code -> Decision.refuse(code, rule.ruleId(), messages.get(code)))
              .orElse(null);
      ruleEntries.put(rule, new RuleEntry(rule, refusal, lent));
    }
    Comparator<LoanRule> mostSpecificFirst =
        (a, b) -> LoanRule.compareSpecificity(b, a, def.flags());
    for (int c = 0; c < categoryIds.size(); c++) {
      String category = categoryIds.get(c);
      categoryIndex.put(category, c);
      categories[c] = def.categories().get(category);
      List<LimitEntry> categoryLimits = new ArrayList<>();
      for (LimitGroup g : categories[c].limits()) {
        categoryLimits.add(new LimitEntry(g, limitRefusal(g, messages)));
      }
      for (int m = 0; m < materialIds.size(); m++) {
        String material = materialIds.get(m);
        for (int b = 0; b < branchIds.size(); b++) {
          String branch = branchIds.get(b);
          candidates[b][c][m] =
              def.rules().stream()
                  .filter(r -> r.appliesTo(category, material, branch))
                  .sorted(mostSpecificFirst)
                  .map(ruleEntries::get)
                  .toArray(RuleEntry[]::new);
        }
        eligibility[c][m] = applicable(eligibilityEntries, category, material);
        notForLoan[c][m] = applicable(notForLoanEntries, category, material);
        limits[c][m] =
            categoryLimits.stream()
                .filter(g -> g.materials.contains(material))
                .toArray(LimitEntry[]::new);
      }
    }
  }

  private static List<RestrictionEntry> restrictionEntries(
      List<Restriction> restrictions, Map<String, Message> messages) {
    List<RestrictionEntry> result = new ArrayList<>();
    for (Restriction r : restrictions) {
      result.add(
          new RestrictionEntry(
              r, Decision.refuse(r.reasonCode(), r.ruleId(), messages.get(r.reasonCode()))));
    }
    return result;
  }

  private static RestrictionEntry[] applicable(
      List<RestrictionEntry> entries, String category, String material) {
    return entries.stream()
        .filter(e -> e.restriction.appliesTo(category, material))
        .toArray(RestrictionEntry[]::new);
  }

  RestrictionEntry[] eligibility(int category, int material) {
    return material < 0 ? NO_RESTRICTIONS : eligibility[category][material];
  }

  RestrictionEntry[] notForLoan(int category, int material) {
    return material < 0 ? NO_RESTRICTIONS : notForLoan[category][material];
  }

  private static Decision limitRefusal(LimitGroup g, Map<String, Message> messages) {
    Message template = messages.getOrDefault(g.reasonCode(), messages.get(ReasonCodes.LIMIT));
    String max = Integer.toString(g.max());
    Message text =
        new Message(template.ja().replace("{max}", max), template.en().replace("{max}", max));
    return Decision.refuse(g.reasonCode(), g.ruleId(), text);
  }

  /** Index of a category, or -1 when the policy does not define it. */
  public int category(String id) {
    Integer i = categoryIndex.get(id);
    return i == null ? -1 : i;
  }

  /** Index of a material, or -1 when the policy does not define it. */
  public int material(String id) {
    Integer i = materialIndex.get(id);
    return i == null ? -1 : i;
  }

  public PatronCategory categoryAt(int index) {
    return categories[index];
  }

  /** Index of a branch, or -1 when the policy does not define it. */
  public int branch(String id) {
    Integer i = branchIndex.get(id);
    return i == null ? -1 : i;
  }

  /** The most specific rule for the loan, or null when none applies. */
  public RuleEntry rule(int branch, int category, int material, Set<String> itemFlags) {
    RuleEntry[] rules = material < 0 ? NO_RULES : candidates[branch][category][material];
    for (RuleEntry entry : rules) {
      if (hasAll(itemFlags, entry.flags)) {
        return entry;
      }
    }
    return null;
  }

  static boolean hasAll(Set<String> itemFlags, String[] required) {
    for (String f : required) {
      if (!itemFlags.contains(f)) {
        return false;
      }
    }
    return true;
  }

  LimitEntry[] limits(int category, int material) {
    return material < 0 ? NO_LIMITS : limits[category][material];
  }
}
