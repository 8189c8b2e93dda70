package org.shiori.device.messaging;

/** The broker answered a publish with an error reason code (e.g. 0x87, not authorised by ACL). */
public class BrokerRefusedException extends LinkDownException {
  private final int reasonCode;

  public BrokerRefusedException(String message, int reasonCode) {
    super(message);
    this.reasonCode = reasonCode;
  }

  public int reasonCode() {
    return reasonCode;
  }
}
