package org.shiori.device.admin;

import java.util.Optional;

/**
 * What a route answers: a status and, unless it is 204, a value written as JSON.
 *
 * @param status the HTTP status
 * @param json the body, written with the device's {@code JsonMapping}
 */
public record AdminAnswer(int status, Optional<Object> json) {
  public static AdminAnswer ok(Object json) {
    return new AdminAnswer(200, Optional.of(json));
  }

  public static AdminAnswer noContent() {
    return new AdminAnswer(204, Optional.empty());
  }
}
