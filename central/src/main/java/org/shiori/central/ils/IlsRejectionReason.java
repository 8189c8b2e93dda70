package org.shiori.central.ils;

/** Why the ILS said no. The ILS's own screen message travels beside it for staff. */
public enum IlsRejectionReason {
  /** The ILS does not know the card number. */
  PATRON_NOT_FOUND,
  /** The patron PIN was wrong. */
  INVALID_PIN,
  /** The patron may not borrow or renew now (fines, lost card, expired, too many items...). */
  PATRON_BLOCKED,
  /** The ILS does not know the item. */
  ITEM_NOT_FOUND,
  /** Check-in or renewal of an item that is not on loan. */
  NOT_CHECKED_OUT,
  /** Checkout of an item that is on loan to someone already. */
  ALREADY_ON_LOAN,
  /** The ILS refused for a reason it did not tell (holds, renewal limit, policy...). */
  ILS_REFUSED,
  /**
   * The ILS answered but said it is off line or does not allow this kind of transaction now. An ILS
   * that does not answer at all is an {@link IlsUnavailableException}, not this.
   */
  ILS_UNAVAILABLE
}
