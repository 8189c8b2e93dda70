package org.shiori.central.app;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.forward.IlsForwarder;
import org.shiori.central.forward.PatronCards;
import org.shiori.central.ils.IlsConnector;
import org.shiori.central.ils.StandaloneConnector;
import org.shiori.central.ils.sip2.Sip2Connector;
import org.shiori.central.ingest.DeviceRegistry;
import org.shiori.central.ingest.IngestWorkers;
import org.shiori.central.ingest.ReceivedTransaction;
import org.shiori.central.ingest.RequestHandler;
import org.shiori.central.ingest.SequenceConflicts;
import org.shiori.central.ingest.StaffLog;
import org.shiori.central.ingest.StaffLog.Source;
import org.shiori.central.ingest.TransactionBatcher;
import org.shiori.central.ingest.TransactionIngest;
import org.shiori.central.loans.DeviceRateLimit;
import org.shiori.central.loans.PatronLoans;
import org.shiori.central.loans.PatronPresence;
import org.shiori.central.loans.PinChecks;
import org.shiori.central.mqtt.CentralLink;
import org.shiori.central.mqtt.Inbound;
import org.shiori.central.mqtt.NoDelaySockets;
import org.shiori.central.mqtt.PemTls;
import org.shiori.central.mqtt.PublishException;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.store.DatabaseException;
import org.shiori.central.sync.Datasets;
import org.shiori.central.sync.LibraryData;
import org.shiori.central.sync.SyncPublisher;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.DeviceEvent;
import org.shiori.protocol.DeviceState;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One central instance: its database, its MQTT link with the shared subscriptions of the {@code
 * central} group, the ingest, the request handler, the sync publisher and, for an ILS connector,
 * the forwarder. Several instances may run against one broker and one PostgreSQL database.
 */
