package org.shiori.central.ils;

import java.util.List;
import java.util.Optional;

/**
 * One connection to the library's integrated library system (ILS), whatever protocol it speaks.
 *
 * <p>Every circulation call answers with an {@link IlsResult}: accepted, or rejected with a reason
 * and the ILS's screen message for staff. A rejection means the ILS was reached and said no. When
 * the ILS cannot be reached, times out or answers garbage, the call throws {@link
 * IlsUnavailableException} instead: the caller keeps the transaction and retries it later.
 *
 * <p>A value the protocol cannot carry (for SIP2: one holding the field delimiter, CR or LF, or a
 * character the configured character set cannot encode) throws {@link IllegalArgumentException}
 * before anything is sent.
 */
public interface IlsConnector extends AutoCloseable {

  /** Lends an item to a patron. */
  IlsResult<IlsLoan> checkout(IlsCheckout checkout) throws IlsUnavailableException;

  /** Takes an item back. */
  IlsResult<IlsReturn> checkin(IlsCheckin checkin) throws IlsUnavailableException;

  /** Extends a patron's loan of an item. */
  IlsResult<IlsLoan> renew(IlsRenewal renewal) throws IlsUnavailableException;

  /**
   * The items a patron has on loan, with title and due date where the ILS knows them.
   *
   * @param patronIdentifier the patron's card number
   * @param patronPin the patron's PIN where the ILS wants one checked
   */
  IlsResult<List<IlsLoan>> patronLoans(String patronIdentifier, Optional<String> patronPin)
      throws IlsUnavailableException;

  /** What the ILS knows about one item. */
  IlsResult<IlsItem> itemInfo(String itemId) throws IlsUnavailableException;

  /** Asks the ILS whether it is up and what it allows now. */
  IlsStatus heartbeat() throws IlsUnavailableException;

  /** Closes every connection to the ILS. */
  @Override
  void close();
}
