package org.shiori.central.ingest;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.central.loans.DeviceRateLimit;
import org.shiori.central.loans.PatronLoans;
import org.shiori.central.loans.PatronPresence;
import org.shiori.central.loans.PinChecks;
import org.shiori.central.mqtt.CentralLink;
import org.shiori.central.mqtt.Inbound;
import org.shiori.central.mqtt.PublishException;
import org.shiori.central.sync.SyncPublisher;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.PinAnswer;
import org.shiori.protocol.RenewalAnswer;
import org.shiori.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers devices' requests on {@code lib/{tenant}/dev/{id}/cmd}: a resync with a snapshot on the
 * asking device's own sync topic; a loans look-up or a renewal only on the asking device's own
 * reply topic, only for a device central has registered (a birth message came from it), within the
 * device's rate, and only for the patron at the kiosk (the card proof of schema version 3, checked
 * by {@link PatronPresence}); a PIN check on the same terms, the PIN its own proof ({@link
 * PinChecks}). Card numbers and PINs are never logged.
 */
public final class RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

  private final Topics topics;
  private final CentralLink link;
  private final SyncPublisher sync;
  private final DeviceRegistry devices;
  private final DeviceRateLimit rate;
  private final PatronPresence presence;
  private final PatronLoans loans;
  private final PinChecks pins;
  private final AtomicLong refused = new AtomicLong();

  public RequestHandler(
      Topics topics,
      CentralLink link,
      SyncPublisher sync,
      DeviceRegistry devices,
      DeviceRateLimit rate,
      PatronPresence presence,
      PatronLoans loans,
      PinChecks pins) {
    this.topics = topics;
    this.link = link;
    this.sync = sync;
    this.devices = devices;
    this.rate = rate;
    this.presence = presence;
    this.loans = loans;
    this.pins = pins;
  }

  /** Requests refused: invalid, misaddressed, unregistered, over the rate or without proof. */
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
      case LOANS, RENEW -> answerPatron(device.get(), request, m);
      case PIN -> answerPin(device.get(), request, m);
    }
  }

  /** A device may only have answers sent to its own reply topic, never another device's. */
  private boolean ownReplyTopic(String device, Inbound m, String what) {
    if (m.responseTopic().isEmpty()
        || !m.responseTopic().get().equals(topics.reply(device))
        || m.correlationData().isEmpty()) {
      refused.incrementAndGet();
      LOG.warn(
          "{} request of {} without its own reply topic and correlation refused", what, device);
      return false;
    }
    return true;
  }

  private void answerPin(String device, CentralRequest request, Inbound m) {
    if (!ownReplyTopic(device, m, "PIN")) {
      return;
    }
    // A PIN check is an oracle for guessing: the same device rate as loans look-ups.
    Optional<String> refusal = refusal(device, request, "PIN");
    PinAnswer answer;
    if (refusal.isPresent()) {
      refused.incrementAndGet();
      answer = PinAnswer.failed(refusal.get());
    } else {
      answer = pins.check(request.patron().orElseThrow(), request.pin().orElseThrow());
      LOG.info("PIN check of {}: {}", device, answer.status());
    }
    send(device, "PIN", m, answer.encode());
  }

  private void send(String device, String what, Inbound m, byte[] answer) {
    try {
      link.publish(m.responseTopic().get(), answer, m.correlationData());
    } catch (PublishException e) {
      LOG.warn("{} answer to {} not sent: {}", what, device, e.getMessage());
    }
  }

  private void answerPatron(String device, CentralRequest request, Inbound m) {
    String what = request.kind() == CentralRequest.Kind.LOANS ? "loans" : "renewal";
    if (!ownReplyTopic(device, m, what)) {
      return;
    }
    Optional<String> refusal = refusal(device, request, what);
    byte[] answer;
    if (refusal.isPresent()) {
      refused.incrementAndGet();
      answer = failed(request, refusal.get());
    } else {
      PatronPresence.Verdict verdict = presence.check(request);
      if (verdict instanceof PatronPresence.Refused r) {
        refused.incrementAndGet();
        LOG.warn(
            "{} request of {} (schema version {}) refused: {}",
            what,
            device,
            request.schemaVersion(),
            r.reason());
        answer = failed(request, r.reason());
      } else {
        PatronPresence.Proven proven = (PatronPresence.Proven) verdict;
        answer =
            request.kind() == CentralRequest.Kind.LOANS
                ? loans.loansOf(proven).encode()
                : loans.renew(proven, request.itemId().orElseThrow()).encode();
      }
    }
    send(device, what, m, answer);
  }

  /** Refusals before the proof is looked at: an unregistered device, one asking too often. */
  private Optional<String> refusal(String device, CentralRequest request, String what) {
    if (devices.device(device).isEmpty()) {
      LOG.warn("{} request of unregistered device {} refused", what, device);
      return Optional.of("UNKNOWN_DEVICE");
    }
    if (!rate.allow(device)) {
      LOG.warn("{} request of {} refused: over its rate", what, device);
      return Optional.of("RATE_LIMITED");
    }
    return Optional.empty();
  }

  private static byte[] failed(CentralRequest request, String reason) {
    return request.kind() == CentralRequest.Kind.LOANS
        ? LoanList.failed(reason).encode()
        : RenewalAnswer.failed(request.itemId().orElseThrow(), reason).encode();
  }
}
