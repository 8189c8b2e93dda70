package org.shiori.circulation.policy;

/** How an item reaches the patron; the loan period can differ by channel (R-LIMIT-6). */
public enum LoanChannel {
  /** At a kiosk or the counter: the loan rule's period. */
  KIOSK,
  /**
   * Delivered to the patron's home by staff (障がい者等サービス要領: 4 weeks for braille and DAISY): the loan
   * rule's {@code deliveryPeriod}. Staff channels only; a kiosk never lends this way.
   */
  HOME_DELIVERY
}
