package org.shiori.central.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lanes that take transaction messages off the MQTT delivery thread and hand them on in batches:
 * whatever has arrived on a lane when its thread is free goes into one batch, so under load one
 * database commit covers many transactions, and with one message waiting the batch is that one
 * message (no waiting to fill a batch). A device always goes to the same lane, so its messages stay
 * in arrival order; different lanes run in parallel.
 *
 * <p>A message the handler holds back (it waits for a missing earlier sequence) goes again at the
 * head of the lane's next batch, up to {@code gapLooks} times, {@code gapPauseMillis} apart when
 * nothing else arrives: usually the missing sequence is being committed by another instance of the
 * share group at that moment. After that the message is given up to {@code giveUp}, unanswered.
 *
 * @param <T> a received message with whatever its handler needs to answer it
 */
public final class TransactionBatcher<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionBatcher.class);

  /** Takes a batch; returns those of its messages held back at a gap (all others are done). */
  @FunctionalInterface
  public interface Handler<T> {
    List<T> handle(List<T> batch);
  }

  private final List<Lane> lanes = new ArrayList<>();
  private final Handler<T> handler;
  private final Consumer<T> giveUp;
  private final int maxBatch;
  private final int gapLooks;
  private final long gapPauseMillis;
  private volatile boolean closing;

  public TransactionBatcher(
      int laneCount,
      int maxBatch,
      int gapLooks,
      long gapPauseMillis,
      Handler<T> handler,
      Consumer<T> giveUp) {
    if (laneCount < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("at least one lane and a batch of at least one");
    }
    this.handler = handler;
    this.giveUp = giveUp;
    this.maxBatch = maxBatch;
    this.gapLooks = gapLooks;
    this.gapPauseMillis = gapPauseMillis;
    for (int i = 0; i < laneCount; i++) {
      Lane lane = new Lane();
      Thread t = new Thread(lane, "central-ingest-" + i);
      t.setDaemon(true);
      lane.thread = t;
      lanes.add(lane);
      t.start();
    }
  }

  /** Queues a message on the lane of {@code key} (the device's topic). */
  public void submit(String key, T message) {
    lanes.get(Math.floorMod(key.hashCode(), lanes.size())).queue.add(message);
  }

  /** Finishes what is queued, gives up what is still held at a gap, and stops the lanes. */
  @Override
  public void close() {
    closing = true;
    for (Lane lane : lanes) {
      try {
        lane.thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private final class Lane implements Runnable {
    final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    Thread thread;

    /** Messages held at a gap, oldest first, and how often they were looked at (by identity). */
    final Map<T, Integer> held = new LinkedHashMap<>();

    @Override
    public void run() {
      while (!closing || !queue.isEmpty()) {
        List<T> batch = new ArrayList<>(held.keySet());
        try {
          T first = queue.poll(held.isEmpty() ? 100 : gapPauseMillis, TimeUnit.MILLISECONDS);
          if (first != null) {
            batch.add(first);
            queue.drainTo(batch, Math.max(0, maxBatch - batch.size()));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (!batch.isEmpty()) {
          handleOnce(batch);
        }
      }
      held.keySet().forEach(giveUp);
      held.clear();
    }

    private void handleOnce(List<T> batch) {
      List<T> back;
      try {
        back = handler.handle(batch);
      } catch (RuntimeException e) {
        // The handler answers for its own failures; this is a bug, and the lane must go on.
        LOG.error("a batch of {} transactions failed", batch.size(), e);
        back = List.of();
      }
      Map<T, Integer> next = new LinkedHashMap<>();
      for (T m : back) {
        int looks = held.getOrDefault(m, 0) + 1;
        if (looks >= gapLooks) {
          giveUp.accept(m);
        } else {
          next.put(m, looks);
        }
      }
      held.clear();
      held.putAll(next);
    }
  }
}
