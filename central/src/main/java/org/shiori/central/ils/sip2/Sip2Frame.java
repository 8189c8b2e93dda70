package org.shiori.central.ils.sip2;

import java.util.Objects;
import java.util.OptionalInt;

/** A decoded message with the sequence number (AY) it arrived with, if any. */
public record Sip2Frame(Sip2Message message, OptionalInt sequenceNumber) {
  public Sip2Frame {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
  }
}
