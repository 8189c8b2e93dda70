package org.shiori.circulation.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An item of the collection as cached on the device. It never names a patron other than the one a
 * hold is for; the lending branch of a loan is a property of the item's circulation, not of the
 * borrower.
 *
 * @param itemId primary item identifier, as on the tag (ISO 28560 primary item id)
 * @param title title shown to the patron who holds the item (P-NOTICE-1)
 * @param material material type id of the policy ({@code book}, {@code video}, ...)
 * @param homeBranch service point that owns the item (R-RET-1)
 * @param status circulation status
 * @param flags policy flags such as {@code reference}, {@code ill-ndl}, {@code ill-other}
 * @param parts number of parts (tags) of a multi-part item, 1 for ordinary items (R-PART-1)
 * @param holdFor the patron the item is held for, if any (R-ITEM-2, R-HOLD-1)
 * @param lendingLibrary for an interlibrary-loan item, the library it was borrowed from; a return
 *     sends it back there (ILL rules Art. 2, 8(2), 10)
 * @param lendingBranch the branch that lent the item when its return must go back there, as for
 *     group loans (R-GROUP-3, 団体貸出要領 Art. 10); empty for ordinary loans
 * @param lenderInstructions the lending library's instructions for the item (R-ILL-3)
 */
public record ItemRecord(
    String itemId,
    String title,
    String material,
    String homeBranch,
    ItemStatus status,
    Set<String> flags,
    int parts,
    Optional<PatronKey> holdFor,
    Optional<String> lendingLibrary,
    Optional<String> lendingBranch,
    LenderInstructions lenderInstructions) {
  public ItemRecord {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(material, "material");
    Objects.requireNonNull(homeBranch, "homeBranch");
    Objects.requireNonNull(status, "status");
    flags = Set.copyOf(flags);
    holdFor = Objects.requireNonNull(holdFor, "holdFor");
    Objects.requireNonNull(lendingLibrary, "lendingLibrary");
    Objects.requireNonNull(lendingBranch, "lendingBranch");
    Objects.requireNonNull(lenderInstructions, "lenderInstructions");
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1, was " + parts);
    }
  }

  /** An item of the library's own collection, lent from its home branch, with no instruction. */
  public ItemRecord(
      String itemId,
      String title,
      String material,
      String homeBranch,
      ItemStatus status,
      Set<String> flags,
      int parts,
      Optional<PatronKey> holdFor) {
    this(
        itemId,
        title,
        material,
        homeBranch,
        status,
        flags,
        parts,
        holdFor,
        Optional.empty(),
        Optional.empty(),
        LenderInstructions.NONE);
  }

  public boolean hasFlag(String flag) {
    return flags.contains(flag);
  }

  public ItemRecord withStatus(ItemStatus newStatus) {
    return new ItemRecord(
        itemId,
        title,
        material,
        homeBranch,
        newStatus,
        flags,
        parts,
        holdFor,
        lendingLibrary,
        lendingBranch,
        lenderInstructions);
  }

  /** This item borrowed from another library, which it goes back to on return. */
  public ItemRecord withLendingLibrary(String library, LenderInstructions instructions) {
    return new ItemRecord(
        itemId,
        title,
        material,
        homeBranch,
        status,
        flags,
        parts,
        holdFor,
        Optional.of(library),
        lendingBranch,
        instructions);
  }

  /** This item on a loan whose return goes back to {@code branch} (R-GROUP-3). */
  public ItemRecord withLendingBranch(String branch) {
    return new ItemRecord(
        itemId,
        title,
        material,
        homeBranch,
        status,
        flags,
        parts,
        holdFor,
        lendingLibrary,
        Optional.of(branch),
        lenderInstructions);
  }
}
