package org.shiori.kiosk.pin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.config.CardSettings;
import org.shiori.kiosk.session.PinService;
import org.shiori.protocol.PinAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's PIN service: central checks the PIN when it can be reached; offline, the policy
 * refuses. Wrong PINs are counted per patron key in {@link PinLockouts}; at {@code maxFailures} the
 * card is locked at this kiosk for {@code lockoutMinutes}, across restarts. A central that cannot
 * answer counts as no attempt. The PIN is passed on once and never kept or logged.
 */
public final class PinGuard implements PinService {
  private static final Logger LOG = LoggerFactory.getLogger(PinGuard.class);

  private final PinLockouts lockouts;
  private final BiFunction<PatronKey, String, CompletableFuture<PinAnswer>> central;
  private final BooleanSupplier online;
  private final CardSettings.Pin rules;
  private final Clock clock;

  /**
   * @param lockouts the lockout file
   * @param central asks central (e.g. {@code OnlineQueries::checkPin})
   * @param online whether central is reachable now
   * @param rules failures, lockout and offline policy
   * @param clock the kiosk's clock
   */
  public PinGuard(
      PinLockouts lockouts,
      BiFunction<PatronKey, String, CompletableFuture<PinAnswer>> central,
      BooleanSupplier online,
      CardSettings.Pin rules,
      Clock clock) {
    this.lockouts = lockouts;
    this.central = central;
    this.online = online;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public Result status(PatronKey patron) {
    PinLockouts.Entry entry = current(patron);
    if (entry.lockedUntil().isPresent()) {
      return new Result(Verdict.LOCKED, 0);
    }
    if (!online.getAsBoolean()) {
      return new Result(Verdict.UNAVAILABLE, left(entry));
    }
    return new Result(Verdict.OPEN, left(entry));
  }

  @Override
  public CompletableFuture<Result> verify(PatronKey patron, String digits) {
    if (current(patron).lockedUntil().isPresent()) {
      return CompletableFuture.completedFuture(new Result(Verdict.LOCKED, 0));
    }
    if (!online.getAsBoolean()) {
      // The offline policy of this kiosk: no PIN check without central.
      return CompletableFuture.completedFuture(
          new Result(Verdict.UNAVAILABLE, left(current(patron))));
    }
    return central
        .apply(patron, digits)
        .handle(
            (answer, error) -> {
              if (error != null || answer.status() == PinAnswer.Status.ERROR) {
                LOG.warn(
                    "PIN check not possible: {}",
                    error != null ? error.toString() : answer.reason().orElse(""));
                return new Result(Verdict.UNAVAILABLE, left(current(patron)));
              }
              if (answer.status() == PinAnswer.Status.RIGHT) {
                lockouts.clear(patron);
                return new Result(Verdict.RIGHT, rules.maxFailures());
              }
              Instant until = clock.instant().plus(Duration.ofMinutes(rules.lockoutMinutes()));
              PinLockouts.Entry entry = lockouts.failed(patron, rules.maxFailures(), until);
              if (entry.lockedUntil().isPresent()) {
                LOG.info("card locked for PIN entry after {} wrong PINs", entry.failures());
                return new Result(Verdict.LOCKED, 0);
              }
              return new Result(Verdict.WRONG, left(entry));
            });
  }

  /** The entry, with a lockout that ran out forgotten. */
  private PinLockouts.Entry current(PatronKey patron) {
    PinLockouts.Entry entry = lockouts.entry(patron);
    if (entry.lockedUntil().filter(t -> !clock.instant().isBefore(t)).isPresent()) {
      lockouts.clear(patron);
      return new PinLockouts.Entry(0, java.util.Optional.empty());
    }
    return entry;
  }

  private int left(PinLockouts.Entry entry) {
    return Math.max(0, rules.maxFailures() - entry.failures());
  }
}
