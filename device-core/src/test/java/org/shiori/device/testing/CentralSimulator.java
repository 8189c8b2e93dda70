package org.shiori.device.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.device.messaging.InboundMessage;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.PacedPublisher;
import org.shiori.device.messaging.PacedPublisher.Outgoing;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.DeviceEvent;
import org.shiori.protocol.DeviceState;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.PinAnswer;
import org.shiori.protocol.RenewalAnswer;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.SyncMessage;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionAck;
import org.shiori.protocol.TransactionCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the library's central system, for the demo and the tests. It consumes the
 * transactions of all devices of a tenant through the MQTT 5 shared subscription {@code
 * $share/central/lib/{tenant}/dev/+/tx} (start several to scale out; they may share nothing but the
 * broker when each device's transactions go to one of them), de-duplicates by transaction id,
 * checks each device's sequence, and acknowledges every transaction on the device's {@code ack}
 * topic. It keeps its own records in memory, including the demo card numbers, which no device ever
 * sees; it publishes numbered deltas on every change and answers resync and loans requests.
 */
public final class CentralSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralSimulator.class);
  private static final int SNAPSHOT_CHUNK = 200;
  private static final int MAX_EVENTS = 1000;

  private final MqttLink link;
  private final Clock clock;
  private final Topics topics;
  private final CentralRecords records;
  private final SyncCodec syncCodec;
  private final TransactionCodec txCodec = new TransactionCodec();
  private final PacedPublisher sender;

  private final Object lock = new Object();
  private final Map<UUID, ReceivedTransaction> byId = new HashMap<>();
  private final List<ReceivedTransaction> arrival = new ArrayList<>();
  private final Map<String, Long> lastSequence = new HashMap<>();
  private final Map<String, Map<String, LocalDate>> loansByPatron = new HashMap<>();
  private final Map<String, String> pins = new HashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger pinChecks =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, String> borrowerOfItem = new HashMap<>();
  private final java.util.Set<String> renewedOnce = new java.util.HashSet<>();
  private final java.util.concurrent.atomic.AtomicInteger proofsWithPin =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, PatronKey> cards = new HashMap<>();
  private final Map<String, DeviceState> deviceStates = new TreeMap<>();
  private final Deque<DeviceEvent> events = new ArrayDeque<>();
  private final List<Consumer<ReceivedTransaction>> receiveListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();

  /**
   * @param link a service link ({@code MqttLinkSettings.service}), not yet started or started
   * @param clock central's clock
   */
  public CentralSimulator(MqttLink link, Clock clock) {
    this.link = link;
    this.clock = clock;
    this.topics = link.topics();
    this.records = new CentralRecords(topics.tenant());
    this.syncCodec = new SyncCodec(topics.tenant());
    this.sender = new PacedPublisher(link, 10, 200_000);
  }

  /** Subscribes to transactions, requests, states and events of all devices of the tenant. */
  public void start() {
    link.subscribe(topics.sharedAllDevices("tx"), 1, this::onTransaction);
    link.subscribe(topics.sharedAllDevices("cmd"), 1, this::onRequest);
    link.subscribe(topics.allDevices("state"), 1, this::onState);
    link.subscribe(topics.allDevices("event"), 1, this::onEvent);
  }

  /** Every transaction received, once, in arrival order. */
  public List<ReceivedTransaction> received() {
    synchronized (lock) {
      return List.copyOf(arrival);
    }
  }

  /**
   * Told of each newly received transaction (not of duplicates), on the MQTT delivery thread, e.g.
   * to push it to the demo page.
   */
  public void addReceiveListener(Consumer<ReceivedTransaction> listener) {
    receiveListeners.add(listener);
  }

  /** Transactions received again (after a reconnect or ack timeout) and answered again. */
  public long duplicatesIgnored() {
    return duplicates.get();
  }

  /** Payloads refused by validation. */
  public long invalidMessages() {
    return invalid.get();
  }

  /** Last birth or death of each device. */
  public Map<String, DeviceState> deviceStates() {
    synchronized (lock) {
      return Map.copyOf(deviceStates);
    }
  }

  /** Recent device events, oldest first. */
  public List<DeviceEvent> events() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  /** Registers a demo card: the card number stays here, devices get only the patron snapshot. */
  public void registerCard(String cardNumber, PatronSnapshot patron) {
    synchronized (lock) {
      cards.put(cardNumber, patron.key());
    }
    putPatron(patron);
  }

  /** The patron key of a demo card, for the simulator's own pages. */
  public Optional<PatronKey> patronOfCard(String cardNumber) {
    synchronized (lock) {
      return Optional.ofNullable(cards.get(cardNumber));
    }
  }

  public void putItem(ItemRecord item) {
    synchronized (records) {
      broadcast(records.putItem(item));
    }
  }

  public void putPatron(PatronSnapshot patron) {
    synchronized (records) {
      broadcast(records.putPatron(patron));
    }
  }

  /** Sets or lifts a staff block (R-BLOCK-2); checkouts for a blocked patron are rejected. */
  public void setStaffBlock(PatronKey key, boolean blocked) {
    synchronized (records) {
      PatronSnapshot p =
          records
              .patron(key)
              .orElseThrow(() -> new IllegalArgumentException("unknown patron " + key));
      broadcast(
          records.putPatron(
              new PatronSnapshot(
                  p.key(),
                  p.category(),
                  p.expiry(),
                  blocked,
                  p.overdue(),
                  p.loansByMaterial(),
                  p.illThisFiscalYear(),
                  p.illOnLoan(),
                  p.holdsAndRequests(),
                  p.groupConfirmedOn(),
                  p.homeBranch())));
    }
  }

  /** Erases a patron everywhere (P-ERASE-3). */
  public void removePatron(PatronKey key) {
    synchronized (records) {
      broadcast(records.removePatron(key));
    }
  }

  public void putHold(HoldRecord hold) {
    synchronized (records) {
      broadcast(records.putHold(hold));
    }
  }

  public void removeHold(String itemId) {
    synchronized (records) {
      broadcast(records.removeHold(itemId));
    }
  }

  /** Publishes a new version of the policy or calendar document (YAML). */
  public void putDocument(Dataset dataset, String yaml) {
    synchronized (records) {
      broadcast(records.putDocument(dataset, yaml));
    }
  }

  /** The current version of a data set. */
  public long version(Dataset dataset) {
    return records.version(dataset);
  }

  /** Broadcasts a snapshot of every data set (e.g. at start-up of the demo). */
  public void publishSnapshots() {
    synchronized (records) {
      for (Dataset d : Dataset.values()) {
        for (SyncMessage m : records.snapshot(d, SNAPSHOT_CHUNK)) {
          broadcast(m);
        }
      }
    }
  }

  @Override
  public void close() {
    sender.close();
  }

  private void broadcast(SyncMessage m) {
    sender.send(Outgoing.of(topics.sync(m.dataset()), syncCodec.encode(m)));
  }

  private void onTransaction(InboundMessage m) {
    Optional<String> device = topics.deviceOf(m.topic());
    SequencedTransaction st;
    try {
      st = txCodec.decode(m.payload());
    } catch (PayloadException e) {
      invalid.incrementAndGet();
      LOG.warn("invalid transaction on {} refused: {}", m.topic(), e.getMessage());
      return;
    }
    if (device.isEmpty()) {
      return;
    }
    Transaction t = st.transaction();
    if (!t.deviceId().equals(device.get())) {
      LOG.warn("transaction {} names another device than its topic {}", t.id(), m.topic());
      ack(device.get(), TransactionAck.reject(t.id(), "DEVICE_MISMATCH"));
      return;
    }
    Optional<TransactionAck> answer;
    ReceivedTransaction fresh = null;
    synchronized (lock) {
      int before = arrival.size();
      answer = decide(device.get(), st);
      if (arrival.size() > before) {
        fresh = arrival.get(before);
      }
    }
    answer.ifPresent(a -> ack(device.get(), a));
    if (fresh != null) {
      for (Consumer<ReceivedTransaction> l : receiveListeners) {
        l.accept(fresh);
      }
    }
  }

  /** Returns the ack to send, or empty to stay silent (a gap: the device will send again). */
  private Optional<TransactionAck> decide(String device, SequencedTransaction st) {
    Transaction t = st.transaction();
    ReceivedTransaction known = byId.get(t.id());
    if (known != null) {
      duplicates.incrementAndGet();
      return Optional.of(ackOf(known));
    }
    long last = lastSequence.getOrDefault(device, 0L);
    if (st.pendingFrom() - 1 > last) {
      // The device holds answers for everything below pendingFrom: this central forgot them
      // (the simulator keeps no state across restarts) or never met the device.
      LOG.info("{} reports sequences up to {} answered", device, st.pendingFrom() - 1);
      last = st.pendingFrom() - 1;
      lastSequence.put(device, last);
    }
    if (st.sequence() <= last) {
      LOG.warn("{} reused sequence {} for a new transaction", device, st.sequence());
      return Optional.of(TransactionAck.reject(t.id(), "SEQUENCE_REUSED"));
    }
    if (st.sequence() > last + 1) {
      LOG.info(
          "{} sequence {} after {}: waiting for the missing ones", device, st.sequence(), last);
      return Optional.empty();
    }
    Optional<String> reason = rejectionReason(t);
    ReceivedTransaction r =
        new ReceivedTransaction(st.sequence(), t, clock.instant(), reason.isEmpty(), reason);
    byId.put(t.id(), r);
    arrival.add(r);
    lastSequence.put(device, st.sequence());
    if (reason.isEmpty()) {
      applyToLoans(t);
    }
    return Optional.of(ackOf(r));
  }

  private Optional<String> rejectionReason(Transaction t) {
    if (t.type() == TransactionType.CHECKOUT) {
      Optional<PatronSnapshot> p = records.patron(t.patron().orElseThrow());
      if (p.isPresent() && p.get().staffBlock()) {
        return Optional.of("PATRON_BLOCKED");
      }
    }
    return Optional.empty();
  }

  private void applyToLoans(Transaction t) {
    String previous = borrowerOfItem.remove(t.itemId());
    if (previous != null) {
      loansByPatron.getOrDefault(previous, new HashMap<>()).remove(t.itemId());
    }
    ItemStatus status = ItemStatus.AVAILABLE;
    if (t.type() == TransactionType.CHECKOUT) {
      String patron = t.patron().orElseThrow().value();
      borrowerOfItem.put(t.itemId(), patron);
      loansByPatron
          .computeIfAbsent(patron, k -> new LinkedHashMap<>())
          .put(t.itemId(), t.dueDate().orElseThrow());
      status = ItemStatus.ON_LOAN;
    }
    ItemStatus newStatus = status;
    records.item(t.itemId()).ifPresent(i -> putItem(i.withStatus(newStatus)));
  }

  private static TransactionAck ackOf(ReceivedTransaction r) {
    return r.accepted()
        ? TransactionAck.accept(r.transaction().id())
        : TransactionAck.reject(r.transaction().id(), r.reason().orElseThrow());
  }

  private void ack(String device, TransactionAck ack) {
    sender.send(Outgoing.of(topics.ack(device), ack.encode()));
  }

  private void onRequest(InboundMessage m) {
    Optional<String> device = topics.deviceOf(m.topic());
    CentralRequest request;
    try {
      request = CentralRequest.decode(m.payload());
    } catch (PayloadException e) {
      invalid.incrementAndGet();
      LOG.warn("invalid request on {} refused: {}", m.topic(), e.getMessage());
      return;
    }
    if (device.isEmpty()) {
      return;
    }
    switch (request.kind()) {
      case RESYNC -> resync(device.get(), request.dataset().orElseThrow());
      case LOANS -> answerLoans(device.get(), request, m);
      case RENEW -> answerRenewal(device.get(), request, m);
      case PIN ->
          answerPin(device.get(), request.patron().orElseThrow(), request.pin().orElseThrow(), m);
    }
  }

  private void resync(String device, Dataset d) {
    synchronized (records) {
      List<SyncMessage> chunks = records.snapshot(d, SNAPSHOT_CHUNK);
      LOG.info("resync of {} for {}: {} chunks", d, device, chunks.size());
      for (SyncMessage c : chunks) {
        sender.send(Outgoing.of(topics.deviceSync(device, d), syncCodec.encode(c)));
      }
    }
  }

  /** Sets the PIN central knows for a patron (kept here in the clear: a test double). */
  public void setPin(PatronKey patron, String pin) {
    synchronized (lock) {
      pins.put(patron.value(), pin);
    }
  }

  /** How many PIN checks central answered. */
  public int pinChecks() {
    return pinChecks.get();
  }

  private void answerPin(String device, PatronKey patron, String pin, InboundMessage m) {
    if (m.responseTopic().isEmpty()
        || !m.responseTopic().get().equals(topics.reply(device))
        || m.correlationData().isEmpty()) {
      invalid.incrementAndGet();
      LOG.warn("PIN check of {} without its own reply topic and correlation refused", device);
      return;
    }
    PinAnswer answer;
    synchronized (lock) {
      String known = pins.get(patron.value());
      if (records.patron(patron).isEmpty() || known == null) {
        answer = PinAnswer.failed("UNKNOWN_PATRON");
      } else {
        answer =
            java.security.MessageDigest.isEqual(
                    known.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                ? PinAnswer.right()
                : PinAnswer.wrong();
      }
    }
    pinChecks.incrementAndGet();
    sender.send(
        new Outgoing(
            m.responseTopic().get(),
            answer.encode(),
            1,
            false,
            Optional.empty(),
            m.correlationData()));
  }

  /** Loans and renewal requests whose proof carried a PIN (the PIN itself is not kept). */
  public int proofsWithPin() {
    return proofsWithPin.get();
  }

  /** Why a loans or renewal request does not show the patron at the kiosk; empty when it does. */
  private Optional<String> proofRefusal(CentralRequest request) {
    if (request.proof().isEmpty()) {
      return Optional.of("PROOF_REQUIRED");
    }
    if (request.proof().get().pin().isPresent()) {
      proofsWithPin.incrementAndGet();
    }
    PatronKey card = cards.get(request.proof().get().cardNumber());
    if (card == null || !card.equals(request.patron().orElseThrow())) {
      return Optional.of("PROOF_INVALID");
    }
    return Optional.empty();
  }

  private boolean ownReplyTopic(String device, InboundMessage m) {
    // A device may only ask for answers on its own reply topic, never another device's.
    if (m.responseTopic().isEmpty()
        || !m.responseTopic().get().equals(topics.reply(device))
        || m.correlationData().isEmpty()) {
      invalid.incrementAndGet();
      LOG.warn("request of {} without its own reply topic and correlation refused", device);
      return false;
    }
    return true;
  }

  private void reply(InboundMessage m, byte[] payload) {
    sender.send(
        new Outgoing(
            m.responseTopic().get(), payload, 1, false, Optional.empty(), m.correlationData()));
  }

  private void answerLoans(String device, CentralRequest request, InboundMessage m) {
    if (!ownReplyTopic(device, m)) {
      return;
    }
    PatronKey patron = request.patron().orElseThrow();
    LoanList answer;
    synchronized (lock) {
      Optional<String> refusal = proofRefusal(request);
      if (refusal.isPresent()) {
        answer = LoanList.failed(refusal.get());
      } else if (records.patron(patron).isEmpty()) {
        answer = LoanList.failed("UNKNOWN_PATRON");
      } else {
        List<LoanList.Loan> loans = new ArrayList<>();
        loansByPatron
            .getOrDefault(patron.value(), Map.of())
            .forEach(
                (itemId, due) ->
                    loans.add(
                        new LoanList.Loan(
                            itemId,
                            records.item(itemId).map(ItemRecord::title).orElse(itemId),
                            due)));
        answer = LoanList.of(loans);
      }
    }
    reply(m, answer.encode());
  }

  /** The simulator renews a loan once, to 14 days from central's today. */
  private void answerRenewal(String device, CentralRequest request, InboundMessage m) {
    if (!ownReplyTopic(device, m)) {
      return;
    }
    String itemId = request.itemId().orElseThrow();
    String patron = request.patron().orElseThrow().value();
    RenewalAnswer answer;
    synchronized (lock) {
      Optional<String> refusal = proofRefusal(request);
      Map<String, LocalDate> loans = loansByPatron.getOrDefault(patron, new HashMap<>());
      if (refusal.isPresent()) {
        answer = RenewalAnswer.failed(itemId, refusal.get());
      } else if (!loans.containsKey(itemId)) {
        answer = RenewalAnswer.refused(itemId, "NOT_YOUR_LOAN");
      } else if (!renewedOnce.add(itemId)) {
        answer = RenewalAnswer.refused(itemId, "RENEWAL_LIMIT");
      } else {
        LocalDate due = LocalDate.now(clock).plusDays(14);
        loans.put(itemId, due);
        answer = RenewalAnswer.renewed(itemId, due);
      }
    }
    reply(m, answer.encode());
  }

  private void onState(InboundMessage m) {
    try {
      DeviceState s = DeviceState.decode(m.payload());
      synchronized (lock) {
        DeviceState old = deviceStates.get(s.deviceId());
        // A death that arrives after a newer birth (e.g. retained will of an older connection)
        // must not mark the device offline.
        if (old == null
            || s.boot() > old.boot()
            || (s.boot() == old.boot() && s.seq() >= old.seq())) {
          deviceStates.put(s.deviceId(), s);
        }
      }
    } catch (PayloadException e) {
      invalid.incrementAndGet();
      LOG.warn("invalid state on {} refused: {}", m.topic(), e.getMessage());
    }
  }

  private void onEvent(InboundMessage m) {
    try {
      DeviceEvent e = DeviceEvent.decode(m.payload());
      synchronized (lock) {
        if (events.size() >= MAX_EVENTS) {
          events.pollFirst();
        }
        events.addLast(e);
      }
    } catch (PayloadException e) {
      invalid.incrementAndGet();
      LOG.warn("invalid event on {} refused: {}", m.topic(), e.getMessage());
    }
  }
}
