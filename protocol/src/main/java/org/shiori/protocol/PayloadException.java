package org.shiori.protocol;

/**
 * A message payload failed validation. The message names the field and the rule broken, never the
 * value found (it may be personal data).
 */
public class PayloadException extends Exception {
  public PayloadException(String message) {
    super(message);
  }
}
