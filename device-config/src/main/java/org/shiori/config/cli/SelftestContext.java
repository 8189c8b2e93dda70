package org.shiori.config.cli;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code selftest} hands every {@link SelftestCheck}.
 *
 * @param clock the time a check prints or compares with
 * @param runningService the Shiori service running on this machine, if any: while it runs it holds
 *     the GPIO lines and the receipt printer, and a check must not touch them
 */
public record SelftestContext(Clock clock, Optional<RunningService> runningService) {
  public SelftestContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(runningService, "runningService");
  }
}
