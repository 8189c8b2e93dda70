package org.shiori.circulation.policy.model;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A cap on interlibrary-loan items (R-ILL-4): items carrying any of {@code flags} count.
 *
 * @param flags item flags that mark the counted ILL items
 * @param perFiscalYear most such items per fiscal year (Matsuyama: 40)
 * @param concurrent most such items on loan at once (Narita: 10)
 * @param ruleId the regulation rule
 */
public record IllCap(
    Set<String> flags, OptionalInt perFiscalYear, OptionalInt concurrent, String ruleId) {
  public IllCap {
    flags = Set.copyOf(flags);
    Objects.requireNonNull(perFiscalYear, "perFiscalYear");
    Objects.requireNonNull(concurrent, "concurrent");
    Objects.requireNonNull(ruleId, "ruleId");
  }

  public boolean counts(Set<String> itemFlags) {
    for (String f : flags) {
      if (itemFlags.contains(f)) {
        return true;
      }
    }
    return false;
  }
}
