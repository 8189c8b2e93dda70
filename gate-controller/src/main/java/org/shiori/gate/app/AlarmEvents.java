package org.shiori.gate.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.device.messaging.DurableEventPublisher;
import org.shiori.device.store.ItemCatalog;
import org.shiori.gate.passage.AlarmReport;
import org.shiori.gate.passage.GateAlarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns alarms into durable staff events off the inventory loop: the title comes from the SQLite
 * item cache here (the decision needed only the status), then the event is stored before it is
 * published. Closing waits for alarms already handed over, so a stop stores every one of them.
 */
final class AlarmEvents implements AlarmReport, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlarmEvents.class);

  private final ItemCatalog catalog;
  private final DurableEventPublisher events;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gate-alarm-events");
            t.setDaemon(true);
            return t;
          });

  private final List<Consumer<GateAlarm>> listeners = new CopyOnWriteArrayList<>();

  AlarmEvents(ItemCatalog catalog, DurableEventPublisher events) {
    this.catalog = catalog;
    this.events = events;
  }

  @Override
  public void alarm(GateAlarm alarm) {
    try {
      worker.execute(() -> store(alarm));
    } catch (RejectedExecutionException stopping) {
      store(alarm); // closing: store on the caller's thread rather than lose it
    }
  }

  private void store(GateAlarm alarm) {
    String title = alarm.title();
    if (GateAlarm.UNKNOWN_TITLE.equals(title) && !alarm.itemId().startsWith("uid:")) {
      title = catalog.find(alarm.itemId()).map(ItemRecord::title).orElse(title);
    }
    try {
      events.gateAlarm(alarm.itemId(), title);
    } catch (RuntimeException e) {
      LOG.error("gate alarm for item {} not stored: {}", alarm.itemId(), e.toString());
    }
    GateAlarm titled = new GateAlarm(alarm.itemId(), title, alarm.uid(), alarm.mismatch());
    for (Consumer<GateAlarm> listener : listeners) {
      try {
        listener.accept(titled);
      } catch (RuntimeException e) {
        LOG.warn("gate alarm listener failed: {}", e.toString());
      }
    }
  }

  /** Also tells {@code listener} of every alarm once stored, with its title (a monitor page). */
  void addListener(Consumer<GateAlarm> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.error("gate alarm events still being stored at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
