package org.shiori.circulation.policy.check;

/** The steps of a decision, in the order they run (docs/policy.md, "Order of the checks"). */
public enum Stage {
  /** Who may borrow what: the patron's category, and materials kept for some categories. */
  ELIGIBILITY,
  /** Blocks on the patron: staff block, expired card, PIN, group confirmation, overdue items. */
  PATRON_BLOCKS,
  /** The item itself: its status, holds, not-for-loan kinds, the lending library's instruction. */
  ITEM_STATE,
  /** The loan rule that applies, and whether the parts on the pad may be lent. */
  RULE_SELECTION,
  /** Loan limits and interlibrary-loan caps, counting the session. */
  LIMITS,
  /** The due date on the lending branch's calendar. */
  DUE_DATE
}
