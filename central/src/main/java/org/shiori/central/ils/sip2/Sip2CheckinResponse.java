package org.shiori.central.ils.sip2;

import java.util.Optional;

/** 10 Checkin Response. {@code alertType} is the CV field, where the ILS sends one. */
public record Sip2CheckinResponse(
    boolean ok,
    boolean resensitize,
    char magneticMedia,
    boolean alert,
    Optional<String> itemId,
    Optional<String> title,
    Optional<String> permanentLocation,
    Optional<String> sortBin,
    Optional<String> alertType,
    String screenMessage) {

  public static Sip2CheckinResponse from(Sip2Message message) throws Sip2ProtocolException {
    Sip2FixedFields fixed = new Sip2FixedFields(message, Sip2Command.CHECKIN_RESPONSE);
    return new Sip2CheckinResponse(
        fixed.zeroOrOne(0, "ok"),
        fixed.yesNo(1, "resensitize"),
        fixed.yesNoUnknown(2, "magnetic media"),
        fixed.yesNo(3, "alert"),
        message.field("AB"),
        Sip2CirculationResponse.nonBlank(message.field("AJ")),
        Sip2CirculationResponse.nonBlank(message.field("AQ")),
        Sip2CirculationResponse.nonBlank(message.field("CL")),
        Sip2CirculationResponse.nonBlank(message.field("CV")),
        message.screenMessage());
  }
}
