package org.shiori.circulation.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a device may know about a patron (P-MIN-1): no name, no address, no raw card number.
 *
 * @param key keyed hash of the card number
 * @param category patron category id of the policy ({@code individual}, {@code group}, ...)
 * @param expiry last day the registration is valid (R-CARD-3)
 * @param staffBlock a block set by staff (R-BLOCK-2); never shown with a reason in public
 * @param overdue the patron has at least one overdue item (R-BLOCK-1)
 * @param loansByMaterial items on loan now per material type, all branches (R-LIMIT-7)
 * @param illThisFiscalYear interlibrary-loan items used since April 1 (R-ILL-4)
 * @param illOnLoan interlibrary-loan items on loan now (R-ILL-4, Narita)
 * @param holdsAndRequests open holds plus purchase requests (R-HOLD-2)
 * @param groupConfirmedOn when staff last confirmed a group registration (R-GROUP-1)
 * @param homeBranch the branch where the patron registered
 */
public record PatronSnapshot(
    PatronKey key,
    String category,
    LocalDate expiry,
    boolean staffBlock,
    boolean overdue,
    Map<String, Integer> loansByMaterial,
    int illThisFiscalYear,
    int illOnLoan,
    int holdsAndRequests,
    Optional<LocalDate> groupConfirmedOn,
    String homeBranch) {
  public PatronSnapshot {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(expiry, "expiry");
    loansByMaterial = Map.copyOf(loansByMaterial);
    groupConfirmedOn = Objects.requireNonNull(groupConfirmedOn, "groupConfirmedOn");
    Objects.requireNonNull(homeBranch, "homeBranch");
  }

  public int loansOf(String material) {
    return loansByMaterial.getOrDefault(material, 0);
  }
}
