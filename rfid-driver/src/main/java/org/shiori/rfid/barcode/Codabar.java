package org.shiori.rfid.barcode;

import java.util.Locale;

/**
 * A Codabar (NW-7) symbol: start character, data, stop character, with the check character (when
 * the scheme has one) as the last data character. Data characters {@code 0-9 - $ : / . +},
 * start/stop {@code A B C D}.
 */
public record Codabar(char start, String data, char stop) {
  private static final String VALUES = "0123456789-$:/.+ABCD";

  public Codabar {
    if (!isStartStop(start) || !isStartStop(stop)) {
      throw new IllegalArgumentException("Codabar start/stop must be A, B, C or D");
    }
    for (char c : data.toCharArray()) {
      if (VALUES.indexOf(c) < 0 || VALUES.indexOf(c) >= 16) {
        throw new IllegalArgumentException("'" + c + "' is not a Codabar data character");
      }
    }
  }

  private static boolean isStartStop(char c) {
    return c >= 'A' && c <= 'D';
  }

  /** Parses a scanned symbol including start and stop characters (case-insensitive). */
  public static Codabar parse(String symbol) {
    String s = symbol.trim().toUpperCase(Locale.ROOT);
    if (s.length() < 3) {
      throw new IllegalArgumentException("Codabar symbol '" + symbol + "' is too short");
    }
    return new Codabar(s.charAt(0), s.substring(1, s.length() - 1), s.charAt(s.length() - 1));
  }

  /** Builds a symbol, appending the check character for {@code scheme}. */
  public static Codabar withCheck(char start, String payload, char stop, CodabarCheck scheme) {
    if (scheme == CodabarCheck.NONE) {
      return new Codabar(start, payload, stop);
    }
    return new Codabar(start, payload + checkCharacter(start, payload, stop, scheme), stop);
  }

  /** The check character {@code scheme} gives for {@code payload}. */
  public static char checkCharacter(char start, String payload, char stop, CodabarCheck scheme) {
    switch (scheme) {
      case MOD16:
        int sum = value(start) + value(stop);
        for (char c : payload.toCharArray()) {
          sum += value(c);
        }
        return VALUES.charAt((16 - sum % 16) % 16);
      case MOD10_21_SPLIT:
      case MOD10_21_NONSPLIT:
        return (char) ('0' + mod10(payload, scheme == CodabarCheck.MOD10_21_SPLIT));
      default:
        throw new IllegalArgumentException("scheme NONE has no check character");
    }
  }

  private static int value(char c) {
    int v = VALUES.indexOf(c);
    if (v < 0) {
      throw new IllegalArgumentException("'" + c + "' is not a Codabar character");
    }
    return v;
  }

  private static int mod10(String digits, boolean split) {
    int sum = 0;
    boolean two = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("modulus 10 needs digits only, found '" + c + "'");
      }
      int p = (c - '0') * (two ? 2 : 1);
      sum += split ? p / 10 + p % 10 : p;
      two = !two;
    }
    return (10 - sum % 10) % 10;
  }

  /** Whether the last data character is the right check character for {@code scheme}. */
  public boolean valid(CodabarCheck scheme) {
    if (scheme == CodabarCheck.NONE) {
      return !data.isEmpty();
    }
    if (data.length() < 2) {
      return false;
    }
    try {
      return checkCharacter(start, payload(scheme), stop, scheme) == data.charAt(data.length() - 1);
    } catch (IllegalArgumentException notDigits) {
      return false;
    }
  }

  /** The data without the check character. */
  public String payload(CodabarCheck scheme) {
    return scheme == CodabarCheck.NONE ? data : data.substring(0, data.length() - 1);
  }

  public String symbol() {
    return start + data + stop;
  }
}
