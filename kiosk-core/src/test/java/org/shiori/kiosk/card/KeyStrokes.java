package org.shiori.kiosk.card;

import java.io.ByteArrayOutputStream;

/** What a USB HID scanner in US layout sends for a symbol: key presses and releases, then Enter. */
final class KeyStrokes {
  private KeyStrokes() {}

  static byte[] of(String symbol, int eventBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char c : symbol.toCharArray()) {
      boolean shift = Character.isUpperCase(c) || "$:+".indexOf(c) >= 0;
      int code = codeOf(Character.toLowerCase(c));
      if (shift) {
        out.writeBytes(
            new InputEvent(InputEvent.EV_KEY, UsKeyboard.KEY_LEFTSHIFT, 1).encode(eventBytes));
      }
      out.writeBytes(new InputEvent(InputEvent.EV_KEY, code, 1).encode(eventBytes));
      out.writeBytes(
          new InputEvent(0, 0, 0).encode(eventBytes)); // EV_SYN between, as a kernel does
      out.writeBytes(new InputEvent(InputEvent.EV_KEY, code, 0).encode(eventBytes));
      if (shift) {
        out.writeBytes(
            new InputEvent(InputEvent.EV_KEY, UsKeyboard.KEY_LEFTSHIFT, 0).encode(eventBytes));
      }
    }
    out.writeBytes(new InputEvent(InputEvent.EV_KEY, UsKeyboard.KEY_ENTER, 1).encode(eventBytes));
    out.writeBytes(new InputEvent(InputEvent.EV_KEY, UsKeyboard.KEY_ENTER, 0).encode(eventBytes));
    return out.toByteArray();
  }

  private static int codeOf(char c) {
    if (c >= '1' && c <= '9') {
      return 2 + (c - '1');
    }
    String[] rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    int[] first = {16, 30, 44};
    for (int r = 0; r < rows.length; r++) {
      int i = rows[r].indexOf(c);
      if (i >= 0) {
        return first[r] + i;
      }
    }
    return switch (c) {
      case '0' -> 11;
      case '-' -> 12;
      case '+' -> 13;
      case '$' -> 5;
      case ':' -> 39;
      case '.' -> 52;
      case '/' -> 53;
      default -> throw new IllegalArgumentException("no key for " + c);
    };
  }
}
