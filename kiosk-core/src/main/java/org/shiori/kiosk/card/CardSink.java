package org.shiori.kiosk.card;

/** Where checked card numbers go: the kiosk session. */
public interface CardSink {
  /** A card number, checked; it is hashed at once and never kept. */
  void cardScanned(String cardNumber);

  /** Something was read that is no valid card number: the patron is asked to scan again. */
  void cardMisread();
}
