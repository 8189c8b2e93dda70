package org.shiori.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MutableClock;

/** A worker thread stuck in a task is found; one that gets through its queue is healthy. */
class ThreadProbeTest {
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final MutableClock clock = MutableClock.at("2027-06-01T01:00:00Z");
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    worker.shutdownNow();
  }

  @Test
  void aThreadThatRunsItsQueueIsHealthy() throws Exception {
    ThreadProbe probe = new ThreadProbe("reader loop", worker, Duration.ofSeconds(10), clock);
    for (int i = 0; i < 5; i++) {
      assertThat(probe.problem()).isEmpty();
      // The worker runs its queue in order: once this task ran, so did the probe before it.
      worker.submit(() -> {}).get(10, TimeUnit.SECONDS);
      clock.advance(Duration.ofSeconds(30));
    }
  }

  @Test
  void aThreadStuckInATaskIsReportedOnceTheLimitPasses() {
    worker.execute(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    ThreadProbe probe = new ThreadProbe("store", worker, Duration.ofSeconds(10), clock);
    assertThat(probe.problem()).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    assertThat(probe.problem()).isEmpty();
    clock.advance(Duration.ofSeconds(6));
    assertThat(probe.problem()).contains("store stuck: no progress for 11 s");

    release.countDown();
    Conditions.await(Duration.ofSeconds(10), () -> probeAnswered(probe), () -> "still stuck");
  }

  @Test
  void aStoppedThreadIsReported() {
    worker.shutdownNow();
    ThreadProbe probe = new ThreadProbe("link worker", worker, Duration.ofSeconds(10), clock);
    assertThat(probe.problem()).contains("link worker stopped");
  }

  /** True once the probe handed in has run: the next check hands in a fresh one. */
  private boolean probeAnswered(ThreadProbe probe) {
    clock.advance(Duration.ofSeconds(60));
    boolean healthy = probe.problem().isEmpty();
    return healthy;
  }
}
