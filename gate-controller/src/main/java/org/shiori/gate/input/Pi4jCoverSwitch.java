package org.shiori.gate.input;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cover switch of the gate's electronics box on one GPIO input (BCM number), pull-up on: the
 * switch is closed to ground while the cover is shut, so the line goes high when the cover is
 * opened or the wire is cut. Each debounced opening (and a cover already open at start) raises a
 * tamper event through {@code tamper}, which stores it before it is published.
 */
public final class Pi4jCoverSwitch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pi4jCoverSwitch.class);

  /** The tamper code of an opened cover. */
  public static final String COVER_OPENED = "COVER_OPENED";

  /** A switch needs less than this to stop bouncing. */
  public static final Duration DEBOUNCE = Duration.ofMillis(50);

  /** Receives the tamper code; stores the event durably before it returns. */
  @FunctionalInterface
  public interface TamperReport {
    void tamper(String code);
  }

  private final int pin;
  private final Clock clock;
  private final Wakeup wakeup;
  private final TamperReport report;
  private final InputDebouncer cover;
  private final DigitalInput input;
  private volatile boolean closed;

  public Pi4jCoverSwitch(Context pi4j, int pin, Clock clock, Wakeup wakeup, TamperReport report) {
    this.pin = pin;
    this.clock = clock;
    this.wakeup = wakeup;
    this.report = report;
    try {
      this.input =
          pi4j.create(
              DigitalInput.newConfigBuilder(pi4j)
                  .id("gate-cover")
                  .name("gate-cover")
                  .address(pin)
                  .pull(PullResistance.PULL_UP));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open GPIO input BCM " + pin + " (gate-cover): " + e.getMessage(), e);
    }
    boolean openAtStart = input.state() == DigitalState.HIGH;
    this.cover = new InputDebouncer(DEBOUNCE, openAtStart, clock.instant());
    if (openAtStart) {
      opened();
    }
    input.addListener(e -> edge(e.state()));
  }

  private void edge(DigitalState level) {
    if (closed) {
      return;
    }
    synchronized (this) {
      cover.raw(level == DigitalState.HIGH, clock.instant());
    }
    wakeup.after(DEBOUNCE.plusMillis(1), this::settle);
  }

  /** Accepts a level that has held for {@link #DEBOUNCE}; an opening raises the tamper event. */
  public void settle() {
    boolean changed;
    boolean open;
    synchronized (this) {
      changed = cover.settle(clock.instant()).isPresent();
      open = cover.active();
    }
    if (changed && open) {
      opened();
    } else if (changed) {
      LOG.info("gate cover closed again (cover switch BCM {})", pin);
    }
  }

  private void opened() {
    LOG.warn("gate cover opened (cover switch BCM {}): tamper event raised", pin);
    try {
      report.tamper(COVER_OPENED);
    } catch (RuntimeException e) {
      LOG.error("tamper event not stored: {}", e.toString());
    }
  }

  /** Whether the cover is open now (debounced). */
  public synchronized boolean open() {
    return cover.active();
  }

  @Override
  public void close() {
    closed = true;
  }
}
