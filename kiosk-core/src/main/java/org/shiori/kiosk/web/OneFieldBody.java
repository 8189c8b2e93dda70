package org.shiori.kiosk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request body that is a JSON object with exactly one text field, checked before anything reads
 * it: bounded in size, nothing else in it, the value of an allowed form.
 */
final class OneFieldBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String field;
  private final Pattern allowed;
  private final int maxBody;

  OneFieldBody(String field, String allowed, int maxBody) {
    this.field = field;
    this.allowed = Pattern.compile(allowed);
    this.maxBody = maxBody;
  }

  /** The field's value, or empty for anything else (too long, not JSON, other fields, bad form). */
  Optional<String> valueOf(String body) {
    if (body == null || body.length() > maxBody) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject() || node.size() != 1 || !node.path(field).isTextual()) {
        return Optional.empty();
      }
      String value = node.get(field).asText();
      return allowed.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
