package org.shiori.device.messaging;

/** A synced policy or calendar document the device cannot use; the message says why. */
public final class DocumentRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public DocumentRefusedException(String message) {
    super(message);
  }
}
