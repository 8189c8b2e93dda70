package org.shiori.central.ils.sip2;

import java.io.IOException;

/** The ILS closed the connection while an answer was awaited. */
public class Sip2ConnectionClosedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean beforeAnyByte;

  public Sip2ConnectionClosedException(boolean beforeAnyByte) {
    super(
        beforeAnyByte
            ? "ILS closed the SIP2 connection before answering"
            : "ILS closed the SIP2 connection in the middle of an answer");
    this.beforeAnyByte = beforeAnyByte;
  }

  /** True when not a byte of the answer had arrived: likely a connection gone stale. */
  public boolean beforeAnyByte() {
    return beforeAnyByte;
  }
}
