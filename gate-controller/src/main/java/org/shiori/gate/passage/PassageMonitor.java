package org.shiori.gate.passage;

import java.time.Duration;
import java.util.List;
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
 * Watches the gate's antenna: runs inventory rounds on the reader's own I/O thread, decides each
 * tag once per passage, and on an alarm switches light and buzzer on first (before any further
 * reader command), then identifies the item for the staff event. Reader faults are retried round
 * after round and logged once per outage; nothing a reader sends can stop the loop.
 */
public final class PassageMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PassageMonitor.class);

  /** Pause between rounds while the reader fails, so a dead line does not spin. */
  private static final Duration FAULT_BACKOFF = Duration.ofMillis(250);

  /** Reads of the item id after an alarm before it is reported by tag UID only. */
  private static final int IDENTIFY_ATTEMPTS = 3;

  /** What an alarm sets off. */
  public record Outputs(AlarmSignals signals, Duration alarmDuration, AlarmReport report) {}

  private final TagReader reader;
  private final TagInspector inspector;
  private final GateRules rules;
  private final PassageMemory memory;
  private final Outputs outputs;
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong alarms = new AtomicLong();
  private final AtomicLong faultyRounds = new AtomicLong();
  private ScheduledExecutorService io;
  private boolean failing;

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
    try {
      List<InventoryEntry> inField = reader.inventory(rules.inventoryFilter());
      memory.forgetEnded();
      for (InventoryEntry tag : inField) {
        if (!memory.inPassage(tag.uid())) {
          decide(tag.uid());
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
    }
  }

  private void decide(TagUid uid) {
    TagFacts facts;
    try {
      facts = inspector.forDecision(uid);
    } catch (ReaderException e) {
      // The tag may have left the field after the inventory: decided when it is read again.
      LOG.debug("tag {} not inspected: {}", uid, e.toString());
      return;
    }
    AlarmVerdict verdict = AlarmRule.decide(rules.mode(), facts);
    memory.decided(uid);
    if (verdict.mismatch()) {
      LOG.warn(
          "tag and item database disagree on item {}: tag secured={}, database status={}",
          facts.itemId().orElse("?"),
          facts.tagSecured().orElse(false),
          facts.status().map(Enum::name).orElse("?"));
    }
    if (verdict.alarm()) {
      raise(facts, verdict);
    }
  }

  private void raise(TagFacts facts, AlarmVerdict verdict) {
    outputs.signals().alarm(outputs.alarmDuration());
    alarms.incrementAndGet();
    GateAlarm alarm = GateAlarm.of(identify(facts), verdict.mismatch());
    LOG.warn("gate alarm: item {} (tag {}, mode {})", alarm.itemId(), alarm.uid(), rules.mode());
    try {
      outputs.report().alarm(alarm);
    } catch (RuntimeException e) {
      LOG.error("gate alarm not reported: {}", e.toString());
    }
  }

  /** The item behind an alarming tag, for staff; the light is already on, so retrying is cheap. */
  private TagFacts identify(TagFacts facts) {
    for (int attempt = 1; attempt <= IDENTIFY_ATTEMPTS; attempt++) {
      try {
        return inspector.withItem(facts);
      } catch (ReaderException e) {
        LOG.debug("item of tag {} not read (attempt {}): {}", facts.uid(), attempt, e.toString());
      }
    }
    return facts;
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
