package org.shiori.central.ils.sip2;

/** 36 End Session Response. */
public record Sip2EndSessionResponse(boolean ended) {
  public static Sip2EndSessionResponse from(Sip2Message message) throws Sip2ProtocolException {
    Sip2FixedFields fixed = new Sip2FixedFields(message, Sip2Command.END_SESSION_RESPONSE);
    return new Sip2EndSessionResponse(fixed.yesNo(0, "end session"));
  }
}
