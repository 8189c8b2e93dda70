package org.shiori.kiosk.web;

import java.util.Optional;

/** The body of {@code POST /api/loans/renew}: {@code {"itemId":"1000123456"}}. */
final class RenewalEntry {
  static final String EXPECTED =
      "a JSON object {\"itemId\":\"...\"} with 1 to 128 printable ASCII characters";
  private static final OneFieldBody BODY = new OneFieldBody("itemId", "[\\x21-\\x7E]{1,128}", 512);

  private RenewalEntry() {}

  static Optional<String> itemIdOf(String body) {
    return BODY.valueOf(body);
  }
}
