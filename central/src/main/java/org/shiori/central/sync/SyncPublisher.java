package org.shiori.central.sync;

import java.util.List;
import org.shiori.central.mqtt.CentralLink;
import org.shiori.central.mqtt.PublishException;
import org.shiori.central.store.CentralDatabase;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.SyncMessage;
import org.shiori.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the data sets in central's database to the devices: numbered deltas after each committed
 * change, broadcast on {@code lib/{tenant}/sync/{dataset}}; snapshots in chunks, broadcast or, for
 * a resync, on the asking device's own {@code lib/{tenant}/dev/{id}/sync/{dataset}}. A delta that
 * cannot be sent is not retried: a device that misses one sees the gap and asks for a snapshot.
 */
public final class SyncPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(SyncPublisher.class);

  private final CentralDatabase db;
  private final Datasets datasets;
  private final CentralLink link;
  private final Topics topics;
  private final SyncCodec codec;
  private final int chunk;

  public SyncPublisher(
      CentralDatabase db, Datasets datasets, CentralLink link, Topics topics, int snapshotChunk) {
    this.db = db;
    this.datasets = datasets;
    this.link = link;
    this.topics = topics;
    this.codec = new SyncCodec(topics.tenant());
    this.chunk = snapshotChunk;
  }

  /** Publishes committed deltas to every device. */
  public void broadcast(List<SyncMessage> deltas) {
    for (SyncMessage m : deltas) {
      send(topics.sync(m.dataset()), m);
    }
  }

  /** Broadcasts a snapshot of every data set. */
  public void broadcastSnapshots() {
    for (Dataset d : Dataset.values()) {
      for (SyncMessage m : snapshot(d)) {
        send(topics.sync(d), m);
      }
    }
  }

  /** Answers a device's resync request with a snapshot on its own topic only. */
  public void resync(String deviceId, Dataset d) {
    List<SyncMessage> chunks = snapshot(d);
    LOG.info("resync of {} for {}: {} chunks", d.topicName(), deviceId, chunks.size());
    for (SyncMessage m : chunks) {
      send(topics.deviceSync(deviceId, d), m);
    }
  }

  private List<SyncMessage> snapshot(Dataset d) {
    return db.inTransaction(c -> datasets.snapshot(c, d, chunk));
  }

  private void send(String topic, SyncMessage m) {
    try {
      link.publish(topic, codec.encode(m));
    } catch (PublishException e) {
      LOG.warn("sync {} {} not sent: {}", m.dataset().topicName(), m.sequence(), e.getMessage());
    }
  }
}
