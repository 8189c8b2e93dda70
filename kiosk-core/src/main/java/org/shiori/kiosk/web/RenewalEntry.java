package org.shiori.kiosk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** The body of {@code POST /api/loans/renew}: {@code {"itemId":"1000123456"}}. */
final class RenewalEntry {
  static final String EXPECTED =
      "a JSON object {\"itemId\":\"...\"} with 1 to 128 printable ASCII characters";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 512;

  private RenewalEntry() {}

  static Optional<String> itemIdOf(String body) {
    if (body == null || body.length() > MAX_BODY) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null
          || !node.isObject()
          || node.size() != 1
          || !node.path("itemId").isTextual()) {
        return Optional.empty();
      }
      String id = node.get("itemId").asText();
      return id.matches("[\\x21-\\x7E]{1,128}") ? Optional.of(id) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
