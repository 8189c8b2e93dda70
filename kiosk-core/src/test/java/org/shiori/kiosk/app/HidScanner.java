package org.shiori.kiosk.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a USB HID barcode scanner in US layout writes to its event node for a Codabar symbol of
 * upper-case letters and digits: 24-byte {@code input_event} records (64-bit), key down and up,
 * Shift around letters, Enter at the end.
 */
final class HidScanner {
  private static final int EV_KEY = 1;
  private static final int KEY_LEFTSHIFT = 42;
  private static final int KEY_ENTER = 28;
  private static final String TOP_ROW = "QWERTYUIOP";
  private static final String MIDDLE_ROW = "ASDFGHJKL";
  private static final String BOTTOM_ROW = "ZXCVBNM";

  private HidScanner() {}

  static byte[] keyEvents(String symbol) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char c : symbol.toCharArray()) {
      boolean letter = Character.isLetter(c);
      if (letter) {
        key(out, KEY_LEFTSHIFT, 1);
      }
      key(out, codeOf(c), 1);
      key(out, codeOf(c), 0);
      if (letter) {
        key(out, KEY_LEFTSHIFT, 0);
      }
    }
    key(out, KEY_ENTER, 1);
    key(out, KEY_ENTER, 0);
    return out.toByteArray();
  }

  private static int codeOf(char c) {
    if (c == '0') {
      return 11;
    }
    if (c >= '1' && c <= '9') {
      return 2 + c - '1';
    }
    if (TOP_ROW.indexOf(c) >= 0) {
      return 16 + TOP_ROW.indexOf(c);
    }
    if (MIDDLE_ROW.indexOf(c) >= 0) {
      return 30 + MIDDLE_ROW.indexOf(c);
    }
    if (BOTTOM_ROW.indexOf(c) >= 0) {
      return 44 + BOTTOM_ROW.indexOf(c);
    }
    throw new IllegalArgumentException("no key for " + c);
  }

  private static void key(ByteArrayOutputStream out, int code, int value) {
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    b.position(16);
    b.putShort((short) EV_KEY).putShort((short) code).putInt(value);
    out.writeBytes(b.array());
  }
}
