package org.shiori.central.ils.sip2;

import java.util.Optional;

/** 12 Checkout Response or 30 Renew Response, which share one layout. */
public record Sip2CirculationResponse(
    boolean ok,
    boolean renewalOk,
    char magneticMedia,
    char desensitize,
    Optional<String> itemId,
    Optional<String> title,
    Optional<String> dueDate,
    String screenMessage) {

  public static Sip2CirculationResponse from(Sip2Message message, Sip2Command expected)
      throws Sip2ProtocolException {
    if (expected != Sip2Command.CHECKOUT_RESPONSE && expected != Sip2Command.RENEW_RESPONSE) {
      throw new IllegalArgumentException("not a circulation response: " + expected);
    }
    Sip2FixedFields fixed = new Sip2FixedFields(message, expected);
    return new Sip2CirculationResponse(
        fixed.zeroOrOne(0, "ok"),
        fixed.yesNo(1, "renewal ok"),
        fixed.yesNoUnknown(2, "magnetic media"),
        fixed.yesNoUnknown(3, "desensitize"),
        message.field("AB"),
        nonBlank(message.field("AJ")),
        nonBlank(message.field("AH")),
        message.screenMessage());
  }

  static Optional<String> nonBlank(Optional<String> value) {
    return value.filter(v -> !v.isBlank());
  }
}
