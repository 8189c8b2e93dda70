package org.shiori.bench.gate;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.gate.cache.ItemStates;

/**
 * The gate's in-memory item states with 1,000,000 items: status lookup of a known and of an unknown
 * numeric item id, of a known lettered id ({@code JP-...}, the arena table, 1,000,000 of them in a
 * second table), beside a baseline {@code HashMap<String, ItemStatus>} lookup of the numeric ids.
 * The heap the table takes is printed at set-up (retained heap after a full GC).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class ItemStatesBenchmark {
  private static final int ITEMS = 1_000_000;
  private ItemStates states;
  private java.util.HashMap<String, ItemStatus> baseline;
  private String[] known;
  private String[] unknown;
  private ItemStates lettered;
  private String[] letteredKnown;
  private int i;

  @Setup(Level.Trial)
  public void setUp() {
    known = new String[4096];
    unknown = new String[4096];
    for (int k = 0; k < known.length; k++) {
      known[k] = Long.toString(3_010_000_000_000L + (k * 244L) % ITEMS);
      unknown[k] = Long.toString(3_020_000_000_000L + k);
    }
    long before = usedHeap();
    states = new ItemStates(ITEMS);
    ItemStatus[] all = ItemStatus.values();
    for (int k = 0; k < ITEMS; k++) {
      states.item(Long.toString(3_010_000_000_000L + k), all[k % all.length]);
    }
    long after = usedHeap();
    System.out.printf(
        "%nItemStates: %,d items retain %.1f MB of heap%n", states.size(), (after - before) / 1e6);
    // Ids that are not plain numbers take the arena table: measured apart, with as many items.
    lettered = new ItemStates(ITEMS);
    letteredKnown = new String[4096];
    for (int k = 0; k < ITEMS; k++) {
      lettered.item("JP-" + (3_010_000_000L + k), all[k % all.length]);
    }
    for (int k = 0; k < letteredKnown.length; k++) {
      letteredKnown[k] = "JP-" + (3_010_000_000L + (k * 244L) % ITEMS);
    }
    long afterLettered = usedHeap();
    System.out.printf(
        "ItemStates, lettered ids: %,d items retain %.1f MB of heap%n",
        lettered.size(), (afterLettered - after) / 1e6);
    baseline = new java.util.HashMap<>();
    for (int k = 0; k < ITEMS; k++) {
      baseline.put(Long.toString(3_010_000_000_000L + k), all[k % all.length]);
    }
    System.out.printf(
        "baseline HashMap<String, ItemStatus>: %.1f MB more%n", (usedHeap() - afterLettered) / 1e6);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    for (int k = 0; k < 3; k++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

  @Benchmark
  public ItemStatus knownItem() {
    return states.statusOf(known[i++ & 4095]);
  }

  @Benchmark
  public ItemStatus unknownItem() {
    return states.statusOf(unknown[i++ & 4095]);
  }

  @Benchmark
  public ItemStatus knownLetteredItem() {
    return lettered.statusOf(letteredKnown[i++ & 4095]);
  }

  @Benchmark
  public ItemStatus baselineHashMapKnownItem() {
    return baseline.get(known[i++ & 4095]);
  }
}
