package org.shiori.device.admin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One route of the admin API: a method and a path whose segments are either literal or a named
 * parameter in braces, e.g. {@code POST /admin/rejections/{seq}/resolve}.
 *
 * @param method the HTTP method, upper case
 * @param path the path pattern
 * @param handler what answers it
 */
public record AdminRoute(String method, String path, Handler handler) {
  /** Answers one authorised request of its route. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @throws AdminRefusal for a request that cannot be served (400, 404, ...)
     */
    AdminAnswer handle(AdminRequest request);
  }

  public AdminRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(handler, "handler");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("route path must start with /: " + path);
    }
  }

  public static AdminRoute get(String path, Handler handler) {
    return new AdminRoute("GET", path, handler);
  }

  public static AdminRoute post(String path, Handler handler) {
    return new AdminRoute("POST", path, handler);
  }

  public static AdminRoute delete(String path, Handler handler) {
    return new AdminRoute("DELETE", path, handler);
  }

  /**
   * The path parameters when {@code segments} (decoded, without the leading empty one) fit this
   * route's path, whatever the method.
   */
  Optional<Map<String, String>> match(List<String> segments) {
    String[] pattern = path.substring(1).split("/", -1);
    if (pattern.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        params.put(p.substring(1, p.length() - 1), segments.get(i));
      } else if (!p.equals(segments.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(Map.copyOf(params));
  }
}
