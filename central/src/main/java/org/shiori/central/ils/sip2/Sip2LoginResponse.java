package org.shiori.central.ils.sip2;

/** 94 Login Response. */
public record Sip2LoginResponse(boolean ok) {
  public static Sip2LoginResponse from(Sip2Message message) throws Sip2ProtocolException {
    Sip2FixedFields fixed = new Sip2FixedFields(message, Sip2Command.LOGIN_RESPONSE);
    return new Sip2LoginResponse(fixed.zeroOrOne(0, "ok"));
  }
}
