package org.shiori.central.ils.sip2;

import java.nio.charset.StandardCharsets;

/** What ends each SIP2 message on the wire. */
public enum Sip2Terminator {
  /** A carriage return alone, as the SIP2 2.00 specification says. */
  CR("\r"),
  /** Carriage return and line feed, which some ILS servers send and expect. */
  CRLF("\r\n");

  private final String text;

  Sip2Terminator(String text) {
    this.text = text;
  }

  public byte[] bytes() {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
