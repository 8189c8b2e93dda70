package org.shiori.circulation.policy.model;

import java.util.Objects;
import java.util.Set;
import org.shiori.yaml.SourcePosition;

/**
 * A refusal that applies whatever loan rule would lend the item: who may not borrow a material
 * ({@code eligibility}) or what is never lent ({@code notForLoan}). An empty criterion matches
 * anything; every criterion given must match.
 *
 * @param ruleId the regulation rule it encodes
 * @param at where it is written
 * @param categories patron categories refused; empty = all
 * @param materials material types refused; empty = all
 * @param flags item flags the item must all carry; empty = no flag required
 * @param branches branches where it applies; empty = all
 * @param reasonCode the reason code of the refusal
 */
public record Restriction(
    String ruleId,
    SourcePosition at,
    Set<String> categories,
    Set<String> materials,
    Set<String> flags,
    Set<String> branches,
    String reasonCode) {
  public Restriction {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(at, "at");
    categories = Set.copyOf(categories);
    materials = Set.copyOf(materials);
    flags = Set.copyOf(flags);
    branches = Set.copyOf(branches);
    Objects.requireNonNull(reasonCode, "reasonCode");
  }

  /** Whether it can apply to this category and material (flags and branch are checked per loan). */
  public boolean appliesTo(String category, String material) {
    return (categories.isEmpty() || categories.contains(category))
        && (materials.isEmpty() || materials.contains(material));
  }
}
