package org.shiori.emulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults an emulator applies to its replies, switchable while it runs. A fault is either standing
 * ({@link #always}) or limited to the next {@code n} replies ({@link #next}).
 */
public final class FaultInjection {
  /** What goes wrong with a reply. */
  public enum Fault {
    NONE,
    /** One byte in the middle of the reply is lost. */
    DROP_BYTE,
    /** The last checksum byte is inverted. */
    CORRUPT_CRC,
    /** The reply is sent after {@link #delay()}. */
    DELAY,
    /** No reply at all. */
    SILENT,
    /** The reader answers "no transponder" (tag moved out of the field for a moment). */
    NO_TAG,
    /** The reply is preceded by random-looking garbage bytes. */
    GARBAGE_BEFORE,
    /** The reply is written one byte at a time. */
    SPLIT
  }

  private final AtomicReference<Fault> standing = new AtomicReference<>(Fault.NONE);
  private final AtomicReference<Fault> once = new AtomicReference<>(Fault.NONE);
  private final AtomicInteger onceLeft = new AtomicInteger();
  private volatile Duration delay = Duration.ofMillis(200);

  public void always(Fault fault) {
    standing.set(fault);
  }

  /** Applies {@code fault} to the next {@code replies} replies, then falls back to standing. */
  public void next(Fault fault, int replies) {
    once.set(fault);
    onceLeft.set(replies);
  }

  public void clear() {
    standing.set(Fault.NONE);
    onceLeft.set(0);
  }

  public void setDelay(Duration d) {
    this.delay = d;
  }

  public Duration delay() {
    return delay;
  }

  /** The fault for the reply about to be sent (consumes one of the "next" faults). */
  Fault take() {
    while (true) {
      int left = onceLeft.get();
      if (left <= 0) {
        return standing.get();
      }
      if (onceLeft.compareAndSet(left, left - 1)) {
        return once.get();
      }
    }
  }
}
