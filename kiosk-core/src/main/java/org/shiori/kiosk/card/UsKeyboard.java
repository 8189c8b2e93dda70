package org.shiori.kiosk.card;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the key presses of a USB HID barcode scanner in US layout into text: digits, letters, the
 * Codabar punctuation {@code - $ : / . +}, with either Shift key; Enter (main or keypad) ends a
 * symbol. Key codes are those of {@code linux/input-event-codes.h}.
 */
final class UsKeyboard {
  static final int KEY_ENTER = 28;
  static final int KEY_KPENTER = 96;
  static final int KEY_LEFTSHIFT = 42;
  static final int KEY_RIGHTSHIFT = 54;

  private static final Map<Integer, Character> PLAIN = new HashMap<>();
  private static final Map<Integer, Character> SHIFTED = new HashMap<>();

  static {
    String digits = "1234567890"; // KEY_1 = 2 ... KEY_0 = 11
    for (int i = 0; i < digits.length(); i++) {
      PLAIN.put(2 + i, digits.charAt(i));
    }
    String shiftedDigits = "!@#$%^&*()";
    for (int i = 0; i < shiftedDigits.length(); i++) {
      SHIFTED.put(2 + i, shiftedDigits.charAt(i));
    }
    letters(16, "qwertyuiop");
    letters(30, "asdfghjkl");
    letters(44, "zxcvbnm");
    PLAIN.put(12, '-');
    SHIFTED.put(12, '_');
    PLAIN.put(13, '=');
    SHIFTED.put(13, '+');
    PLAIN.put(39, ';');
    SHIFTED.put(39, ':');
    PLAIN.put(51, ',');
    PLAIN.put(52, '.');
    PLAIN.put(53, '/');
    PLAIN.put(57, ' ');
    // keypad: KP7 71, KP8 72, KP9 73, KPMINUS 74, KP4 75, KP5 76, KP6 77, KPPLUS 78,
    // KP1 79, KP2 80, KP3 81, KP0 82, KPDOT 83, KPSLASH 98
    int[] keypad = {71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 98};
    String keypadText = "789-456+1230./";
    for (int i = 0; i < keypad.length; i++) {
      PLAIN.put(keypad[i], keypadText.charAt(i));
      SHIFTED.putIfAbsent(keypad[i], keypadText.charAt(i));
    }
  }

  private static void letters(int firstCode, String row) {
    for (int i = 0; i < row.length(); i++) {
      PLAIN.put(firstCode + i, row.charAt(i));
      SHIFTED.put(firstCode + i, Character.toUpperCase(row.charAt(i)));
    }
  }

  private final StringBuilder symbol = new StringBuilder();
  private boolean leftShift;
  private boolean rightShift;
  private boolean overflow;

  /** The longest symbol kept; anything longer is a misread. */
  static final int MAX_LENGTH = 64;

  /** Feeds one event; returns the finished symbol when Enter was pressed. */
  Optional<String> feed(InputEvent e) {
    if (e.type() != InputEvent.EV_KEY) {
      return Optional.empty();
    }
    if (e.code() == KEY_LEFTSHIFT) {
      leftShift = e.value() != 0;
      return Optional.empty();
    }
    if (e.code() == KEY_RIGHTSHIFT) {
      rightShift = e.value() != 0;
      return Optional.empty();
    }
    if (e.value() != InputEvent.PRESSED) {
      return Optional.empty(); // releases and auto-repeats add nothing
    }
    if (e.code() == KEY_ENTER || e.code() == KEY_KPENTER) {
      String done = overflow ? "" : symbol.toString();
      symbol.setLength(0);
      overflow = false;
      return Optional.of(done);
    }
    Character c = (leftShift || rightShift ? SHIFTED : PLAIN).get(e.code());
    if (c == null) {
      c = '?'; // an unmapped key: the symbol will not pass the card checks
    }
    if (symbol.length() >= MAX_LENGTH) {
      overflow = true;
    } else {
      symbol.append(c);
    }
    return Optional.empty();
  }
}
