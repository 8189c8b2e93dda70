package org.shiori.kiosk.session;

/**
 * A first check of what a card reader delivered, before hashing: library cards carry Codabar (NW-7)
 * data, start and stop characters A–D included, plain digits from RFID patron cards, or the hex UID
 * of a contactless card.
 */
final class CardNumbers {
  private CardNumbers() {}

  static boolean plausible(String card) {
    return card.length() >= 4 && card.length() <= 32 && card.matches("[A-Fa-f0-9$:/.+\\-]+");
  }
}
