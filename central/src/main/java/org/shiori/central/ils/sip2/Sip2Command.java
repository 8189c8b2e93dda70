package org.shiori.central.ils.sip2;

import java.util.Optional;

/** The SIP2 2.00 messages this connector sends or understands, with their fixed-field length. */
public enum Sip2Command {
  LOGIN("93", 2),
  LOGIN_RESPONSE("94", 1),
  SC_STATUS("99", 8),
  ACS_STATUS("98", 34),
  CHECKOUT("11", 38),
  CHECKOUT_RESPONSE("12", 22),
  CHECKIN("09", 37),
  CHECKIN_RESPONSE("10", 22),
  RENEW("29", 38),
  RENEW_RESPONSE("30", 22),
  PATRON_INFORMATION("63", 31),
  PATRON_INFORMATION_RESPONSE("64", 59),
  ITEM_INFORMATION("17", 18),
  ITEM_INFORMATION_RESPONSE("18", 24),
  END_PATRON_SESSION("35", 18),
  END_SESSION_RESPONSE("36", 19),
  REQUEST_SC_RESEND("96", 0),
  REQUEST_ACS_RESEND("97", 0);

  private final String id;
  private final int fixedLength;

  Sip2Command(String id, int fixedLength) {
    this.id = id;
    this.fixedLength = fixedLength;
  }

  /** The two-digit command identifier, e.g. "11". */
  public String id() {
    return id;
  }

  /** How many characters of fixed-length fields follow the identifier. */
  public int fixedLength() {
    return fixedLength;
  }

  /** True for the two resend requests, which never carry a sequence number. */
  public boolean isResendRequest() {
    return this == REQUEST_SC_RESEND || this == REQUEST_ACS_RESEND;
  }

  /** The ACS's answer to this SC request, empty for a response or a resend request. */
  public Optional<Sip2Command> response() {
    switch (this) {
      case LOGIN:
        return Optional.of(LOGIN_RESPONSE);
      case SC_STATUS:
        return Optional.of(ACS_STATUS);
      case CHECKOUT:
        return Optional.of(CHECKOUT_RESPONSE);
      case CHECKIN:
        return Optional.of(CHECKIN_RESPONSE);
      case RENEW:
        return Optional.of(RENEW_RESPONSE);
      case PATRON_INFORMATION:
        return Optional.of(PATRON_INFORMATION_RESPONSE);
      case ITEM_INFORMATION:
        return Optional.of(ITEM_INFORMATION_RESPONSE);
      case END_PATRON_SESSION:
        return Optional.of(END_SESSION_RESPONSE);
      default:
        return Optional.empty();
    }
  }

  /** The command with this identifier, empty for one this connector does not know. */
  public static Optional<Sip2Command> byId(String id) {
    for (Sip2Command command : values()) {
      if (command.id.equals(id)) {
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }
}
