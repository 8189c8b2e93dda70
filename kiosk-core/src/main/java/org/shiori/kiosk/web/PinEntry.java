package org.shiori.kiosk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** The body of {@code POST /api/pin}: {@code {"digits":"1234"}}, 4 to 8 digits. Never logged. */
final class PinEntry {
  static final String EXPECTED = "a JSON object {\"digits\":\"...\"} with 4 to 8 digits";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 256;

  private PinEntry() {}

  static Optional<String> digitsOf(String body) {
    if (body == null || body.length() > MAX_BODY) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null
          || !node.isObject()
          || node.size() != 1
          || !node.path("digits").isTextual()) {
        return Optional.empty();
      }
      String digits = node.get("digits").asText();
      return digits.matches("[0-9]{4,8}") ? Optional.of(digits) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
