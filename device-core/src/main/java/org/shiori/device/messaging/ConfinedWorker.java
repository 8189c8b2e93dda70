package org.shiori.device.messaging;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The one daemon thread that owns a messaging component's state. Tasks run in order; a task that
 * throws is logged and the next one still runs; tasks handed in after {@link #close()} are dropped,
 * since a closed component has nothing left to update.
 */
final class ConfinedWorker implements AutoCloseable {
  private final ScheduledExecutorService executor;
  private final Logger log;
  private final String failureMessage;
  private final String closedMessage;

  /**
   * @param threadName name of the worker thread, for thread dumps
   * @param log the owner's logger, so messages keep the owner's name
   * @param failureMessage logged as an error with the exception when a task throws
   * @param closedMessage logged at debug when a task arrives after close
   */
  ConfinedWorker(String threadName, Logger log, String failureMessage, String closedMessage) {
    this.log = log;
    this.failureMessage = failureMessage;
    this.closedMessage = closedMessage;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  void run(Runnable task) {
    try {
      executor.execute(() -> guarded(task));
    } catch (RejectedExecutionException e) {
      log.debug(closedMessage);
    }
  }

  void runAfter(long delayMillis, Runnable task) {
    try {
      executor.schedule(() -> guarded(task), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug(closedMessage);
    }
  }

  private void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error(failureMessage, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
