package org.shiori.kiosk.session;

import org.shiori.circulation.domain.Message;
import org.shiori.kiosk.text.PatronTexts;

/**
 * The kiosk's own patron-facing texts. The wording lives in the language files ({@code
 * messages/patron_*.properties}); the screen shows them by key, one language at a time.
 */
final class KioskMessages {
  private KioskMessages() {}

  static final Message WELCOME = PatronTexts.shipped().message("kiosk.welcome");
  static final Message CARD_ACCEPTED = PatronTexts.shipped().message("kiosk.cardAccepted");
  static final Message CARD_UNKNOWN = PatronTexts.shipped().message("kiosk.cardUnknown");
  static final Message CARD_UNREADABLE = PatronTexts.shipped().message("kiosk.cardUnreadable");
  static final Message ITEM_UNKNOWN = PatronTexts.shipped().message("kiosk.itemUnknown");
  static final Message OUTBOX_FULL = PatronTexts.shipped().message("kiosk.outboxFull");
  static final Message SECURITY_FAILED = PatronTexts.shipped().message("kiosk.securityFailed");
  static final Message OFFLINE_LIMIT = PatronTexts.shipped().message("kiosk.offlineLimit");
  static final Message OFFLINE_UNAVAILABLE =
      PatronTexts.shipped().message("kiosk.offlineUnavailable");
  static final Message NOT_ON_LOAN = PatronTexts.shipped().message("kiosk.notOnLoan");
  static final Message GOODBYE = PatronTexts.shipped().message("kiosk.goodbye");
  static final Message STANDING_STAFF_BLOCK =
      PatronTexts.shipped().message("kiosk.standingStaffBlock");
  static final Message STANDING_EXPIRED = PatronTexts.shipped().message("kiosk.standingExpired");
  static final Message STANDING_OVERDUE = PatronTexts.shipped().message("kiosk.standingOverdue");
  static final Message STANDING_GROUP = PatronTexts.shipped().message("kiosk.standingGroup");
  static final Message STANDING_CATEGORY = PatronTexts.shipped().message("kiosk.standingCategory");
  static final Message PIN_NEEDED = PatronTexts.shipped().message("kiosk.pinNeeded");
  static final Message PIN_WRONG = PatronTexts.shipped().message("kiosk.pinWrong");
  static final Message PIN_LOCKED = PatronTexts.shipped().message("kiosk.pinLocked");
  static final Message PIN_UNAVAILABLE = PatronTexts.shipped().message("kiosk.pinUnavailable");
  static final Message PIN_ACCEPTED = PatronTexts.shipped().message("kiosk.pinAccepted");
  static final Message HOLD_WAITING = PatronTexts.shipped().message("kiosk.holdWaiting");
  static final Message REMOVE_PREVIOUS_ITEMS =
      PatronTexts.shipped().message("kiosk.removePreviousItems");
  static final Message SESSION_ENDED_IDLE = PatronTexts.shipped().message("kiosk.sessionEndedIdle");
  static final Message SET_LENT_INCOMPLETE =
      PatronTexts.shipped().message("kiosk.setLentIncomplete");
  static final Message SET_PART_ADDED = PatronTexts.shipped().message("kiosk.setPartAdded");
  static final Message SET_RETURN_WAITING = PatronTexts.shipped().message("kiosk.setReturnWaiting");
  static final Message SET_RETURN_STAFF = PatronTexts.shipped().message("kiosk.setReturnStaff");
  static final Message OWN_LOAN_CHECKING = PatronTexts.shipped().message("kiosk.ownLoanChecking");
  static final Message OWN_LOAN = PatronTexts.shipped().message("kiosk.ownLoan");
  static final Message RENEWING = PatronTexts.shipped().message("kiosk.renewing");
  static final Message RENEWED = PatronTexts.shipped().message("kiosk.renewed");
  static final Message RENEWAL_REFUSED = PatronTexts.shipped().message("kiosk.renewalRefused");
  static final Message RENEWAL_FAILED = PatronTexts.shipped().message("kiosk.renewalFailed");
}
