package org.shiori.rfid.barcode;

/** EAN-13 (and ISBN-13): weights 1,3 from the left over the first 12 digits. */
public final class Ean13 {
  private Ean13() {}

  public static int checkDigit(String first12) {
    if (first12.length() != 12 || !first12.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("EAN-13 needs 12 digits before the check digit");
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10;
  }

  public static boolean valid(String code) {
    String s = code.replace("-", "").replace(" ", "");
    if (s.length() != 13 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return checkDigit(s.substring(0, 12)) == s.charAt(12) - '0';
  }
}
