package org.shiori.kiosk.session;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.shiori.circulation.domain.PatronKey;

/**
 * Checks a patron's PIN (R-CARD-2) and keeps the lockout after repeated failures. The PIN is handed
 * over once and never kept, stored or logged.
 */
public interface PinService {

  /** What a check said. */
  enum Verdict {
    /** Not checked yet, and not locked: the keypad is open. */
    OPEN,
    RIGHT,
    WRONG,
    /** Too many wrong PINs: no check is made until the lockout ends. */
    LOCKED,
    /** No check possible now (central unreachable and the offline policy refuses). */
    UNAVAILABLE
  }

  /**
   * A verdict with the wrong entries left before a lockout.
   *
   * @param verdict the verdict
   * @param attemptsLeft wrong entries left
   */
  record Result(Verdict verdict, int attemptsLeft) {
    public Result {
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /** Whether the card is locked now, and how many attempts are left. */
  Result status(PatronKey patron);

  /** Checks {@code digits}; completes on any thread, never exceptionally. */
  CompletableFuture<Result> verify(PatronKey patron, String digits);

  /** A kiosk that can check no PIN: categories that need one borrow at the counter. */
  static PinService unavailable() {
    return new PinService() {
      @Override
      public Result status(PatronKey patron) {
        return new Result(Verdict.UNAVAILABLE, 0);
      }

      @Override
      public CompletableFuture<Result> verify(PatronKey patron, String digits) {
        return CompletableFuture.completedFuture(new Result(Verdict.UNAVAILABLE, 0));
      }
    };
  }
}
