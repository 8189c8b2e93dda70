package org.shiori.gate.input;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.shiori.config.VisitorBeams;
import org.shiori.gate.visitors.DirectionTracker;
import org.shiori.gate.visitors.DirectionTracker.Beam;
import org.shiori.gate.visitors.Walk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two visitor beams on two GPIO inputs (BCM numbers) of a Pi4J context, pull-ups on: the usual
 * open-collector receiver pulls its line low while the beam is interrupted. Raw edges arrive on the
 * provider's thread; each beam is debounced here with the injected clock (the same on every
 * platform and testable with the mock plugin), and the accepted changes go to the {@link
 * DirectionTracker} in the order they happened. {@link #settle} accepts what has held long enough;
 * the owner calls it through {@code wakeup} after each edge and about once a second, which also
 * notices a beam blocked for too long.
 */
public final class Pi4jVisitorBeams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pi4jVisitorBeams.class);

  /** A beam blocked longer than this is reported (an obstruction, dirt, a misaligned beam). */
  public static final Duration BLOCKED_TOO_LONG = Duration.ofSeconds(60);

  private record Settled(Beam beam, boolean blocked, Instant at) {}

  private final VisitorBeams config;
  private final Clock clock;
  private final Wakeup wakeup;
  private final Consumer<Walk> walks;
  private final DigitalInput outerInput;
  private final DigitalInput innerInput;
  private final InputDebouncer outer;
  private final InputDebouncer inner;
  private final DirectionTracker tracker;
  private Instant outerBlockedSince;
  private Instant innerBlockedSince;
  private boolean outerReported;
  private boolean innerReported;
  private volatile boolean closed;

  /**
   * @param walks told of every walker counted, on the thread that calls {@link #settle}
   */
  public Pi4jVisitorBeams(
      Context pi4j, VisitorBeams config, Clock clock, Wakeup wakeup, Consumer<Walk> walks) {
    this.config = config;
    this.clock = clock;
    this.wakeup = wakeup;
    this.walks = walks;
    this.outerInput = open(pi4j, config.outerPin(), "gate-beam-outer");
    this.innerInput = open(pi4j, config.innerPin(), "gate-beam-inner");
    Instant now = clock.instant();
    this.outer = new InputDebouncer(config.debounce(), isBlocked(outerInput.state()), now);
    this.inner = new InputDebouncer(config.debounce(), isBlocked(innerInput.state()), now);
    this.tracker = new DirectionTracker(outer.active(), inner.active());
    outerBlockedSince = outer.active() ? now : null;
    innerBlockedSince = inner.active() ? now : null;
    outerInput.addListener(e -> edge(Beam.OUTER, e.state()));
    innerInput.addListener(e -> edge(Beam.INNER, e.state()));
  }

  private static DigitalInput open(Context pi4j, int pin, String id) {
    try {
      return pi4j.create(
          DigitalInput.newConfigBuilder(pi4j)
              .id(id)
              .name(id)
              .address(pin)
              .pull(PullResistance.PULL_UP));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open GPIO input BCM " + pin + " (" + id + "): " + e.getMessage(), e);
    }
  }

  private static boolean isBlocked(DigitalState level) {
    return level == DigitalState.LOW;
  }

  private void edge(Beam beam, DigitalState level) {
    if (closed) {
      return;
    }
    synchronized (this) {
      (beam == Beam.OUTER ? outer : inner).raw(isBlocked(level), clock.instant());
    }
    // one millisecond more, so the level has held the whole debounce time when settle runs
    wakeup.after(config.debounce().plusMillis(1), this::settle);
  }

  /** Accepts every beam change that has held for the debounce time, in the order they happened. */
  public void settle() {
    List<Walk> done = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      List<Settled> changes = new ArrayList<>(2);
      outer.settle(now).ifPresent(at -> changes.add(new Settled(Beam.OUTER, outer.active(), at)));
      inner.settle(now).ifPresent(at -> changes.add(new Settled(Beam.INNER, inner.active(), at)));
      changes.sort(Comparator.comparing(Settled::at));
      for (Settled c : changes) {
        blockedSince(c);
        Optional<Walk> walk = tracker.change(c.beam(), c.blocked());
        walk.ifPresent(done::add);
      }
      watchBlocked(now);
    }
    for (Walk walk : done) {
      walks.accept(walk);
    }
  }

  private void blockedSince(Settled c) {
    if (c.beam() == Beam.OUTER) {
      outerBlockedSince = c.blocked() ? c.at() : null;
      if (!c.blocked() && outerReported) {
        outerReported = false;
        LOG.info("visitor beam outer (BCM {}) clear again", config.outerPin());
      }
    } else {
      innerBlockedSince = c.blocked() ? c.at() : null;
      if (!c.blocked() && innerReported) {
        innerReported = false;
        LOG.info("visitor beam inner (BCM {}) clear again", config.innerPin());
      }
    }
  }

  private void watchBlocked(Instant now) {
    if (!outerReported && tooLong(outerBlockedSince, now)) {
      outerReported = true;
      warnBlocked("outer", config.outerPin());
    }
    if (!innerReported && tooLong(innerBlockedSince, now)) {
      innerReported = true;
      warnBlocked("inner", config.innerPin());
    }
  }

  private static boolean tooLong(Instant since, Instant now) {
    return since != null && !now.isBefore(since.plus(BLOCKED_TOO_LONG));
  }

  private static void warnBlocked(String which, int pin) {
    LOG.warn(
        "visitor beam {} (BCM {}) blocked for {} s: walkers are not counted until it clears"
            + " (obstruction, dirt or a misaligned beam)",
        which,
        pin,
        BLOCKED_TOO_LONG.toSeconds());
  }

  /** Whether a beam has been blocked for longer than {@link #BLOCKED_TOO_LONG}. */
  public synchronized boolean blockedTooLong() {
    return outerReported || innerReported;
  }

  @Override
  public void close() {
    closed = true;
  }
}
