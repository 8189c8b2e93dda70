package org.shiori.device.admin;

import java.util.Map;

/**
 * An authorised admin request as a route sees it: its path parameters (percent-decoded) and its
 * body, at most {@link AdminServer#MAX_BODY_BYTES}. Path parameters may be card numbers: never log
 * them.
 */
public final class AdminRequest {
  private final Map<String, String> pathParams;
  private final byte[] body;

  AdminRequest(Map<String, String> pathParams, byte[] body) {
    this.pathParams = Map.copyOf(pathParams);
    this.body = body.clone();
  }

  /** The path parameter named in the route, e.g. {@code seq} for {@code {seq}}. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route has no path parameter " + name);
    }
    return value;
  }

  public byte[] body() {
    return body.clone();
  }
}
