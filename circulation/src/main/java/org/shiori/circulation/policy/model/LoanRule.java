package org.shiori.circulation.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.shiori.yaml.SourcePosition;

/**
 * One loan rule of a policy: which items it applies to and what it decides. An empty criterion set
 * matches anything. Among the rules that match an item, the most specific wins (see {@link
 * #compareSpecificity}).
 *
 * @param ruleId the regulation rule it encodes ({@code R-LIMIT-2}, ...)
 * @param at where it is written
 * @param categories patron categories it applies to; empty = all
 * @param materials material types it applies to; empty = all
 * @param flags item flags the item must all carry; empty = no flag required
 * @param branches lending branches it applies to; empty = all
 * @param refusal when present the matching item is not lent, with this reason code
 * @param period loan period when lent
 * @param onClosedDay due-date strategy on a closed day
 * @param renewals how many renewals are allowed
 * @param split whether a multi-part item may be lent with parts missing (R-PART-1, R-LIMIT-5)
 * @param deliveryPeriod loan period for home delivery by staff (R-LIMIT-6); empty = the period
 */
public record LoanRule(
    String ruleId,
    SourcePosition at,
    Set<String> categories,
    Set<String> materials,
    Set<String> flags,
    Set<String> branches,
    Optional<String> refusal,
    Optional<Period> period,
    ClosedDayStrategy onClosedDay,
    int renewals,
    SplitLending split,
    Optional<Period> deliveryPeriod) {

  public LoanRule {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(at, "at");
    categories = Set.copyOf(categories);
    materials = Set.copyOf(materials);
    flags = Set.copyOf(flags);
    branches = Set.copyOf(branches);
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(onClosedDay, "onClosedDay");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(deliveryPeriod, "deliveryPeriod");
    if (refusal.isEmpty() && period.isEmpty()) {
      throw new IllegalArgumentException("a lending rule needs a period");
    }
  }

  /** A rule as written before split-on-request and home delivery existed. */
  public LoanRule(
      String ruleId,
      SourcePosition at,
      Set<String> categories,
      Set<String> materials,
      Set<String> flags,
      Set<String> branches,
      Optional<String> refusal,
      Optional<Period> period,
      ClosedDayStrategy onClosedDay,
      int renewals,
      boolean splitLending) {
    this(
        ruleId,
        at,
        categories,
        materials,
        flags,
        branches,
        refusal,
        period,
        onClosedDay,
        renewals,
        splitLending ? SplitLending.ALWAYS : SplitLending.NEVER,
        Optional.empty());
  }

  /** Whether any parts on the pad are lent without asking. */
  public boolean splitLending() {
    return split == SplitLending.ALWAYS;
  }

  public boolean lends() {
    return refusal.isEmpty();
  }

  public boolean appliesTo(String category, String material, String branch) {
    return (categories.isEmpty() || categories.contains(category))
        && (materials.isEmpty() || materials.contains(material))
        && (branches.isEmpty() || branches.contains(branch));
  }

  /**
   * Compares how specific two rules are; positive when {@code a} is more specific. Criteria in
   * order of weight: more required flags; for the same number of flags, the flag declared first in
   * the policy's {@code flags} list; a branch criterion; a material criterion; a category
   * criterion. Zero means equally specific.
   */
  public static int compareSpecificity(LoanRule a, LoanRule b, List<String> flagOrder) {
    int c = Integer.compare(a.flags.size(), b.flags.size());
    if (c != 0) {
      return c;
    }
    c = Long.compare(flagRank(b, flagOrder), flagRank(a, flagOrder));
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(!a.branches.isEmpty(), !b.branches.isEmpty());
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(!a.materials.isEmpty(), !b.materials.isEmpty());
    if (c != 0) {
      return c;
    }
    return Boolean.compare(!a.categories.isEmpty(), !b.categories.isEmpty());
  }

  /** A number that orders flag sets by the declaration order of their flags (lower = first). */
  private static long flagRank(LoanRule rule, List<String> flagOrder) {
    long rank = 0;
    for (int i = 0; i < flagOrder.size(); i++) {
      rank = rank * 2 + (rule.flags.contains(flagOrder.get(i)) ? 0 : 1);
    }
    return rank;
  }

  /** Whether some item, patron and branch could be matched by both rules. */
  public boolean overlaps(LoanRule other) {
    return flags.equals(other.flags)
        && intersects(categories, other.categories)
        && intersects(materials, other.materials)
        && intersects(branches, other.branches);
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
  }
}
