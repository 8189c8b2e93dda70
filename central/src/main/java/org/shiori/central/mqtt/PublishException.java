package org.shiori.central.mqtt;

/** A publish could not be handed to the broker (not connected, too many in flight). */
public final class PublishException extends Exception {
  private static final long serialVersionUID = 1L;

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
