package org.shiori.central.ils.sip2;

/**
 * A SIP2 message that could not be understood: garbage, too short, an unknown command, a bad fixed
 * field. Its message names the command and the position, never the message's content.
 */
public class Sip2ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  public Sip2ProtocolException(String message) {
    super(message);
  }

  public Sip2ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
