package org.shiori.kiosk.app;

/** The kiosk cannot start on this device; the message tells the technician what to fix. */
public final class KioskStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KioskStartException(String message) {
    super(message);
  }

  public KioskStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