public final class CentralService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralService.class);
  private static final int GAP_LOOKS = 10;
  private static final long GAP_PAUSE_MS = 10;

  /** At most this many transactions in one commit: below the receive maximum of the link. */
  private static final int MAX_BATCH = 64;

  private final CentralConfig config;
  private final Clock clock;
  private final Topics topics;
  private final CentralDatabase db;
  private final CentralLink link;
  private final Datasets datasets;
  private final TransactionIngest ingest;
  private final DeviceRegistry devices;
  private final SyncPublisher sync;
  private final LibraryData library;
  private final PatronCards cards;
  private final StaffLog staff = new StaffLog();
  private final IngestWorkers workers;
  private final TransactionBatcher<CentralLink.Delivery> batches;
  private final IlsConnector connector;
  private final Optional<IlsForwarder> forwarder;
  private final RequestHandler requests;
  private final SequenceConflicts conflicts;
  private final Optional<FileImportJob> fileImport;
  private final RetentionJob retention;
  private final List<Consumer<ReceivedTransaction>> listeners = new CopyOnWriteArrayList<>();

  private CentralService(CentralConfig config, Clock clock, Optional<IlsConnector> ilsOverride)
      throws IOException, GeneralSecurityException {
    this.config = config;
    this.clock = clock;
    this.topics = new Topics(config.tenant());
    this.db = CentralDatabase.open(config.database());
    this.datasets = new Datasets(config.tenant());
    this.link =
        new CentralLink(
            config.broker().url(),
            config.instanceId(),
            sockets(config),
            config.broker().keepAlive());
    this.devices = new DeviceRegistry(db);
    this.sync = new SyncPublisher(db, datasets, link, topics, config.sync().snapshotChunk());
    this.library = new LibraryData(db, datasets, sync);
    this.cards = new PatronCards(db);
    this.workers = new IngestWorkers(config.ingest().workers());
    this.batches =
        new TransactionBatcher<>(
            config.ingest().workers(),
            MAX_BATCH,
            GAP_LOOKS,
            GAP_PAUSE_MS,
            this::onTransactions,
            this::gaveUpAtGap);
    boolean forwards = config.ils().forwards();
    this.connector =
        ilsOverride.orElseGet(
            () ->
                forwards
                    ? new Sip2Connector(config.ils().sip2().orElseThrow(), clock)
                    : new StandaloneConnector(db));
    this.ingest = new TransactionIngest(db, datasets, topics, clock, forwards);
    this.conflicts = new SequenceConflicts(db, clock, forwards);
    this.retention = new RetentionJob(db, config.retention(), clock);
    this.fileImport =
        config.ils().fileImport().isPresent()
            ? Optional.of(
                new FileImportJob(config.ils().fileImport().get(), db, datasets, sync, forwards))
            : Optional.empty();
    this.forwarder =
        forwards
            ? Optional.of(
                new IlsForwarder(
                    db,
                    connector,
                    config.instanceId(),
                    clock,
                    config.ils().retryEvery(),
                    this::refusedByIls))
            : Optional.empty();
    CirculationPolicy policy = ShippedPolicies.load(config.loans().policy(), config.loans().zone());
    PatronPresence presence =
        new PatronPresence(
            tenantKeyForLoans(config).map(CardHasher::new),
            policy,
            key -> db.inTransaction(c -> datasets.patron(c, key)),
            !forwards,
            forwards);
    PatronLoans loans = new PatronLoans(db, datasets, connector, !forwards, policy, clock);
    this.requests =
        new RequestHandler(
            topics,
            link,
            sync,
            devices,
            new DeviceRateLimit(config.loans().requestsPerMinute(), clock),
            presence,
            loans,
            new PinChecks(db, connector, forwards));
  }

  /**
   * The key the card proof of loans and renewal requests is hashed with: the one given in code,
   * else {@code privacy.tenantKeyFile} (owner-only, 16-1024 bytes).
   */
  private static Optional<byte[]> tenantKeyForLoans(CentralConfig config) throws IOException {
    if (config.loans().tenantKey().isPresent()) {
      return config.loans().tenantKey();
    }
    if (config.tenantKeyFile().isPresent()) {
      return Optional.of(FileImportJob.tenantKey(config.tenantKeyFile().get()));
    }
    return Optional.empty();
  }

  /** Opens the database (migrating it) and prepares the link; {@link #start()} connects. */
  public static CentralService open(CentralConfig config, Clock clock)
      throws IOException, GeneralSecurityException {
    return new CentralService(config, clock, Optional.empty());
  }

  /** As {@link #open}, with a given ILS connector instead of the configured one (tests, demo). */
  public static CentralService open(CentralConfig config, Clock clock, IlsConnector connector)
      throws IOException, GeneralSecurityException {
    return new CentralService(config, clock, Optional.of(connector));
  }

  private static SocketFactory sockets(CentralConfig config)
      throws IOException, GeneralSecurityException {
    if (config.broker().tls().isPresent()) {
      return PemTls.socketFactory(config.broker().tls().get());
    }
    return new NoDelaySockets();
  }

  /** Subscribes and connects; the forwarder starts too. */
  public void start() {
    link.subscribe(topics.sharedAllDevices("tx"), d -> batches.submit(d.message().topic(), d));
    link.subscribe(
        topics.sharedAllDevices("cmd"),
        d -> workers.submit(d.message().topic(), () -> handle(d, requests::handle)));
    // Retained births and deaths are not delivered to shared subscriptions: every instance
    // follows them (recording one is idempotent).
    link.subscribe(topics.allDevices("state"), d -> handle(d, this::onState));
    link.subscribe(topics.sharedAllDevices("event"), d -> handle(d, this::onEvent));
    link.start();
    forwarder.ifPresent(IlsForwarder::start);
    fileImport.ifPresent(job -> job.start(link::isConnected));
    retention.start();
  }

  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return link.awaitConnected(timeout);
  }

  private void handle(CentralLink.Delivery d, Consumer<Inbound> handler) {
    try {
      handler.accept(d.message());
    } catch (DatabaseException e) {
      LOG.warn("{} not handled, database not reachable: {}", d.message().topic(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} not handled", d.message().topic(), e);
    } finally {
      d.done();
    }
  }

  /**
   * Takes a batch of transaction messages in one database transaction; after the commit, and only
   * then, each device hears of its own, and each message is PUBACKed. Returns those held back at a
   * gap: never acknowledged past it, looked at again with the lane's next batch.
   */
  private List<CentralLink.Delivery> onTransactions(List<CentralLink.Delivery> batch) {
    List<TransactionIngest.Arrival> arrivals = new ArrayList<>(batch.size());
    for (CentralLink.Delivery d : batch) {
      arrivals.add(new TransactionIngest.Arrival(d.message().topic(), d.message().payload()));
    }
    List<TransactionIngest.Outcome> outcomes;
    try {
      outcomes = ingest.takeAll(arrivals);
    } catch (RuntimeException e) {
      // Not committed, not answered: the devices re-send after their ack timeout.
      LOG.warn("{} transactions not taken: {}", batch.size(), e.getMessage());
      batch.forEach(CentralLink.Delivery::done);
      return List.of();
    }
    List<CentralLink.Delivery> held = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      CentralLink.Delivery d = batch.get(i);
      TransactionIngest.Outcome o = outcomes.get(i);
      if (o.gap()) {
        held.add(d);
        continue;
      }
      try {
        if (o.ack().isPresent()) {
          publishAck(topics.deviceOf(d.message().topic()).orElseThrow(), o.ack().get());
        }
        sync.broadcast(o.deltas());
        o.taken()
            .ifPresent(
                t -> {
                  forwarder.ifPresent(IlsForwarder::queued);
                  listeners.forEach(l -> l.accept(t));
                });
      } catch (RuntimeException e) {
        LOG.error("after taking the transaction on {}", d.message().topic(), e);
      } finally {
        d.done();
      }
    }
    return held;
  }

  private void gaveUpAtGap(CentralLink.Delivery d) {
    ingest.gapHeld();
    LOG.info("{}: a sequence is missing; left to the device's re-send", d.message().topic());
    d.done();
  }

  private void publishAck(String device, TransactionAck ack) {
    try {
      link.publish(topics.ack(device), ack.encode());
    } catch (PublishException e) {
      // The device re-sends; the duplicate is answered again from the database.
      LOG.warn("ack to {} not sent: {}", device, e.getMessage());
    }
  }

  private void refusedByIls(String device, java.util.UUID txId, String itemId, String reason) {
    publishAck(device, TransactionAck.reject(txId, reason));
  }

  private void onState(Inbound m) {
    try {
      DeviceState s = DeviceState.decode(m.payload());
      if (!topics.state(s.deviceId()).equals(m.topic())) {
        LOG.warn("state on {} names another device; ignored", m.topic());
        return;
      }
      devices.record(s, clock.instant());
    } catch (PayloadException e) {
      LOG.warn("invalid state on {} refused: {}", m.topic(), e.getMessage());
    }
  }

  private void onEvent(Inbound m) {
    recordEvent(m);
    confirmEvent(m);
  }

  private void recordEvent(Inbound m) {
    DeviceEvent e;
    try {
      e = DeviceEvent.decode(m.payload());
    } catch (PayloadException ex) {
      LOG.debug("event on {} not a staff event: {}", m.topic(), ex.getMessage());
      return;
    }
    if (!topics.event(e.deviceId()).equals(m.topic())) {
      LOG.warn("event on {} names another device; ignored", m.topic());
      return;
    }
    db.inTransaction(
        c -> {
          staff.insert(
              c,
              e.deviceId(),
              e.type().wireName(),
              e.at(),
              e.itemId(),
              e.title(),
              e.txId().map(Object::toString),
              e.code(),
              e.count().isPresent() ? OptionalLong.of(e.count().getAsLong()) : OptionalLong.empty(),
              Source.DEVICE);
          return null;
        });
  }

  /**
   * Tells the device that central has its event (stored, or judged not to be one and dropped), so
   * the device can delete it: an empty message with the event's correlation data on the device's
   * own event-ack topic, after the commit. Only to that topic, whatever response topic was asked.
   */
  private void confirmEvent(Inbound m) {
    Optional<String> device = topics.deviceOf(m.topic());
    if (device.isEmpty()
        || m.correlationData().isEmpty()
        || !m.responseTopic().equals(Optional.of(topics.eventAck(device.get())))) {
      return; // a device that does not wait for central's confirmation
    }
    try {
      link.publish(topics.eventAck(device.get()), new byte[0], m.correlationData());
    } catch (PublishException ex) {
      LOG.debug(
          "event confirmation to {} not sent, the device sends again: {}",
          device.get(),
          ex.getMessage());
    }
  }

  /** Told of each newly taken transaction (not duplicates), after the commit. */
  public void addReceiveListener(Consumer<ReceivedTransaction> listener) {
    listeners.add(listener);
  }

  public List<ReceivedTransaction> received() {
    return ingest.received();
  }

  public List<StaffLog.Event> events(int limit) {
    return db.inTransaction(c -> staff.events(c, limit));
  }

  public List<StaffLog.Rejection> rejections() {
    return db.inTransaction(staff::rejections);
  }

  public TransactionIngest ingest() {
    return ingest;
  }

  /** Sequences taken by more than one transaction id, held from the ILS until staff decide. */
  public SequenceConflicts conflicts() {
    return conflicts;
  }

  public DeviceRegistry devices() {
    return devices;
  }

  public LibraryData library() {
    return library;
  }

  public PatronCards cards() {
    return cards;
  }

  public SyncPublisher sync() {
    return sync;
  }

  public CentralDatabase database() {
    return db;
  }

  /** The scheduled pruning of what is past its retention. */
  public RetentionJob retention() {
    return retention;
  }

  /** The file-import connector's job, when configured. */
  public Optional<FileImportJob> fileImport() {
    return fileImport;
  }

  public Optional<IlsForwarder> forwarder() {
    return forwarder;
  }

  public CentralConfig config() {
    return config;
  }

  @Override
  public void close() {
    fileImport.ifPresent(FileImportJob::close);
    retention.close();
    forwarder.ifPresent(IlsForwarder::close);
    if (forwarder.isEmpty()) {
      connector.close();
    }
    // Messages already taken off the link are finished (and acknowledged) before it closes.
    batches.close();
    workers.close();
    link.close();
    db.close();
  }
}
