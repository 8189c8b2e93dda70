package org.shiori.central.ils.sip2;

/** A received message whose AZ checksum does not match its bytes: ask for a resend. */
public class Sip2ChecksumException extends Sip2ProtocolException {
  private static final long serialVersionUID = 1L;

  public Sip2ChecksumException(String message) {
    super(message);
  }
}
