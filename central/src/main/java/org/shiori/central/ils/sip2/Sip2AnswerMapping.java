package org.shiori.central.ils.sip2;

import java.util.Optional;
import org.shiori.central.ils.IlsItemStatus;
import org.shiori.central.ils.IlsReturnAlert;

/** Turns SIP2 codes into the connector-neutral values of {@code org.shiori.central.ils}. */
final class Sip2AnswerMapping {
  private Sip2AnswerMapping() {}

  /** The 18 circulation status as an item status. */
  static IlsItemStatus itemStatus(String circulationStatus) {
    switch (circulationStatus) {
      case Sip2ItemInformationResponse.AVAILABLE:
      case Sip2ItemInformationResponse.WAITING_TO_BE_RESHELVED:
        return IlsItemStatus.AVAILABLE;
      case Sip2ItemInformationResponse.CHARGED:
      case Sip2ItemInformationResponse.CHARGED_NOT_TO_BE_RECALLED:
      case Sip2ItemInformationResponse.RECALLED:
        return IlsItemStatus.ON_LOAN;
      case Sip2ItemInformationResponse.WAITING_ON_HOLD_SHELF:
        return IlsItemStatus.ON_HOLD_SHELF;
      case Sip2ItemInformationResponse.IN_TRANSIT:
        return IlsItemStatus.IN_TRANSIT;
      case Sip2ItemInformationResponse.IN_PROCESS:
      case Sip2ItemInformationResponse.ON_ORDER:
        return IlsItemStatus.IN_PROCESS;
      case Sip2ItemInformationResponse.CLAIMED_RETURNED:
      case Sip2ItemInformationResponse.LOST:
      case Sip2ItemInformationResponse.MISSING:
        return IlsItemStatus.LOST_OR_MISSING;
      default:
        return IlsItemStatus.OTHER;
    }
  }

  /** The alert of a 10 with alert=Y, from its CV alert type where there is one. */
  static Optional<IlsReturnAlert> returnAlert(Sip2CheckinResponse checkin) {
    if (!checkin.alert()) {
      return Optional.empty();
    }
    String type = checkin.alertType().orElse("");
    switch (type) {
      case "01":
        return Optional.of(IlsReturnAlert.HOLD_FOR_LOCAL_PATRON);
      case "02":
        return Optional.of(IlsReturnAlert.HOLD_FOR_REMOTE_PATRON);
      case "03":
        return Optional.of(IlsReturnAlert.TRANSIT_TO_ANOTHER_LIBRARY);
      case "04":
        return Optional.of(IlsReturnAlert.TRANSIT_TO_ANOTHER_BRANCH);
      default:
        return Optional.of(IlsReturnAlert.OTHER);
    }
  }
}
