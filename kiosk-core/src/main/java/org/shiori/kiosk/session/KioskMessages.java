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
}
