package org.shiori.device.admin;

/**
 * A request a route cannot serve, answered with {@code status} and {@code {"title": reason,
 * "status": status}}. The reason is one line for the technician and never holds what the request
 * carried (a card number).
 */
public final class AdminRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public AdminRefusal(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  public static AdminRefusal badRequest(String reason) {
    return new AdminRefusal(400, reason);
  }

  public static AdminRefusal notFound(String reason) {
    return new AdminRefusal(404, reason);
  }

  public int status() {
    return status;
  }
}
