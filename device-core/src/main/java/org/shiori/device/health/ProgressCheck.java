package org.shiori.device.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether a loop that counts its rounds still goes round: stuck once the count has not moved for
 * longer than the limit. For loops that never go idle, such as a gate's inventory loop.
 */
public final class ProgressCheck implements HealthCheck.Check {
  private final String name;
  private final LongSupplier rounds;
  private final Duration limit;
  private final Clock clock;
  private long lastCount = Long.MIN_VALUE;
  private Instant lastMoved;

  public ProgressCheck(String name, LongSupplier rounds, Duration limit, Clock clock) {
    this.name = name;
    this.rounds = rounds;
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized Optional<String> problem() {
    long count = rounds.getAsLong();
    Instant now = clock.instant();
    if (count != lastCount || lastMoved == null) {
      lastCount = count;
      lastMoved = now;
      return Optional.empty();
    }
    Duration still = Duration.between(lastMoved, now);
    return still.compareTo(limit) > 0
        ? Optional.of(name + " stuck: no round for " + still.toSeconds() + " s")
        : Optional.empty();
  }
}
