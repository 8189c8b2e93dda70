package org.shiori.rfid.barcode;

import java.util.Locale;

/** ISBN-10 (modulus 11, check "X" = 10) and ISBN-13 (EAN-13 with prefix 978 or 979). */
public final class Isbn {
  private Isbn() {}

  private static String clean(String isbn) {
    return isbn.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
  }

  public static char isbn10CheckCharacter(String first9) {
    if (first9.length() != 9 || !first9.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("ISBN-10 needs 9 digits before the check character");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (first9.charAt(i) - '0') * (10 - i);
    }
    int check = (11 - sum % 11) % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }

  public static boolean validIsbn10(String isbn) {
    String s = clean(isbn);
    if (s.length() != 10 || !s.substring(0, 9).chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return isbn10CheckCharacter(s.substring(0, 9)) == s.charAt(9);
  }

  public static boolean validIsbn13(String isbn) {
    String s = clean(isbn);
    return (s.startsWith("978") || s.startsWith("979")) && Ean13.valid(s);
  }

  public static boolean valid(String isbn) {
    return validIsbn10(isbn) || validIsbn13(isbn);
  }

  /** ISBN-10 to ISBN-13 (prefix 978). */
  public static String toIsbn13(String isbn10) {
    String s = clean(isbn10);
    if (!validIsbn10(s)) {
      throw new IllegalArgumentException("'" + isbn10 + "' is not a valid ISBN-10");
    }
    String first12 = "978" + s.substring(0, 9);
    return first12 + Ean13.checkDigit(first12);
  }
}
