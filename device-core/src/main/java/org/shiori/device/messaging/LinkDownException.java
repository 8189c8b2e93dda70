package org.shiori.device.messaging;

/** A publish failed because the link is not connected, or the broker refused it. */
public class LinkDownException extends Exception {
  public LinkDownException(String message) {
    super(message);
  }

  public LinkDownException(String message, Throwable cause) {
    super(message, cause);
  }
}
