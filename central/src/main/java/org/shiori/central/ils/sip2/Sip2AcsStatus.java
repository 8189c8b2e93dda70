package org.shiori.central.ils.sip2;

import java.util.Optional;

/** 98 ACS Status: what the ILS allows now. */
public record Sip2AcsStatus(
    boolean online,
    boolean checkinOk,
    boolean checkoutOk,
    boolean renewalPolicy,
    boolean statusUpdateOk,
    boolean offlineOk,
    String protocolVersion,
    Optional<String> supportedMessages,
    String screenMessage) {

  public static Sip2AcsStatus from(Sip2Message message) throws Sip2ProtocolException {
    Sip2FixedFields fixed = new Sip2FixedFields(message, Sip2Command.ACS_STATUS);
    return new Sip2AcsStatus(
        fixed.yesNo(0, "on-line status"),
        fixed.yesNo(1, "checkin ok"),
        fixed.yesNo(2, "checkout ok"),
        fixed.yesNo(3, "ACS renewal policy"),
        fixed.yesNo(4, "status update ok"),
        fixed.yesNo(5, "off-line ok"),
        fixed.text(30, 4),
        message.field("BX"),
        message.screenMessage());
  }
}
