package org.shiori.kiosk.web;

import java.util.Optional;

/** The body of {@code POST /api/pin}: {@code {"digits":"1234"}}, 4 to 8 digits. Never logged. */
final class PinEntry {
  static final String EXPECTED = "a JSON object {\"digits\":\"...\"} with 4 to 8 digits";
  private static final OneFieldBody BODY = new OneFieldBody("digits", "[0-9]{4,8}", 256);

  private PinEntry() {}

  static Optional<String> digitsOf(String body) {
    return BODY.valueOf(body);
  }
}
