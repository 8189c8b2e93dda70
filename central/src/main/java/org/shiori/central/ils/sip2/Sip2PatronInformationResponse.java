package org.shiori.central.ils.sip2;

import java.util.List;
import java.util.Optional;

/**
 * 64 Patron Information Response.
 *
 * @param patronStatus the 14 status flags, 'Y' where a restriction applies
 * @param validPatron BL, where the ILS sent it
 * @param validPatronPassword CQ, where the ILS sent it
 * @param chargedItems the AU charged items (item identifiers)
 */
public record Sip2PatronInformationResponse(
    String patronStatus,
    Optional<Boolean> validPatron,
    Optional<Boolean> validPatronPassword,
    List<String> chargedItems,
    String screenMessage) {

  /** Patron status positions (SIP2 2.00). */
  public static final int CHARGE_PRIVILEGES_DENIED = 0;

  public static final int RENEWAL_PRIVILEGES_DENIED = 1;
  public static final int CARD_REPORTED_LOST = 4;
  public static final int TOO_MANY_ITEMS_CHARGED = 5;
  public static final int TOO_MANY_ITEMS_OVERDUE = 6;
  public static final int TOO_MANY_RENEWALS = 7;
  public static final int TOO_MANY_ITEMS_LOST = 9;
  public static final int EXCESSIVE_FINES = 10;
  public static final int EXCESSIVE_FEES = 11;
  public static final int RECALL_OVERDUE = 12;
  public static final int TOO_MANY_ITEMS_BILLED = 13;

  public Sip2PatronInformationResponse {
    chargedItems = List.copyOf(chargedItems);
  }

  public static Sip2PatronInformationResponse from(Sip2Message message)
      throws Sip2ProtocolException {
    Sip2FixedFields fixed = new Sip2FixedFields(message, Sip2Command.PATRON_INFORMATION_RESPONSE);
    String status = fixed.text(0, 14);
    for (int i = 0; i < 14; i++) {
      char c = status.charAt(i);
      if (c != ' ' && c != 'Y' && c != 'N') {
        throw new Sip2ProtocolException(
            "SIP2 64 patron status position " + i + " must be blank, Y or N");
      }
    }
    return new Sip2PatronInformationResponse(
        status,
        yesNoField(message, "BL"),
        yesNoField(message, "CQ"),
        message.fieldValues("AU"),
        message.screenMessage());
  }

  /** True where the status flag at {@code position} is 'Y'. */
  public boolean restricted(int position) {
    return patronStatus.charAt(position) == 'Y';
  }

  private static Optional<Boolean> yesNoField(Sip2Message message, String code)
      throws Sip2ProtocolException {
    Optional<String> value = message.field(code);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    switch (value.get()) {
      case "Y":
        return Optional.of(true);
      case "N":
        return Optional.of(false);
      default:
        throw new Sip2ProtocolException("SIP2 64 field " + code + " must be Y or N");
    }
  }
}
