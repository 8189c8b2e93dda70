package org.shiori.central.ils.sip2;

import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.shiori.central.ils.IlsCheckin;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsConnector;
import org.shiori.central.ils.IlsItem;
import org.shiori.central.ils.IlsLoan;
import org.shiori.central.ils.IlsRejectionReason;
import org.shiori.central.ils.IlsRenewal;
import org.shiori.central.ils.IlsResult;
import org.shiori.central.ils.IlsReturn;
import org.shiori.central.ils.IlsStatus;
import org.shiori.central.ils.IlsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link IlsConnector} for an ILS speaking SIP2 2.00 over TCP or TLS. Thread-safe: calls share
 * a small pool of logged-in connections. Logs message ids and item ids only; card numbers and PINs
 * never.
 */
public final class Sip2Connector implements IlsConnector {
  private static final Logger LOG = LoggerFactory.getLogger(Sip2Connector.class);

  private final Sip2Requests requests;
  private final Sip2Dates dates;
  private final Sip2ConnectionPool pool;
  private final Sip2RefusalDiagnosis diagnosis;

  /** Plain TCP, or TLS with the JVM's default context when the settings ask for TLS. */
  public Sip2Connector(Sip2Settings settings, Clock clock) {
    this(settings, clock, defaultSockets(settings));
  }

  /** TLS with the given context; the settings must ask for TLS. */
  public Sip2Connector(Sip2Settings settings, Clock clock, SSLContext tlsContext) {
    this(settings, clock, tlsSockets(settings, tlsContext));
  }

