package org.shiori.device.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a worker thread still gets through its queue: each check hands the thread a no-op and the
 * next check looks whether it ran. A thread stuck in a task (a reader that never answers, a store
 * lock never released, a link worker blocked) leaves its probe waiting, and the check fails once
 * the probe has waited longer than the limit. Nothing of the worker's own code changes.
 */
public final class ThreadProbe implements HealthCheck.Check {
  private final String name;
  private final Executor worker;
  private final Duration limit;
  private final Clock clock;
  private final Runnable work;

  /** When the probe still waiting was handed in; null when none waits. */
  private final AtomicReference<Instant> waitingSince = new AtomicReference<>();

  /** Why the last probe's work failed; null when it succeeded. */
  private final AtomicReference<String> failure = new AtomicReference<>();

  /**
   * @param name what the thread is, for the technician: "reader loop", "store", "link worker"
   * @param worker runs tasks on the thread watched
   * @param limit longest a probe may wait before the thread counts as stuck
   */
  public ThreadProbe(String name, Executor worker, Duration limit, Clock clock) {
    this(name, worker, limit, clock, () -> {});
  }

  /**
   * @param work what each probe does on the thread besides getting through the queue, e.g. one read
   *     of the store; if it throws, the part counts as broken
   */
  public ThreadProbe(String name, Executor worker, Duration limit, Clock clock, Runnable work) {
    this.work = work;
    this.name = name;
    this.worker = worker;
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> problem() {
    String failed = failure.get();
    if (failed != null && waitingSince.get() == null) {
      failure.set(null);
      return Optional.of(name + " failed: " + failed);
    }
    Instant now = clock.instant();
    Instant since = waitingSince.get();
    if (since != null) {
      Duration waited = Duration.between(since, now);
      return waited.compareTo(limit) > 0
          ? Optional.of(name + " stuck: no progress for " + waited.toSeconds() + " s")
          : Optional.empty();
    }
    waitingSince.set(now);
    try {
      worker.execute(this::answer);
    } catch (RejectedExecutionException e) {
      return Optional.of(name + " stopped");
    }
    return Optional.empty();
  }

  private void answer() {
    try {
      work.run();
    } catch (RuntimeException e) {
      failure.set(e.getClass().getSimpleName());
    }
    waitingSince.set(null);
  }
}
