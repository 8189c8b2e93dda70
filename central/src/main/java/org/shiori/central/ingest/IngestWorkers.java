package org.shiori.central.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Threads that take messages off the MQTT delivery thread: a device always goes to the same
 * single-threaded worker, so its messages are handled in arrival order, while different devices are
 * handled in parallel (each in its own database transaction).
 */
public final class IngestWorkers implements AutoCloseable {
  private final List<ExecutorService> workers = new ArrayList<>();

  public IngestWorkers(int count) {
    for (int i = 0; i < count; i++) {
      int n = i;
      workers.add(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "central-ingest-" + n);
                t.setDaemon(true);
                return t;
              }));
    }
  }

  public void submit(String key, Runnable work) {
    workers.get(Math.floorMod(key.hashCode(), workers.size())).execute(work);
  }

  @Override
  public void close() {
    for (ExecutorService w : workers) {
      w.shutdown();
    }
    for (ExecutorService w : workers) {
      try {
        w.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
