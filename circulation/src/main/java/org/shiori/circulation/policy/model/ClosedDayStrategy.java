package org.shiori.circulation.policy.model;

/** What happens to a due date that falls on a closed day of the lending branch. */
public enum ClosedDayStrategy {
  /** The next open day (R-CAL-1); the default. */
  NEXT_OPEN,
  /** The previous open day. */
  PREVIOUS_OPEN,
  /** The due date stays on the closed day (a book drop takes the return). */
  KEEP
}
