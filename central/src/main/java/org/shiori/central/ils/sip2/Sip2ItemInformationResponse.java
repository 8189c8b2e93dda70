package org.shiori.central.ils.sip2;

import java.util.Optional;

/** 18 Item Information Response. {@code circulationStatus} is the 2-digit SIP2 code. */
public record Sip2ItemInformationResponse(
    String circulationStatus,
    Optional<String> itemId,
    Optional<String> title,
    Optional<String> dueDate,
    Optional<String> permanentLocation,
    String screenMessage) {

  public static final String OTHER = "01";
  public static final String ON_ORDER = "02";
  public static final String AVAILABLE = "03";
  public static final String CHARGED = "04";
  public static final String CHARGED_NOT_TO_BE_RECALLED = "05";
  public static final String IN_PROCESS = "06";
  public static final String RECALLED = "07";
  public static final String WAITING_ON_HOLD_SHELF = "08";
  public static final String WAITING_TO_BE_RESHELVED = "09";
  public static final String IN_TRANSIT = "10";
  public static final String CLAIMED_RETURNED = "11";
  public static final String LOST = "12";
  public static final String MISSING = "13";

  public static Sip2ItemInformationResponse from(Sip2Message message) throws Sip2ProtocolException {
    Sip2FixedFields fixed = new Sip2FixedFields(message, Sip2Command.ITEM_INFORMATION_RESPONSE);
    return new Sip2ItemInformationResponse(
        fixed.digits(0, 2, "circulation status"),
        message.field("AB"),
        Sip2CirculationResponse.nonBlank(message.field("AJ")),
        Sip2CirculationResponse.nonBlank(message.field("AH")),
        Sip2CirculationResponse.nonBlank(message.field("AQ")),
        message.screenMessage());
  }

  /**
   * SIP2 has no "unknown item" answer; ILS servers answer circulation status 01 (other) with no
   * title. That is what this takes as "the ILS does not know the item".
   */
  public boolean unknownItem() {
    return circulationStatus.equals(OTHER) && title.isEmpty();
  }

  /** Status 04, 05 or 07: on loan to someone. */
  public boolean onLoan() {
    return circulationStatus.equals(CHARGED)
        || circulationStatus.equals(CHARGED_NOT_TO_BE_RECALLED)
        || circulationStatus.equals(RECALLED);
  }
}
