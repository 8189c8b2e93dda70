package org.shiori.central.ils.sip2;

import java.util.List;
import java.util.Optional;
import org.shiori.central.ils.IlsRejectionReason;
import org.shiori.central.ils.IlsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP2 says only "ok=0" when it refuses a checkout, checkin or renewal. This asks the ILS a few
 * questions that change nothing (99 status, 63 patron information, 17 item information) to name the
 * reason. When those fail too, the reason is {@link IlsRejectionReason#ILS_REFUSED}.
 */
final class Sip2RefusalDiagnosis {
  private static final Logger LOG = LoggerFactory.getLogger(Sip2RefusalDiagnosis.class);

  private static final List<Integer> CHECKOUT_BLOCKS =
      List.of(
          Sip2PatronInformationResponse.CHARGE_PRIVILEGES_DENIED,
          Sip2PatronInformationResponse.CARD_REPORTED_LOST,
          Sip2PatronInformationResponse.TOO_MANY_ITEMS_CHARGED,
          Sip2PatronInformationResponse.TOO_MANY_ITEMS_OVERDUE,
          Sip2PatronInformationResponse.TOO_MANY_ITEMS_LOST,
          Sip2PatronInformationResponse.EXCESSIVE_FINES,
          Sip2PatronInformationResponse.EXCESSIVE_FEES,
          Sip2PatronInformationResponse.RECALL_OVERDUE,
          Sip2PatronInformationResponse.TOO_MANY_ITEMS_BILLED);

  private static final List<Integer> RENEWAL_BLOCKS =
      List.of(
          Sip2PatronInformationResponse.RENEWAL_PRIVILEGES_DENIED,
          Sip2PatronInformationResponse.CARD_REPORTED_LOST,
          Sip2PatronInformationResponse.TOO_MANY_RENEWALS);

  /** What is being diagnosed. */
  enum Transaction {
    CHECKOUT,
    CHECKIN,
    RENEWAL
  }

  private final Sip2Exchange sip2;
  private final Sip2Requests requests;

  Sip2RefusalDiagnosis(Sip2Exchange sip2, Sip2Requests requests) {
    this.sip2 = sip2;
    this.requests = requests;
  }

  /**
   * The reason for a refusal.
   *
   * @param patronIdentifier empty for a checkin
   */
  IlsRejectionReason reasonFor(
      Transaction transaction,
      Optional<String> patronIdentifier,
      Optional<String> patronPin,
      String itemId) {
    try {
      Sip2AcsStatus status = Sip2AcsStatus.from(sip2.exchange(requests.scStatus(), true));
      if (!allows(status, transaction)) {
        return IlsRejectionReason.ILS_UNAVAILABLE;
      }
      if (patronIdentifier.isPresent()) {
        Optional<IlsRejectionReason> patron =
            patronReason(transaction, patronIdentifier.get(), patronPin);
        if (patron.isPresent()) {
          return patron.get();
        }
      }
      return itemReason(transaction, itemId).orElse(IlsRejectionReason.ILS_REFUSED);
    } catch (IlsUnavailableException | Sip2ProtocolException e) {
      LOG.info(
          "Could not ask the ILS why it refused item {}: {}", itemId, e.getClass().getSimpleName());
      return IlsRejectionReason.ILS_REFUSED;
    }
  }

  private static boolean allows(Sip2AcsStatus status, Transaction transaction) {
    if (!status.online()) {
      return false;
    }
    switch (transaction) {
      case CHECKOUT:
        return status.checkoutOk();
      case CHECKIN:
        return status.checkinOk();
      default:
        return status.renewalPolicy();
    }
  }

  private Optional<IlsRejectionReason> patronReason(
      Transaction transaction, String patronIdentifier, Optional<String> patronPin)
      throws IlsUnavailableException, Sip2ProtocolException {
    Sip2PatronInformationResponse patron =
        Sip2PatronInformationResponse.from(
            sip2.exchange(
                requests.patronInformation(patronIdentifier, patronPin, Sip2Requests.SUMMARY_NONE),
                true));
    if (patron.validPatron().equals(Optional.of(false))) {
      return Optional.of(IlsRejectionReason.PATRON_NOT_FOUND);
    }
    if (patronPin.isPresent() && patron.validPatronPassword().equals(Optional.of(false))) {
      return Optional.of(IlsRejectionReason.INVALID_PIN);
    }
    List<Integer> blocks = transaction == Transaction.RENEWAL ? RENEWAL_BLOCKS : CHECKOUT_BLOCKS;
    for (int position : blocks) {
      if (patron.restricted(position)) {
        return Optional.of(IlsRejectionReason.PATRON_BLOCKED);
      }
    }
    return Optional.empty();
  }

  private Optional<IlsRejectionReason> itemReason(Transaction transaction, String itemId)
      throws IlsUnavailableException, Sip2ProtocolException {
    Sip2ItemInformationResponse item =
        Sip2ItemInformationResponse.from(sip2.exchange(requests.itemInformation(itemId), true));
    if (item.unknownItem()) {
      return Optional.of(IlsRejectionReason.ITEM_NOT_FOUND);
    }
    if (transaction == Transaction.CHECKOUT && item.onLoan()) {
      return Optional.of(IlsRejectionReason.ALREADY_ON_LOAN);
    }
    if (transaction != Transaction.CHECKOUT && !item.onLoan()) {
      return Optional.of(IlsRejectionReason.NOT_CHECKED_OUT);
    }
    return Optional.empty();
  }
}
