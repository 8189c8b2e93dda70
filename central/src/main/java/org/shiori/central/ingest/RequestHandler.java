package org.shiori.central.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.central.ils.IlsConnector;
import org.shiori.central.ils.IlsLoan;
import org.shiori.central.ils.IlsResult;
import org.shiori.central.ils.IlsUnavailableException;
import org.shiori.central.mqtt.CentralLink;
import org.shiori.central.mqtt.Inbound;
import org.shiori.central.mqtt.PublishException;
import org.shiori.central.sync.SyncPublisher;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers devices' requests on {@code lib/{tenant}/dev/{id}/cmd}: a resync with a snapshot on the
 * asking device's own sync topic; a loans look-up on the asking device's own reply topic only, and
 * only for a device central has registered (a birth message came from it).
 */
public final class RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

  /** Where a patron's loans come from: central's record, or the ILS. */
  @FunctionalInterface
  public interface LoansSource {
    /** The loans, or empty when the patron is not known. */
    Optional<List<LoanList.Loan>> loansOf(PatronKey patron) throws IlsUnavailableException;
  }

  private final Topics topics;
  private final CentralLink link;
  private final SyncPublisher sync;
  private final DeviceRegistry devices;
  private final LoansSource loans;
  private final AtomicLong refused = new AtomicLong();

  public RequestHandler(
      Topics topics,
      CentralLink link,
      SyncPublisher sync,
      DeviceRegistry devices,
      LoansSource loans) {
    this.topics = topics;
    this.link = link;
    this.sync = sync;
    this.devices = devices;
    this.loans = loans;
  }

  public long refused() {
    return refused.get();
  }

  public void handle(Inbound m) {
    Optional<String> device = topics.deviceOf(m.topic());
    if (device.isEmpty() || !m.topic().equals(topics.cmd(device.get()))) {
      refused.incrementAndGet();
      return;
    }
    CentralRequest request;
    try {
      request = CentralRequest.decode(m.payload());
    } catch (PayloadException e) {
      refused.incrementAndGet();
      LOG.warn("invalid request on {} refused: {}", m.topic(), e.getMessage());
      return;
    }
    switch (request.kind()) {
      case RESYNC -> sync.resync(device.get(), request.dataset().orElseThrow());
      case LOANS -> answerLoans(device.get(), request.patron().orElseThrow(), m);
    }
  }

  private void answerLoans(String device, PatronKey patron, Inbound m) {
    // A device may only have answers sent to its own reply topic, never another device's.
    if (m.responseTopic().isEmpty()
        || !m.responseTopic().get().equals(topics.reply(device))
        || m.correlationData().isEmpty()) {
      refused.incrementAndGet();
      LOG.warn("loans request of {} without its own reply topic and correlation refused", device);
      return;
    }
    LoanList answer;
    if (devices.device(device).isEmpty()) {
      refused.incrementAndGet();
      LOG.warn("loans request of unregistered device {} refused", device);
      answer = LoanList.failed("UNKNOWN_DEVICE");
    } else {
      try {
        answer = loans.loansOf(patron).map(LoanList::of).orElse(LoanList.failed("UNKNOWN_PATRON"));
      } catch (IlsUnavailableException e) {
        answer = LoanList.failed("ILS_UNAVAILABLE");
      }
    }
    try {
      link.publish(m.responseTopic().get(), answer.encode(), m.correlationData());
    } catch (PublishException e) {
      LOG.warn("loans answer to {} not sent: {}", device, e.getMessage());
    }
  }

  /** Loans from an ILS connector, asked with the patron identifier it knows. */
  public static List<LoanList.Loan> toLoans(IlsResult<List<IlsLoan>> result) {
    List<LoanList.Loan> out = new ArrayList<>();
    if (result instanceof IlsResult.Accepted<List<IlsLoan>> a) {
      for (IlsLoan l : a.value()) {
        if (l.dueDate().isPresent()) {
          out.add(new LoanList.Loan(l.itemId(), l.title().orElse(l.itemId()), l.dueDate().get()));
        }
      }
    }
    return out;
  }

  /** The standalone way: central's record of loans, for a patron central knows. */
  public static LoansSource fromConnector(
      IlsConnector connector, java.util.function.Function<PatronKey, Optional<String>> identifier) {
    return patron -> {
      Optional<String> id = identifier.apply(patron);
      if (id.isEmpty()) {
        return Optional.empty();
      }
      IlsResult<List<IlsLoan>> r = connector.patronLoans(id.get(), Optional.empty());
      return r.isAccepted() ? Optional.of(toLoans(r)) : Optional.empty();
    };
  }
}
