package org.shiori.circulation.policy.model;

/** Whether a multi-part item may be lent with parts missing from the pad (R-PART-1, R-LIMIT-5). */
public enum SplitLending {
  /** All parts must be on the pad (R-PART-1). */
  NEVER,
  /** Any parts on the pad are lent. */
  ALWAYS,
  /**
   * The parts on the pad are lent when the patron asks for them (大活字本要領 Art. 5(2)): the kiosk asks,
   * and decides again with the answer.
   */
  ON_REQUEST
}
