package org.shiori.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.shiori.testkit.Conditions;

/** The watchdog is pinged while healthy and withheld, with the reason shown, while not. */
class WatchdogTest {
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final ServiceManager manager =
      new ServiceManager() {
        @Override
        public void notify(String... assignments) {
          sent.add(String.join(" ", assignments));
        }

        @Override
        public boolean present() {
          return true;
        }
      };
  private final AtomicReference<Optional<String>> readerProblem =
      new AtomicReference<>(Optional.empty());
  private final HealthCheck health =
      new HealthCheck()
          .add(
              new HealthCheck.Check() {
                @Override
                public String name() {
                  return "reader loop";
                }

                @Override
                public Optional<String> problem() {
                  return readerProblem.get();
                }
              });

  @Test
  void pingsStopWhileAPartIsStuckAndResumeWhenItRecovers() {
    try (Watchdog watchdog = new Watchdog(health, manager, Duration.ofDays(1))) {
      Conditions.await(Duration.ofSeconds(10), () -> sent.contains("WATCHDOG=1"), () -> "" + sent);
      sent.clear();
      readerProblem.set(Optional.of("reader loop stuck: no progress for 40 s"));

      watchdog.tick();
      watchdog.tick();

      assertThat(sent)
          .containsExactly(
              "STATUS=unhealthy: reader loop stuck: no progress for 40 s",
              "STATUS=unhealthy: reader loop stuck: no progress for 40 s");
      assertThat(watchdog.lastProblems())
          .containsExactly("reader loop stuck: no progress for 40 s");

      readerProblem.set(Optional.empty());
      sent.clear();
      watchdog.tick();
      assertThat(sent).containsExactly("STATUS=running", "WATCHDOG=1");
    }
  }

  @Test
  void aCheckThatThrowsCountsAsAProblem() {
    health.add(
        new HealthCheck.Check() {
          @Override
          public String name() {
            return "store";
          }

          @Override
          public Optional<String> problem() {
            throw new IllegalStateException("database closed");
          }
        });
    assertThat(health.problems()).containsExactly("store: check failed (IllegalStateException)");
  }
}
