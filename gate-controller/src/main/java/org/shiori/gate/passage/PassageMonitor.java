package org.shiori.gate.passage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.gate.signal.AlarmSignals;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.tag.TagUid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the gate's antenna: runs inventory rounds on the reader's own I/O thread and decides each
 * tag that enters the field once per passage (docs/gate.md). Every decision rests on the current
 * round alone: a tag that is not in it cannot alarm. Light and buzzer are switched on the moment
 * the first alarming tag of a round is decided, before any further reader command. Only after all
 * tags of the round are decided does the monitor read the item id of alarming tags whose mode did
 * not need it (afi, eas), at most {@link #IDENTIFY_PER_ROUND} per round, one attempt each; the
 * alarms then go to the report, which looks titles up and stores the events off this thread. Reader
 * faults are retried round after round and logged once per outage.
 */
public final class PassageMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PassageMonitor.class);

  /** Pause between rounds while the reader fails, so a dead line does not spin. */
  private static final Duration FAULT_BACKOFF = Duration.ofMillis(250);

  /** Item-id reads after a round's alarms, so a crowd cannot stall the inventory loop. */
  static final int IDENTIFY_PER_ROUND = 4;

  /** What an alarm sets off. */
  public record Outputs(AlarmSignals signals, Duration alarmDuration, AlarmReport report) {}

  /** Told the moment each alarm is decided, for latency measurements (benchmarks, tests). */
  @FunctionalInterface
  public interface AlarmListener {
    /**
     * @param nanoTime {@link System#nanoTime} right after the decision
     * @param uid the alarming tag
     * @param outputsSwitched whether this alarm switched the outputs on (the first of its round)
     */
    void raised(long nanoTime, TagUid uid, boolean outputsSwitched);
  }

  private final TagReader reader;
  private final TagInspector inspector;
  private final GateRules rules;
  private final PassageMemory memory;
  private final Outputs outputs;
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong alarms = new AtomicLong();
  private final AtomicLong faultyRounds = new AtomicLong();
  private volatile AlarmListener alarmListener = (t, u, o) -> {};
  private ScheduledExecutorService io;
  private boolean failing;

  /**
   * Tags that did not answer the last round's filtered inventory but its full one (cross-check).
   */
  private Set<TagUid> lateArrivals = new HashSet<>();

  public PassageMonitor(
      TagReader reader,
      TagInspector inspector,
      GateRules rules,
      PassageMemory memory,
      Outputs outputs) {
    this.reader = reader;
    this.inspector = inspector;
    this.rules = rules;
    this.memory = memory;
    this.outputs = outputs;
  }

  public void setAlarmListener(AlarmListener listener) {
    this.alarmListener = listener;
  }

  /** Starts the loop on a new I/O thread, pausing {@code cycle} between rounds. */
  public synchronized void start(Duration cycle) {
    if (io != null) {
      return;
    }
    io =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gate-reader");
              t.setDaemon(true);
              return t;
            });
    ScheduledExecutorService thread = io;
    thread.execute(() -> loop(thread, cycle));
  }

  private void loop(ScheduledExecutorService thread, Duration cycle) {
    Duration pause = scanOnce() ? cycle : FAULT_BACKOFF;
    try {
      thread.schedule(() -> loop(thread, cycle), pause.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      LOG.debug("passage monitor stopped");
    }
  }

  /**
   * One inventory round with its decisions; called by the loop, or directly by a test that drives
   * the gate step by step.
   *
   * @return false when the reader failed this round
   */
  public boolean scanOnce() {
    rounds.incrementAndGet();
    List<TagFacts> raised = new ArrayList<>();
    try (PassageMemory.Round round = memory.round()) {
      Set<TagUid> secured = new HashSet<>();
      OptionalInt securedFirst = rules.securedFirst();
      if (securedFirst.isPresent()) {
        List<TagUid> answered = uids(reader.inventory(securedFirst));
        secured.addAll(answered);
        for (TagUid uid : round.entering(answered)) {
          judge(TagFacts.of(uid).withTagSecured(true), raised);
        }
      }
      List<TagUid> others = uids(reader.inventory(rules.inventoryFilter()));
      others.removeAll(secured);
      Set<TagUid> lateBefore = lateArrivals;
      lateArrivals = new HashSet<>();
      for (TagUid uid : round.entering(others)) {
        if (securedFirst.isPresent() && !lateBefore.contains(uid)) {
          // Perhaps it came after this round's filtered inventory: the next one tells at once
          // whether it is secured; only a tag that again fails to answer it is read one by one.
          memory.undecided(uid);
          lateArrivals.add(uid);
        } else {
          decide(uid, raised);
        }
      }
      if (failing) {
        LOG.info("gate reader answers again");
        failing = false;
      }
      return true;
    } catch (ReaderException | RuntimeException e) {
      faultyRounds.incrementAndGet();
      if (!failing) {
        LOG.warn("gate reader fault, retrying: {}", e.toString());
        failing = true;
      }
      return false;
    } finally {
      report(raised);
    }
  }

  private static List<TagUid> uids(List<InventoryEntry> inField) {
    List<TagUid> uids = new ArrayList<>(inField.size());
    for (InventoryEntry tag : inField) {
      uids.add(tag.uid());
    }
    return uids;
  }

  private void decide(TagUid uid, List<TagFacts> raised) {
    TagFacts facts;
    try {
      facts = inspector.forDecision(uid);
    } catch (ReaderException e) {
      // The tag may have left the field after the inventory: decided when it is read again.
      memory.undecided(uid);
      LOG.debug("tag {} not inspected: {}", uid, e.toString());
      return;
    }
    judge(facts, raised);
  }

  private void judge(TagFacts facts, List<TagFacts> raised) {
    AlarmVerdict verdict = AlarmRule.decide(rules.mode(), facts);
    if (verdict.alarm()) {
      boolean first = raised.isEmpty();
      if (first) {
        outputs.signals().alarm(outputs.alarmDuration());
      }
      alarmListener.raised(System.nanoTime(), facts.uid(), first);
      alarms.incrementAndGet();
      raised.add(facts);
    }
  }

  /**
   * After the round: item ids the decision did not read, then every alarm to the report, with the
   * mismatch found once the item is known (a secured tag of cross-check mode alarms on its AFI
   * alone; its item is read here).
   */
  private void report(List<TagFacts> raised) {
    int reads = 0;
    for (TagFacts decided : raised) {
      TagFacts facts = decided;
      if (facts.itemId().isEmpty() && reads < IDENTIFY_PER_ROUND) {
        reads++;
        try {
          facts = inspector.withItem(facts);
        } catch (ReaderException | RuntimeException e) {
          LOG.debug("item of tag {} not read: {}", facts.uid(), e.toString());
        }
      }
      // A mismatch needs both the tag's state and the item's: decided on what is known now.
      boolean mismatch = AlarmRule.decide(rules.mode(), facts).mismatch();
      if (mismatch) {
        logMismatch(facts);
      }
      GateAlarm alarm = GateAlarm.of(facts, mismatch);
      LOG.warn("gate alarm: item {} (tag {}, mode {})", alarm.itemId(), alarm.uid(), rules.mode());
      try {
        outputs.report().alarm(alarm);
      } catch (RuntimeException e) {
        LOG.error("gate alarm not reported: {}", e.toString());
      }
    }
  }

  private static void logMismatch(TagFacts facts) {
    LOG.warn(
        "tag and item database disagree on item {}: tag secured={}, database status={}",
        facts.itemId().orElse("?"),
        facts.tagSecured().orElse(false),
        facts.status().map(Enum::name).orElse("?"));
  }

  /** Inventory rounds run so far. */
  public long rounds() {
    return rounds.get();
  }

  /** Alarms raised so far (one per passage). */
  public long alarmsRaised() {
    return alarms.get();
  }

  /** Rounds in which the reader failed. */
  public long faultyRounds() {
    return faultyRounds.get();
  }

  /** Tags currently remembered as in a passage. */
  public int tagsInPassage() {
    return memory.size();
  }

  @Override
  public synchronized void close() {
    if (io != null) {
      io.shutdownNow();
      try {
        io.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
