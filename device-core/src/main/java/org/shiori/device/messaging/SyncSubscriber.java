package org.shiori.device.messaging;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.device.store.SyncSink;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.SyncMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the device's data sets current from central's snapshots and numbered deltas. Every message
 * is validated ({@link SyncCodec}: size, schema version, tenant, data set, field types) before it
 * reaches the {@link SyncSink}; an invalid one is logged and dropped, leaving state unchanged.
 *
 * <p>Order: a delta applies only as {@code applied + 1}; an older one is a duplicate; a newer one
 * means a gap, and the device asks central for a resync on its {@code cmd} topic. Snapshot chunks
 * must arrive in order; deltas that arrive while a snapshot is incomplete wait for it. A data set
 * the device has never received is requested at every connect.
 *
 * <p>Version sanity: a snapshot from central always resets a data set, also to a lower version
 * (after a forged or corrupted version, central's next snapshot repairs the device); only a
 * redelivered copy of the snapshot held is skipped. A delta far beyond the held version is not kept
 * waiting. A delta whose version was already applied with different content means one of the two
 * was not central's: the device asks for a snapshot, which resets the data set.
 */
public final class SyncSubscriber implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncSubscriber.class);
  private static final int MAX_WAITING_DELTAS = 1000;
  private static final int REMEMBERED_DELTAS = 256;
  private static final Duration RESYNC_INTERVAL = Duration.ofSeconds(10);

  private final MqttLink link;
  private final SyncSink sink;
  private final Clock clock;
  private final String deviceId;
  private final SyncCodec codec;
  private final PacedPublisher requests;
  private final ConfinedWorker worker;
  private final DocumentCheck documents;
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();

  // Confined to the worker thread.
  private final Map<Dataset, Progress> progress = new EnumMap<>(Dataset.class);

  /** Per data set: an incomplete snapshot, deltas waiting, the last resync request. */
  private static final class Progress {
    long snapshotSequence;
    int nextChunk = -1;
    final TreeMap<Long, Waiting> waiting = new TreeMap<>();

    /** Digests of the last deltas applied, by version, to recognise a conflicting copy. */
    final TreeMap<Long, DeltaDigest> appliedDeltas = new TreeMap<>();

    Instant lastResync;
    boolean resyncPending;

    boolean snapshotOpen() {
      return nextChunk >= 0;
    }
  }

  /**
   * @param link a device link
   * @param sink where validated batches are applied
   * @param clock to pace resync requests
   */
  public SyncSubscriber(MqttLink link, SyncSink sink, Clock clock) {
    this(link, sink, clock, DocumentCheck.STORE_ONLY);
  }

  /**
   * @param link a device link
   * @param sink where validated batches are applied
   * @param clock to pace resync requests
   * @param documents checks policy and calendar documents before they are stored, and puts them
   *     into use after
   */
  public SyncSubscriber(MqttLink link, SyncSink sink, Clock clock, DocumentCheck documents) {
    this.documents = documents;
    this.link = link;
    this.sink = sink;
    this.clock = clock;
    this.deviceId =
        link.settings()
            .deviceId()
            .orElseThrow(() -> new IllegalArgumentException("sync needs a device link"));
    this.codec = new SyncCodec(link.topics().tenant());
    this.requests = new PacedPublisher(link, 2, 50);
    this.worker =
        new ConfinedWorker(
            "sync-" + deviceId,
            LOG,
            "sync step failed; state of the data set unchanged by this message",
            "sync subscriber closed");
    for (Dataset d : Dataset.values()) {
      progress.put(d, new Progress());
    }
  }

  /** Subscribes to broadcast and device-addressed sync topics. */
  public void start() {
    String tenant = link.topics().tenant();
    link.subscribe("lib/" + tenant + "/sync/+", 1, m -> run(() -> onMessage(m)));
    link.subscribe(link.topics().device(deviceId) + "/sync/+", 1, m -> run(() -> onMessage(m)));
    link.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {
            run(SyncSubscriber.this::requestMissingDatasets);
          }

          @Override
          public void disconnected(String reason) {
            // Missed deltas show up as a gap on the next one.
          }
        });
  }

  /** Runs a task on the subscriber's own thread, after the messages before it (health check). */
  public Executor thread() {
    return this::run;
  }

  /**
   * Asks central for a snapshot of every data set now (a management command's resync), whatever the
   * versions held; each snapshot resets its data set.
   */
  public void resyncAll() {
    run(
        () -> {
          for (Dataset d : Dataset.values()) {
            requestResync(d, true);
          }
        });
  }

  /** Messages refused by validation or order since start. */
  public long rejectedCount() {
    return rejected.get();
  }

  /** Messages handed to the sink since start. */
  public long appliedCount() {
    return applied.get();
  }

  @Override
  public void close() {
    worker.close();
    requests.close();
  }

  private void run(Runnable task) {
    worker.run(task);
  }

  private void requestMissingDatasets() {
    for (Dataset d : Dataset.values()) {
      if (sink.appliedSequence(d) == 0) {
        requestResync(d, true);
      }
    }
  }

  /** A delta's content digest (SHA-256 of its payload, which central encodes byte-stably). */
  private record DeltaDigest(byte[] sha256) {
    static DeltaDigest of(byte[] payload) {
      try {
        return new DeltaDigest(MessageDigest.getInstance("SHA-256").digest(payload));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
      }
    }

    boolean sameAs(DeltaDigest other) {
      return MessageDigest.isEqual(sha256, other.sha256);
    }
  }

  private void onMessage(InboundMessage m) {
    Optional<Dataset> dataset = link.topics().datasetOf(m.topic());
    if (dataset.isEmpty()) {
      reject(m.topic(), "not a sync topic");
      return;
    }
    SyncMessage message;
    try {
      message = codec.decode(m.payload(), dataset.get());
    } catch (PayloadException e) {
      reject(m.topic(), e.getMessage());
      return;
    }
    if (SyncMessage.isDocument(message.dataset())) {
      applyDocument(message);
    } else if (message.snapshot()) {
      onSnapshotChunk(message);
    } else {
      onDelta(message, DeltaDigest.of(m.payload()));
    }
  }

  private void reject(String topic, String why) {
    rejected.incrementAndGet();
    LOG.warn("sync message on {} rejected: {}", topic, why);
  }

  private void applyDocument(SyncMessage m) {
    long held = sink.appliedSequence(m.dataset());
    Progress p = progress.get(m.dataset());
    // A delta must be newer; a snapshot resets the document, also to a lower version (after a
    // forged version, central's snapshot repairs the device), unless it is the version held and
    // no resync was asked for.
    boolean resets = m.snapshot() && (m.sequence() != held || p.resyncPending);
    if (m.sequence() <= held && !resets) {
      LOG.debug("{} version {} already held", m.dataset(), m.sequence());
      return;
    }
    if (m.sequence() < held) {
      LOG.warn(
          "{} snapshot {} resets the document from version {}", m.dataset(), m.sequence(), held);
    }
    p.resyncPending = false;
    Runnable takeEffect;
    try {
      takeEffect = documents.prepare(m.dataset(), m.sequence(), m.document().orElseThrow());
    } catch (DocumentRefusedException e) {
      rejected.incrementAndGet();
      LOG.warn(
          "{} version {} refused, the version in use stays: {}",
          m.dataset(),
          m.sequence(),
          e.getMessage());
      return;
    }
    if (resets) {
      sink.resetDocument(m.dataset(), m.sequence(), m.document().orElseThrow());
    } else {
      sink.applyDocument(m.dataset(), m.sequence(), m.document().orElseThrow());
    }
    takeEffect.run();
    applied.incrementAndGet();
    LOG.info("{} updated to version {}", m.dataset(), m.sequence());
  }

  private void onSnapshotChunk(SyncMessage m) {
    Progress p = progress.get(m.dataset());
    if (m.chunk() == 0) {
      long held = sink.appliedSequence(m.dataset());
      if (m.sequence() == held && !p.resyncPending) {
        LOG.debug("{} snapshot {} is the version held", m.dataset(), m.sequence());
        return;
      }
      if (m.sequence() < held) {
        LOG.warn(
            "{} snapshot {} resets the data set from version {}", m.dataset(), m.sequence(), held);
      }
      p.snapshotSequence = m.sequence();
      p.nextChunk = 0;
    } else if (!p.snapshotOpen()
        || p.snapshotSequence != m.sequence()
        || p.nextChunk != m.chunk()) {
      if (p.snapshotOpen() || m.sequence() > sink.appliedSequence(m.dataset())) {
        LOG.warn(
            "{} snapshot {} chunk {} out of order; asking for a resync",
            m.dataset(),
            m.sequence(),
            m.chunk());
        p.nextChunk = -1;
        requestResync(m.dataset(), true);
      }
      return;
    }
    apply(m);
    p.nextChunk++;
    if (m.lastChunk()) {
      p.nextChunk = -1;
      p.lastResync = null;
      p.resyncPending = false;
      p.appliedDeltas.clear();
      p.waiting.headMap(m.sequence(), true).clear();
      LOG.info("{} snapshot {} complete ({} chunks)", m.dataset(), m.sequence(), m.chunks());
      applyWaitingDeltas(m.dataset());
    }
  }

  private void onDelta(SyncMessage m, DeltaDigest digest) {
    Progress p = progress.get(m.dataset());
    if (p.snapshotOpen()) {
      hold(p, m, digest, p.snapshotSequence);
      return;
    }
    long held = sink.appliedSequence(m.dataset());
    if (m.sequence() <= held) {
      DeltaDigest applied = p.appliedDeltas.get(m.sequence());
      if (applied != null && !applied.sameAs(digest)) {
        rejected.incrementAndGet();
        LOG.warn(
            "{} delta {} arrived twice with different content: asking for a snapshot",
            m.dataset(),
            m.sequence());
        requestResync(m.dataset(), true);
      } else {
        LOG.debug("{} delta {} already applied", m.dataset(), m.sequence());
      }
    } else if (m.sequence() == held + 1) {
      applyDelta(p, m, digest);
      applyWaitingDeltas(m.dataset());
    } else {
      LOG.warn("{} delta {} after {}: gap, asking for a resync", m.dataset(), m.sequence(), held);
      hold(p, m, digest, held);
      requestResync(m.dataset(), false);
    }
  }

  /** Keeps a delta for later, unless it lies implausibly far ahead of {@code base}. */
  private void hold(Progress p, SyncMessage m, DeltaDigest digest, long base) {
    if (p.waiting.size() < MAX_WAITING_DELTAS && m.sequence() - base <= MAX_WAITING_DELTAS) {
      p.waiting.put(m.sequence(), new Waiting(m, digest));
    }
  }

  private record Waiting(SyncMessage message, DeltaDigest digest) {}

  private void applyDelta(Progress p, SyncMessage m, DeltaDigest digest) {
    apply(m);
    p.appliedDeltas.put(m.sequence(), digest);
    while (p.appliedDeltas.size() > REMEMBERED_DELTAS) {
      p.appliedDeltas.pollFirstEntry();
    }
  }

  private void applyWaitingDeltas(Dataset d) {
    Progress p = progress.get(d);
    while (!p.waiting.isEmpty()) {
      long held = sink.appliedSequence(d);
      var first = p.waiting.firstEntry();
      if (first.getKey() <= held) {
        p.waiting.pollFirstEntry();
      } else if (first.getKey() == held + 1) {
        p.waiting.pollFirstEntry();
        applyDelta(p, first.getValue().message(), first.getValue().digest());
      } else {
        return;
      }
    }
  }

  private void apply(SyncMessage m) {
    switch (m.dataset()) {
      case ITEMS -> sink.applyItems(m.<ItemRecord>batch());
      case PATRONS -> sink.applyPatrons(m.<PatronSnapshot>batch());
      case HOLDS -> sink.applyHolds(m.<HoldRecord>batch());
      case POLICY, CALENDAR -> throw new IllegalStateException("documents are not batches");
    }
    applied.incrementAndGet();
  }

  /** Asks for a snapshot, at most once per interval per data set unless forced. */
  private void requestResync(Dataset d, boolean force) {
    Progress p = progress.get(d);
    Instant now = clock.instant();
    if (!force
        && p.lastResync != null
        && Duration.between(p.lastResync, now).compareTo(RESYNC_INTERVAL) < 0) {
      return;
    }
    p.lastResync = now;
    p.resyncPending = true;
    requests.send(
        PacedPublisher.Outgoing.of(
            link.topics().cmd(deviceId),
            CentralRequest.resync(d, sink.appliedSequence(d)).encode()));
  }
}
