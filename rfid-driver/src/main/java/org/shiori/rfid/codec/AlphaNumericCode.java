package org.shiori.rfid.codec;

/**
 * The 4-bit numeric and 5-bit alphabetic codes of ISO 28560-2 data elements: digits 0-9, '-' and
 * ':' in 4 bits; letters in 5 bits; codes at the top of each table latch (until changed) or shift
 * (for one character) to another table. Padding at the end (a trailing latch/shift or an incomplete
 * character) is ignored.
 */
final class AlphaNumericCode {
  private enum Table {
    NUMERIC,
    UPPER,
    LOWER
  }

  private AlphaNumericCode() {}

  /** Null when the bits contain no character at all. */
  static String decode(byte[] m, int off, int len, boolean startNumeric) {
    StringBuilder out = new StringBuilder();
    Table latch = startNumeric ? Table.NUMERIC : Table.UPPER;
    Table shift = null;
    int bit = 0;
    int bits = len * 8;
    while (true) {
      Table t = shift != null ? shift : latch;
      shift = null;
      int width = t == Table.NUMERIC ? 4 : 5;
      if (bits - bit < width) {
        break;
      }
      int v = read(m, off, bit, width);
      bit += width;
      int control = t == Table.NUMERIC ? v - 12 : v - 28;
      if (control >= 0) {
        Table target = target(t, control / 2);
        if (control % 2 == 0) {
          latch = target;
        } else {
          shift = target;
        }
        continue;
      }
      out.append(character(t, v));
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** Control codes in order: (latch, shift) to the first, then the second other table. */
  private static Table target(Table from, int pair) {
    switch (from) {
      case NUMERIC:
        return pair == 0 ? Table.UPPER : Table.LOWER;
      case UPPER:
        return pair == 0 ? Table.LOWER : Table.NUMERIC;
      default:
        return pair == 0 ? Table.UPPER : Table.NUMERIC;
    }
  }

  private static char character(Table t, int v) {
    switch (t) {
      case NUMERIC:
        return v < 10 ? (char) ('0' + v) : v == 10 ? '-' : ':';
      case UPPER:
        return v == 0 ? '-' : v == 27 ? ':' : (char) ('A' + v - 1);
      default:
        return v == 0 ? '-' : v == 27 ? '/' : (char) ('a' + v - 1);
    }
  }

  private static int read(byte[] m, int off, int bit, int width) {
    int v = 0;
    for (int i = 0; i < width; i++) {
      int b = bit + i;
      v = (v << 1) | ((m[off + b / 8] >>> (7 - b % 8)) & 1);
    }
    return v;
  }
}
