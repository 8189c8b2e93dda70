package org.shiori.device.messaging;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.PinAnswer;
import org.shiori.protocol.RenewalAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks central for data a device must not keep (a patron's current loans), for changes only central
 * can make (a renewal) and for checks only central can make (a patron's PIN, R-CARD-2), with MQTT 5
 * request/response: the request carries the device's reply topic and a random correlation id; the
 * answer is matched by that id. A request with no answer within the timeout fails, so the kiosk can
 * say "not available offline".
 */
public final class OnlineQueries {
  private static final Logger LOG = LoggerFactory.getLogger(OnlineQueries.class);

  private final MqttLink link;
  private final Duration timeout;
  private final String deviceId;
  private final Map<ByteBuffer, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();

  /**
   * @param link a device link
   * @param timeout how long to wait for central's answer
   */
  public OnlineQueries(MqttLink link, Duration timeout) {
    this.link = link;
    this.timeout = timeout;
    this.deviceId =
        link.settings()
            .deviceId()
            .orElseThrow(() -> new IllegalArgumentException("online queries need a device link"));
  }

  /**
   * Subscribes to the reply topic.
   *
   * @return completes when the broker confirmed the subscription (at once if not yet connected)
   */
  public CompletableFuture<Void> start() {
    return link.subscribe(link.topics().reply(deviceId), 1, this::onReply);
  }

  /**
   * The patron's current loans, or a failed future (link down, timeout). {@code proof} is the card
   * read in this session (and the PIN entered in it), which central checks against {@code patron}
   * (schema version 3); it is sent once and not kept here.
   */
  public CompletableFuture<LoanList> loansOf(PatronKey patron, PatronProof proof) {
    return ask(CentralRequest.loans(patron, proof)).thenApply(OnlineQueries::loanList);
  }

  /** Asks central to renew one of the patron's loans, with the same proof as {@link #loansOf}. */
  public CompletableFuture<RenewalAnswer> renew(PatronKey patron, PatronProof proof, String item) {
    return ask(CentralRequest.renew(patron, proof, item)).thenApply(OnlineQueries::renewalAnswer);
  }

  private static RenewalAnswer renewalAnswer(byte[] payload) {
    try {
      return RenewalAnswer.decode(payload);
    } catch (PayloadException e) {
      LOG.warn("invalid renewal reply rejected: {}", e.getMessage());
      throw new CompletionException(e);
    }
  }

  /**
   * Whether {@code pin} is the patron's PIN, as central says (schema version 2 of the request); a
   * failed future when central cannot be asked or does not answer in time. The PIN is sent once and
   * not kept.
   */
  public CompletableFuture<PinAnswer> checkPin(PatronKey patron, String pin) {
    return ask(CentralRequest.pinCheck(patron, pin)).thenApply(OnlineQueries::pinAnswer);
  }

  private static LoanList loanList(byte[] payload) {
    try {
      return LoanList.decode(payload);
    } catch (PayloadException e) {
      LOG.warn("invalid loans reply rejected: {}", e.getMessage());
      throw new CompletionException(e);
    }
  }

  private static PinAnswer pinAnswer(byte[] payload) {
    try {
      return PinAnswer.decode(payload);
    } catch (PayloadException e) {
      LOG.warn("invalid PIN reply rejected: {}", e.getMessage());
      throw new CompletionException(e);
    }
  }

  private CompletableFuture<byte[]> ask(CentralRequest request) {
    byte[] correlation = uuidBytes(UUID.randomUUID());
    ByteBuffer key = ByteBuffer.wrap(correlation);
    CompletableFuture<byte[]> answer =
        new CompletableFuture<byte[]>().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    waiting.put(key, answer);
    answer.whenComplete((v, e) -> waiting.remove(key));
    link.publish(
            link.topics().cmd(deviceId),
            request.encode(),
            1,
            false,
            Optional.of(link.topics().reply(deviceId)),
            Optional.of(correlation))
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                answer.completeExceptionally(error);
              }
            });
    return answer;
  }

  private void onReply(InboundMessage m) {
    if (m.correlationData().isEmpty()) {
      LOG.warn("reply without correlation data on {} ignored", m.topic());
      return;
    }
    CompletableFuture<byte[]> answer = waiting.get(ByteBuffer.wrap(m.correlationData().get()));
    if (answer == null) {
      LOG.debug("late or unknown reply on {} ignored", m.topic());
      return;
    }
    answer.complete(m.payload());
  }

  private static byte[] uuidBytes(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }
}
