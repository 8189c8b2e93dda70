package org.shiori.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the integer notations a configuration file may use. */
final class ConfigNumbers {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,9}");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-f]{1,8}");

  private ConfigNumbers() {}

  static Optional<Integer> decimal(String text) {
    return DECIMAL.matcher(text).matches() ? Optional.of(Integer.parseInt(text)) : Optional.empty();
  }

  /** Decimal, or hexadecimal with a {@code 0x} prefix (either letter case). */
  static Optional<Integer> decimalOrHex(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (HEX.matcher(lower).matches()) {
      long value = Long.parseLong(lower.substring(2), 16);
      return value <= Integer.MAX_VALUE ? Optional.of((int) value) : Optional.empty();
    }
    return decimal(text);
  }
}
