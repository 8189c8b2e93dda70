package org.shiori.circulation.policy;

import java.util.List;

/**
 * Stable reason codes of refusals and the keys of the other patron messages. Each has a Japanese
 * and an English text in {@code policies/messages.yaml}, which a policy may replace.
 */
public final class ReasonCodes {
  /** Not lent: reference, local history, newspapers, NDL interlibrary loans (R-ITEM-1, R-ILL-1). */
  public static final String NOT_FOR_LOAN = "NOT_FOR_LOAN";

  /** Generic message of the loan limits {@code LIMIT_<GROUP>} (R-LIMIT-1, -3, -6, -7). */
  public static final String LIMIT = "LIMIT";

  public static final String OVERDUE_BLOCK = "OVERDUE_BLOCK";
  public static final String STAFF_BLOCK = "STAFF_BLOCK";
  public static final String CARD_EXPIRED = "CARD_EXPIRED";
  public static final String PIN_REQUIRED = "PIN_REQUIRED";
  public static final String GROUP_NOT_CONFIRMED = "GROUP_NOT_CONFIRMED";
  public static final String HOLD_FOR_OTHER = "HOLD_FOR_OTHER";
  public static final String PART_MISSING = "PART_MISSING";
  public static final String ITEM_UNAVAILABLE = "ITEM_UNAVAILABLE";
  public static final String ILL_LIMIT = "ILL_LIMIT";
  public static final String IN_LIBRARY_ONLY = "IN_LIBRARY_ONLY";

  /** The patron's category may not borrow this material (R-LIMIT-6, R-LIMIT-3). */
  public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

  /**
   * Not a refusal but a question ({@code Decision.Outcome.ASK_PATRON}): lend only the parts of the
   * set on the pad? (R-LIMIT-5, {@code split: on-request}).
   */
  public static final String PARTS_ON_REQUEST = "PARTS_ON_REQUEST";

  /** The patron's category is not in the policy: a data problem for staff. */
  public static final String CATEGORY_UNKNOWN = "CATEGORY_UNKNOWN";

  /** No loan rule matches the item: a data problem for staff. */
  public static final String NO_LOAN_RULE = "NO_LOAN_RULE";

  /** No renewal left, or none allowed for the item (R-ILL-2). */
  public static final String RENEWAL_LIMIT = "RENEWAL_LIMIT";

  /** Holds and purchase requests at the limit (R-HOLD-2). */
  public static final String HOLD_LIMIT = "HOLD_LIMIT";

  /** Message of a lent item. */
  public static final String LENT = "LENT";

  /** Messages of the return bins. */
  public static final String RETURN_SHELF = "RETURN_SHELF";

  public static final String RETURN_HOLD_SHELF = "RETURN_HOLD_SHELF";
  public static final String RETURN_OTHER_BRANCH = "RETURN_OTHER_BRANCH";
  public static final String RETURN_STAFF = "RETURN_STAFF";

  /** An interlibrary-loan item goes back to the library that lent it. */
  public static final String RETURN_LENDING_LIBRARY = "RETURN_LENDING_LIBRARY";

  /** Every code the engine itself produces; a policy must have a message for each. */
  public static final List<String> ALL =
      List.of(
          NOT_FOR_LOAN,
          OVERDUE_BLOCK,
          STAFF_BLOCK,
          CARD_EXPIRED,
          PIN_REQUIRED,
          GROUP_NOT_CONFIRMED,
          HOLD_FOR_OTHER,
          PART_MISSING,
          ITEM_UNAVAILABLE,
          ILL_LIMIT,
          IN_LIBRARY_ONLY,
          NOT_ELIGIBLE,
          PARTS_ON_REQUEST,
          CATEGORY_UNKNOWN,
          NO_LOAN_RULE,
          RENEWAL_LIMIT,
          HOLD_LIMIT,
          LENT,
          RETURN_SHELF,
          RETURN_HOLD_SHELF,
          RETURN_OTHER_BRANCH,
          RETURN_STAFF,
          RETURN_LENDING_LIBRARY);

  private ReasonCodes() {}
}
