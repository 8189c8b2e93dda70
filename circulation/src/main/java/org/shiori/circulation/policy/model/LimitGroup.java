package org.shiori.circulation.policy.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A loan limit: at most {@code max} items of these material types on loan at once (R-LIMIT-1,
 * R-LIMIT-3, R-LIMIT-6). A multi-part set is one item (R-LIMIT-5).
 *
 * @param id the group id; the refusal reason is {@code LIMIT_<ID>}
 * @param materials material types counted
 * @param max most items on loan at once
 * @param ruleId the regulation rule
 */
public record LimitGroup(String id, Set<String> materials, int max, String ruleId) {
  public LimitGroup {
    Objects.requireNonNull(id, "id");
    materials = Set.copyOf(materials);
    Objects.requireNonNull(ruleId, "ruleId");
    if (max < 0) {
      throw new IllegalArgumentException("a limit is at least 0, was " + max);
    }
  }

  public String reasonCode() {
    return "LIMIT_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
