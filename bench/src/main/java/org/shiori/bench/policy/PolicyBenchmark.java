package org.shiori.bench.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.ShippedPolicies;

/**
 * Checkout decisions per second on one core: single items and stacks of 10, against the shipped
 * Matsuyama policy (9 loan rules, 2 eligibility and 5 not-for-loan restrictions) and a policy of 57
 * loan rules and the same 7 restrictions, where a plain book passes 50 more specific rules before
 * its own. Baseline in the same run: building a lend decision alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmark {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final int CONTEXTS = 1024;
  private static final List<String> BRANCHES =
      List.of("central", "mitsuhama", "hojo", "nakajima", "bookmobile");

  /** Which policy: the shipped one, or the one of more than 50 rules. */
  @Param({"matsuyama", "large"})
  public String policyName;

  private CirculationPolicy policy;
  private CheckoutContext[] singles;
  private PatronSnapshot[] stackPatrons;
  private ItemRecord[][] stacks;
  private ZonedDateTime[] stackTimes;
  private String[] stackBranches;
  private int next;
  private final Message lentMessage = new Message("貸出しました。", "Borrowed.");
  private final LocalDate due = LocalDate.of(2027, 8, 3);

  @Setup(Level.Trial)
  public void load() throws IOException {
    policy =
        policyName.equals("matsuyama")
            ? ShippedPolicies.load("matsuyama", TOKYO)
            : ShippedPolicies.load(extract("policy/large-benchmark.yaml"), TOKYO);
    Random random = new Random(42);
    singles = new CheckoutContext[CONTEXTS];
    for (int i = 0; i < CONTEXTS; i++) {
      singles[i] =
          new CheckoutContext(
              patron(random), item(random, i), 1, List.of(), branch(random), moment(random));
    }
    stackPatrons = new PatronSnapshot[CONTEXTS];
    stacks = new ItemRecord[CONTEXTS][10];
    stackTimes = new ZonedDateTime[CONTEXTS];
    stackBranches = new String[CONTEXTS];
    for (int i = 0; i < CONTEXTS; i++) {
      stackPatrons[i] = patron(random);
      for (int j = 0; j < 10; j++) {
        stacks[i][j] = item(random, i * 10 + j);
      }
      stackTimes[i] = moment(random);
      stackBranches[i] = branch(random);
    }
  }

  private static String extract(String resource) throws IOException {
    Path file = Files.createTempFile("policy-bench", ".yaml");
    file.toFile().deleteOnExit();
    try (InputStream in = PolicyBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the class path");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file.toString();
  }

  private static PatronSnapshot patron(Random r) {
    return new PatronSnapshot(
        new PatronKey("5e1f5e1f5e1f5e1f"),
        r.nextInt(10) == 0 ? "disability" : "individual",
        LocalDate.of(2030, 3, 31),
        false,
        r.nextInt(50) == 0,
        Map.of("book", r.nextInt(10), "video", r.nextInt(3), "audio", r.nextInt(5)),
        r.nextInt(40),
        0,
        0,
        Optional.empty(),
        "central");
  }

  private static ItemRecord item(Random r, int n) {
    int kind = r.nextInt(20);
    String material =
        kind < 12
            ? "book"
            : kind < 14
                ? "video"
                : kind < 16
                    ? "audio"
                    : kind < 17
                        ? "magazine"
                        : kind < 18 ? "large-print" : kind < 19 ? "daisy" : "reference";
    Set<String> flags = r.nextInt(20) == 0 ? Set.of("ill-other") : Set.of();
    return new ItemRecord(
        "item-" + n, "-", material, "central", ItemStatus.AVAILABLE, flags, 1, Optional.empty());
  }

  private static String branch(Random r) {
    return BRANCHES.get(r.nextInt(BRANCHES.size()));
  }

  private static ZonedDateTime moment(Random r) {
    return LocalDate.of(2027, 1, 1)
        .plusDays(r.nextInt(700))
        .atTime(LocalTime.of(11, 0))
        .atZone(TOKYO);
  }

  /** Baseline: what building the answer of a lent item costs, with no rule applied. */
  @Benchmark
  public Decision baselineLendDecision() {
    next = (next + 1) & (CONTEXTS - 1);
    return Decision.lend(due.plusDays(next & 7), "R-LIMIT-2", lentMessage);
  }

  /** One item decided: blocks, item state, rule lookup, limits, due date. */
  @Benchmark
  public Decision singleItem() {
    next = (next + 1) & (CONTEXTS - 1);
    return policy.checkout(singles[next]);
  }

  /** A stack of 10 items decided item by item, each counting the ones lent before it. */
  @Benchmark
  public int stackOfTen(Blackhole hole) {
    next = (next + 1) & (CONTEXTS - 1);
    PatronSnapshot patron = stackPatrons[next];
    ItemRecord[] stack = stacks[next];
    List<ItemRecord> lent = new ArrayList<>(10);
    for (ItemRecord item : stack) {
      Decision d =
          policy.checkout(
              new CheckoutContext(patron, item, 1, lent, stackBranches[next], stackTimes[next]));
      hole.consume(d);
      if (d.allowed()) {
        lent.add(item);
      }
    }
    return lent.size();
  }
}
