package org.shiori.central.loans;

import java.util.List;
import java.util.Optional;
import org.shiori.central.forward.PatronCards;
import org.shiori.central.ils.IlsConnector;
import org.shiori.central.ils.IlsLoan;
import org.shiori.central.ils.IlsRejectionReason;
import org.shiori.central.ils.IlsResult;
import org.shiori.central.ils.IlsUnavailableException;
import org.shiori.central.store.CentralDatabase;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.protocol.PinAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's PIN check (R-CARD-2). Central keeps no PINs. With the SIP2 connector the library system
 * checks it: central looks up the card number of the patron key ({@code patron_cards}) and sends 63
 * Patron Information with the PIN in {@code AD}; {@code CQ} Y is right, N wrong. Without SIP2 no
 * one can check it, and the kiosk is told so at once ({@code NOT_AVAILABLE}) instead of waiting out
 * its timeout; either way it sends the patron to the counter. Neither the PIN nor the card number
 * is logged.
 */
public final class PinChecks {
  private static final Logger LOG = LoggerFactory.getLogger(PinChecks.class);

  private final CentralDatabase db;
  private final IlsConnector connector;
  private final boolean libraryChecksPins;

  /**
   * @param libraryChecksPins whether the connector is SIP2, whose library system knows the PINs
   */
  public PinChecks(CentralDatabase db, IlsConnector connector, boolean libraryChecksPins) {
    this.db = db;
    this.connector = connector;
    this.libraryChecksPins = libraryChecksPins;
  }

  public PinAnswer check(PatronKey patron, String pin) {
    if (!libraryChecksPins) {
      return PinAnswer.failed("NOT_AVAILABLE");
    }
    Optional<String> card = db.inTransaction(c -> PatronCards.cardOf(c, patron));
    if (card.isEmpty()) {
      LOG.info("PIN check not possible: central has no card number for the patron key");
      return PinAnswer.failed("UNKNOWN_PATRON");
    }
    IlsResult<List<IlsLoan>> result;
    try {
      result = connector.patronLoans(card.get(), Optional.of(pin));
    } catch (IlsUnavailableException e) {
      LOG.warn("PIN check not answered: the library system is not reachable");
      return PinAnswer.failed("ILS_UNAVAILABLE");
    }
    if (result instanceof IlsResult.Rejected<List<IlsLoan>> r) {
      return answerTo(r.reason());
    }
    return PinAnswer.right();
  }

  private static PinAnswer answerTo(IlsRejectionReason reason) {
    return switch (reason) {
      case INVALID_PIN -> PinAnswer.wrong();
      case PATRON_NOT_FOUND -> PinAnswer.failed("UNKNOWN_PATRON");
      case ILS_UNAVAILABLE -> PinAnswer.failed("ILS_UNAVAILABLE");
      default -> PinAnswer.failed("ILS_REFUSED");
    };
  }
}