  /** With a socket factory of one's own. */
  public Sip2Connector(Sip2Settings settings, Clock clock, Sip2SocketFactory sockets) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sockets, "sockets");
    this.dates = new Sip2Dates(clock, settings.timeZone());
    this.requests = new Sip2Requests(settings, dates);
    Sip2Codec codec = Sip2Codec.of(settings);
    long borrowTimeout = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
    this.pool =
        new Sip2ConnectionPool(
            () -> Sip2Connection.open(settings, sockets, codec, requests),
            settings.poolSize(),
            borrowTimeout);
    this.diagnosis = new Sip2RefusalDiagnosis(pool, requests);
  }

  @Override
  public IlsResult<IlsLoan> checkout(IlsCheckout checkout) throws IlsUnavailableException {
    Sip2CirculationResponse answer =
        parse(
            pool.exchange(requests.checkout(checkout), false),
            m -> Sip2CirculationResponse.from(m, Sip2Command.CHECKOUT_RESPONSE));
    if (!answer.ok()) {
      IlsRejectionReason reason =
          diagnosis.reasonFor(
              Sip2RefusalDiagnosis.Transaction.CHECKOUT,
              Optional.of(checkout.patronIdentifier()),
              checkout.patronPin(),
              checkout.itemId());
      return rejected("11 checkout", checkout.itemId(), reason, answer.screenMessage());
    }
    return acceptedLoan("11 checkout", checkout.itemId(), answer);
  }

  @Override
  public IlsResult<IlsReturn> checkin(IlsCheckin checkin) throws IlsUnavailableException {
    Sip2CheckinResponse answer =
        parse(pool.exchange(requests.checkin(checkin), false), Sip2CheckinResponse::from);
    if (!answer.ok()) {
      IlsRejectionReason reason =
          diagnosis.reasonFor(
              Sip2RefusalDiagnosis.Transaction.CHECKIN,
              Optional.empty(),
              Optional.empty(),
              checkin.itemId());
      return rejected("09 checkin", checkin.itemId(), reason, answer.screenMessage());
    }
    IlsReturn taken =
        new IlsReturn(
            answer.itemId().orElse(checkin.itemId()),
            answer.title(),
            answer.permanentLocation(),
            answer.sortBin(),
            Sip2AnswerMapping.returnAlert(answer));
    LOG.info(
        "SIP2 09 checkin item={} accepted, alert {}",
        checkin.itemId(),
        taken.alert().map(Enum::name).orElse("none"));
    return IlsResult.accepted(taken, Optional.empty(), answer.screenMessage());
  }

  @Override
  public IlsResult<IlsLoan> renew(IlsRenewal renewal) throws IlsUnavailableException {
    Sip2CirculationResponse answer =
        parse(
            pool.exchange(requests.renew(renewal), false),
            m -> Sip2CirculationResponse.from(m, Sip2Command.RENEW_RESPONSE));
    if (!answer.ok()) {
      IlsRejectionReason reason =
          diagnosis.reasonFor(
              Sip2RefusalDiagnosis.Transaction.RENEWAL,
              Optional.of(renewal.patronIdentifier()),
              renewal.patronPin(),
              renewal.itemId());
      return rejected("29 renew", renewal.itemId(), reason, answer.screenMessage());
    }
    return acceptedLoan("29 renew", renewal.itemId(), answer);
  }

  @Override
  public IlsResult<List<IlsLoan>> patronLoans(String patronIdentifier, Optional<String> patronPin)
      throws IlsUnavailableException {
    Sip2PatronInformationResponse patron =
        parse(
            pool.exchange(
                requests.patronInformation(
                    patronIdentifier, patronPin, Sip2Requests.SUMMARY_CHARGED_ITEMS),
                true),
            Sip2PatronInformationResponse::from);
    try {
      if (patron.validPatron().equals(Optional.of(false))) {
        LOG.info("SIP2 63 patron information rejected: PATRON_NOT_FOUND");
        return IlsResult.rejected(IlsRejectionReason.PATRON_NOT_FOUND, patron.screenMessage());
      }
      if (patronPin.isPresent() && patron.validPatronPassword().equals(Optional.of(false))) {
        LOG.info("SIP2 63 patron information rejected: INVALID_PIN");
        return IlsResult.rejected(IlsRejectionReason.INVALID_PIN, patron.screenMessage());
      }
      List<IlsLoan> loans = new ArrayList<>();
      for (String itemId : patron.chargedItems()) {
        loans.add(loanDetails(itemId));
      }
      LOG.info("SIP2 63 patron information: {} loans", loans.size());
      return IlsResult.accepted(List.copyOf(loans), Optional.empty(), patron.screenMessage());
    } finally {
      endPatronSession(patronIdentifier, patronPin);
    }
  }

  @Override
  public IlsResult<IlsItem> itemInfo(String itemId) throws IlsUnavailableException {
    Sip2ItemInformationResponse answer = itemInformation(itemId);
    if (answer.unknownItem()) {
      LOG.info("SIP2 17 item information item={}: ITEM_NOT_FOUND", itemId);
      return IlsResult.rejected(IlsRejectionReason.ITEM_NOT_FOUND, answer.screenMessage());
    }
    Optional<LocalDate> due = answer.dueDate().flatMap(dates::parseDueDate);
    IlsItem item =
        new IlsItem(
            answer.itemId().orElse(itemId),
            answer.title(),
            Sip2AnswerMapping.itemStatus(answer.circulationStatus()),
            due,
            answer.permanentLocation());
    return IlsResult.accepted(item, due, answer.screenMessage());
  }

  @Override
  public IlsStatus heartbeat() throws IlsUnavailableException {
    Sip2AcsStatus status = parse(pool.exchange(requests.scStatus(), true), Sip2AcsStatus::from);
    return new IlsStatus(
        status.online(), status.checkoutOk(), status.checkinOk(), status.renewalPolicy());
  }

  @Override
  public void close() {
    pool.close();
  }

  private IlsLoan loanDetails(String itemId) throws IlsUnavailableException {
    Sip2ItemInformationResponse item = itemInformation(itemId);
    return new IlsLoan(itemId, item.title(), item.dueDate().flatMap(dates::parseDueDate));
  }

  private Sip2ItemInformationResponse itemInformation(String itemId)
      throws IlsUnavailableException {
    return parse(
        pool.exchange(requests.itemInformation(itemId), true), Sip2ItemInformationResponse::from);
  }

  private void endPatronSession(String patronIdentifier, Optional<String> patronPin) {
    try {
      Sip2EndSessionResponse.from(
          pool.exchange(requests.endPatronSession(patronIdentifier, patronPin), true));
    } catch (IlsUnavailableException | Sip2ProtocolException e) {
      LOG.info("SIP2 35 end patron session failed: {}", e.getClass().getSimpleName());
    }
  }

  private IlsResult<IlsLoan> acceptedLoan(
      String what, String itemId, Sip2CirculationResponse answer) {
    Optional<LocalDate> due = answer.dueDate().flatMap(dates::parseDueDate);
    if (answer.dueDate().isPresent() && due.isEmpty()) {
      LOG.warn("SIP2 {} item={}: due date AH in a format not understood", what, itemId);
    }
    LOG.info(
        "SIP2 {} item={} accepted, due {}", what, itemId, due.map(Object::toString).orElse("-"));
    return IlsResult.accepted(
        new IlsLoan(answer.itemId().orElse(itemId), answer.title(), due),
        due,
        answer.screenMessage());
  }

  private static <T> IlsResult<T> rejected(
      String what, String itemId, IlsRejectionReason reason, String screenMessage) {
    LOG.info("SIP2 {} item={} rejected: {}", what, itemId, reason);
    return IlsResult.rejected(reason, screenMessage);
  }

  /** Reads an answer's fields; an answer that cannot be read means the ILS is not usable. */
  private static <T> T parse(Sip2Message message, AnswerParser<T> parser)
      throws IlsUnavailableException {
    try {
      return parser.parse(message);
    } catch (Sip2ProtocolException e) {
      throw new IlsUnavailableException("ILS answer not understood: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface AnswerParser<T> {
    T parse(Sip2Message message) throws Sip2ProtocolException;
  }

  private static Sip2SocketFactory defaultSockets(Sip2Settings settings) {
    if (!settings.tls()) {
      return Sip2SocketFactory.plain();
    }
    try {
      return Sip2SocketFactory.tls(SSLContext.getDefault());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("No default TLS context in this JVM", e);
    }
  }

  private static Sip2SocketFactory tlsSockets(Sip2Settings settings, SSLContext context) {
    if (!settings.tls()) {
      throw new Sip2SettingsException("tls", "false", "true when a TLS context is given");
    }
    return Sip2SocketFactory.tls(context);
  }
}
